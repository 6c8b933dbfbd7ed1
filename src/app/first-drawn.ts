import { nextTick, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { useEngineStore } from './engine-store';

/**
 * Tell the app the first view is on screen once `drawn` holds: `#app[data-state=ready]` (the
 * contract the tests and the bench wait on) means the view shows its data, not just the engine.
 * Every view says it this one way; the mark is set after the DOM has caught up with the data.
 */
export function useReportDrawn(drawn: MaybeRefOrGetter<boolean>): void {
  const store = useEngineStore();
  watch(
    () => toValue(drawn),
    (done) => {
      if (done && !store.firstViewDrawn) void nextTick(() => (store.firstViewDrawn = true));
    },
    { immediate: true },
  );
}
