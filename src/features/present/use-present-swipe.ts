import { useEventListener } from '@vueuse/core';
import type { Ref } from 'vue';

// Phones and tablets step through the show with a swipe, as through photos: left for the next
// slide, right for the one before. A slow drag or a mostly vertical one (a scroll) is no swipe.

/** Far enough, fast enough and mostly sideways: -1 (swiped right), 1 (swiped left), else 0. */
export function swipeStep(dx: number, dy: number, ms: number): -1 | 0 | 1 {
  if (ms > 800 || Math.abs(dx) < 50 || Math.abs(dx) < 1.5 * Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}

export function usePresentSwipe(target: Ref<HTMLElement | null>, step: (delta: number) => void): void {
  let start: { x: number; y: number; t: number; id: number } | null = null;
  useEventListener(target, 'pointerdown', (e: PointerEvent) => {
    start = e.pointerType === 'mouse' ? null : { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
  });
  useEventListener(target, 'pointerup', (e: PointerEvent) => {
    if (!start || start.id !== e.pointerId) return;
    const delta = swipeStep(e.clientX - start.x, e.clientY - start.y, e.timeStamp - start.t);
    start = null;
    if (delta !== 0) step(delta);
  });
  useEventListener(target, 'pointercancel', () => (start = null));
}
