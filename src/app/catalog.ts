import { useQuery } from '@pinia/colada';
import { storeToRefs } from 'pinia';
import { computed } from 'vue';
import type { Entity } from '../domain/entity';
import type { Engine } from '../engine/types';
import { chooseScope } from '../queries/hierarchy';
import { listEntities } from '../queries/entities';
import { listIndicators, listYears, type IndicatorInfo } from '../queries/indicators';
import { applyOverrides } from '../scoring/overrides';
import { useEngineStore } from './engine-store';
import { useScoringStore } from './scoring-store';

/** What the datasets in view hold: the pickers' choices and the hierarchy every view scores within. */
export interface Catalog {
  indicators: IndicatorInfo[];
  /** Years with data, newest first. */
  years: number[];
  entities: Entity[];
}

export const EMPTY_CATALOG: Catalog = Object.freeze({ indicators: [], years: [], entities: [] }) as unknown as Catalog;

export async function loadCatalog(engine: Engine, datasetIds: readonly string[]): Promise<Catalog> {
  const [indicators, years, entities] = await Promise.all([listIndicators(engine, datasetIds), listYears(engine, datasetIds), listEntities(engine, datasetIds)]);
  return { indicators, years, entities };
}

/** The cache key of everything derived from the data: a new data version is new data. */
export const dataKey = (dataVersion: number, datasetIds: readonly string[]) => [dataVersion, datasetIds.join(',')] as const;

/**
 * The catalog of the datasets in view, asked once per data version and dataset selection and
 * shared by every view (a navigation reads the cached answer). `indicators` carry the targets,
 * weights and gates set in the scoring settings, which every score and status uses.
 */
export function useCatalog(datasetIds: () => readonly string[]) {
  const store = useEngineStore();
  const { engine, dataVersion } = storeToRefs(store);
  const scoring = useScoringStore();
  const query = useQuery({
    key: () => ['catalog', ...dataKey(dataVersion.value, datasetIds())],
    query: () => loadCatalog(engine.value as Engine, datasetIds()),
    enabled: () => engine.value !== null && datasetIds().length > 0,
    // While the next selection's catalog is asked, the pickers keep the last one.
    placeholderData: (previous) => previous,
  });
  const raw = computed(() => query.data.value ?? EMPTY_CATALOG);
  const indicators = computed(() => applyOverrides(raw.value.indicators, scoring.overrides));
  const scope = computed(() => chooseScope(raw.value.entities));
  /** True once the catalog on hand is the one of the datasets in view (not the previous one's). */
  const current = computed(() => query.status.value === 'success' && !query.isPlaceholderData.value);
  /** True once any catalog is on hand: the pickers stay usable while the next one is asked. */
  const loaded = computed(() => query.data.value !== undefined);
  return {
    query,
    loaded,
    indicators,
    years: computed(() => raw.value.years),
    entities: computed(() => raw.value.entities),
    scope,
    current,
  };
}
