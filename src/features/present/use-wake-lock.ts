import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

export type WakeState = 'on' | 'off' | 'unsupported' | 'denied';

/**
 * Keeps the screen awake while the show plays, where the Screen Wake Lock API exists. The
 * browser drops the lock whenever the page is hidden, so it is asked for again on return.
 */
export function useWakeLock(wanted: Ref<boolean>) {
  const state = ref<WakeState>('wakeLock' in navigator ? 'off' : 'unsupported');
  let sentinel: WakeLockSentinel | null = null;
  let requesting = false;

  async function acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || sentinel || requesting || !wanted.value || document.visibilityState !== 'visible') return;
    requesting = true;
    try {
      const s = await navigator.wakeLock.request('screen');
      s.addEventListener('release', () => {
        if (sentinel === s) sentinel = null;
        if (state.value === 'on') state.value = 'off';
      });
      sentinel = s;
      state.value = 'on';
      // Paused or left while the request was pending: give it straight back.
      if (!wanted.value) await release();
    } catch {
      state.value = 'denied';
    } finally {
      requesting = false;
    }
  }

  async function release(): Promise<void> {
    const s = sentinel;
    sentinel = null;
    if (state.value === 'on') state.value = 'off';
    await s?.release().catch(() => undefined);
  }

  const onVisibility = () => void (document.visibilityState === 'visible' ? acquire() : undefined);
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
  });
  watch(wanted, (w) => void (w ? acquire() : release()));
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    void release();
  });
  return { state };
}
