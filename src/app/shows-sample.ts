import { computed, type ComputedRef } from 'vue';
import { useEngineStore } from './engine-store';

/** Whether sample data is in view: the 示例数据 badge and the note under the page stand then, and only then. */
export function useShowsSample(datasetIds: () => readonly string[]): ComputedRef<boolean> {
  const store = useEngineStore();
  return computed(() => store.datasets.some((d) => d.kind === 'sample' && datasetIds().includes(d.dataset_id)));
}
