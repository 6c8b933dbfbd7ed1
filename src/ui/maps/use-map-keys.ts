import { computed, ref, type Ref } from 'vue';

/**
 * A map walked by keyboard: with the map focused, the arrow keys go from region to region in
 * `order` (best first), each highlighted, shown in its tooltip and said (`spoken`, for a live
 * region); Enter opens it. `said` gives the words for a region, by its place in the order.
 */
export function useMapKeys(order: () => readonly string[], said: (index: number) => string, panel: Ref<{ dispatch: (action: Record<string, unknown>) => void } | null>, open: (feature: string) => void) {
  const focused = ref(-1);
  const spoken = computed(() => (focused.value >= 0 ? said(focused.value) : ''));

  function step(delta: number): void {
    const names = order();
    if (names.length === 0) return;
    const previous = names[focused.value];
    if (previous) panel.value?.dispatch({ type: 'downplay', seriesIndex: 0, name: previous });
    focused.value = (focused.value + delta + names.length) % names.length;
    const name = names[focused.value] as string;
    panel.value?.dispatch({ type: 'highlight', seriesIndex: 0, name });
    panel.value?.dispatch({ type: 'showTip', seriesIndex: 0, name });
  }

  function onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') step(1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') step(-1);
    else if (event.key === 'Enter' && focused.value >= 0) open(order()[focused.value] ?? '');
    else return;
    event.preventDefault();
  }

  return { spoken, onKey, blur: () => (focused.value = -1) };
}
