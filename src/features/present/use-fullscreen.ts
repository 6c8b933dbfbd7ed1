import { onBeforeUnmount, onMounted, ref } from 'vue';

/** Full screen on request (a click or a key press: browsers refuse it otherwise), tracked both ways. */
export function useFullscreen() {
  const active = ref(document.fullscreenElement !== null);
  const sync = () => (active.value = document.fullscreenElement !== null);

  async function toggle(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    } catch {
      // Refused (no user gesture, kiosk policy): the show is laid out for the window it has.
    }
  }

  onMounted(() => document.addEventListener('fullscreenchange', sync));
  onBeforeUnmount(() => {
    document.removeEventListener('fullscreenchange', sync);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  });
  return { active, toggle };
}
