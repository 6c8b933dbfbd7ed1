import { storeToRefs } from 'pinia';
import { computed } from 'vue';
import type { Engine } from '../engine/types';
import { chooseYear } from '../queries/indicators';
import { viewQueries } from '../queries/view-cache';
import { dataKey } from './catalog';
import { useEngineStore } from './engine-store';
import { useUrlState } from './url-state';

/**
 * What every view's data composable starts from: the engine, the link's parameters, the shared
 * catalog, the year shown, and how its query keys begin (data version and datasets in view).
 */
export function useViewContext() {
  const store = useEngineStore();
  const { engine, dataVersion } = storeToRefs(store);
  const url = useUrlState();
  const catalog = url.catalog;
  const year = computed(() => chooseYear(url.period.value, catalog.years.value));
  /** Queries run once the engine is up and the catalog on hand is that of the datasets in view. */
  const ready = () => engine.value !== null && catalog.current.value;
  const key = (name: string, ...parts: (string | number)[]) => [name, ...dataKey(dataVersion.value, url.datasetIds.value), ...parts];
  /** The engine, once `ready` holds. */
  const running = () => engine.value as Engine;
  /** The observations of these entities, held in memory for the view (view-cache.ts). */
  const held = (entityIds: readonly string[]) => viewQueries(running(), { dataVersion: dataVersion.value, datasetIds: url.datasetIds.value, entityIds });
  return { url, catalog, year, ready, key, running, held };
}
