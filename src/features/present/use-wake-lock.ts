import { useWakeLock as useScreenWakeLock } from '@vueuse/core';
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';

export type WakeState = 'on' | 'off' | 'unsupported' | 'denied';

/**
 * Keeps the screen awake while the show plays, where the Screen Wake Lock API exists (vueuse asks
 * again when the page returns from hidden). Adds what the settings panel tells: a refused request.
 */
export function useWakeLock(wanted: Ref<boolean>) {
  const lock = useScreenWakeLock();
  const denied = ref(false);
  let alive = true;
  onScopeDispose(() => (alive = false));

  async function acquire(): Promise<void> {
    try {
      await lock.request('screen');
      denied.value = false;
    } catch {
      denied.value = true;
      return;
    }
    // Paused or left while the request was pending: give it straight back.
    if (!alive || !wanted.value) await lock.release().catch(() => undefined);
  }

  watch(wanted, (w) => void (w && lock.isSupported.value ? acquire() : lock.release().catch(() => undefined)), { immediate: true });
  const state = computed<WakeState>(() => (!lock.isSupported.value ? 'unsupported' : denied.value ? 'denied' : lock.isActive.value ? 'on' : 'off'));
  return { state };
}
