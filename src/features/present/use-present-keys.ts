import { useEventListener } from '@vueuse/core';

export interface PresentKeyActions {
  step: (delta: number) => void;
  first: () => void;
  last: () => void;
  togglePause: () => void;
  toggleFullscreen: () => void;
  leave: () => void;
  /** While true (the playlist editor is open), keys belong to the form. */
  editing: () => boolean;
}

/**
 * The show's keys: ← → ↑ ↓ PageUp PageDown step (a presenter's clicker sends PageUp/PageDown),
 * Home and End jump, Space pauses, F is full screen, Esc leaves full screen and then the show.
 */
export function usePresentKeys(actions: PresentKeyActions): void {
  const map: Record<string, () => void> = {
    ArrowRight: () => actions.step(1),
    ArrowDown: () => actions.step(1),
    PageDown: () => actions.step(1),
    ArrowLeft: () => actions.step(-1),
    ArrowUp: () => actions.step(-1),
    PageUp: () => actions.step(-1),
    Home: actions.first,
    End: actions.last,
    ' ': actions.togglePause,
    f: actions.toggleFullscreen,
    F: actions.toggleFullscreen,
    Escape: () => (document.fullscreenElement ? void document.exitFullscreen().catch(() => undefined) : actions.leave()),
  };
  useEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (actions.editing() || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    const action = map[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });
}
