import { onBeforeUnmount, onMounted, ref } from 'vue';

/** True once the pointer has rested for `ms`: the cursor and the on-screen controls then hide. */
export function useIdle(ms = 2500) {
  const idle = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    idle.value = false;
    clearTimeout(timer);
    timer = setTimeout(() => (idle.value = true), ms);
  };
  const events = ['pointermove', 'pointerdown', 'wheel'] as const;
  onMounted(() => {
    for (const e of events) window.addEventListener(e, wake, { passive: true });
    wake();
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, wake);
  });
  return { idle, wake };
}
