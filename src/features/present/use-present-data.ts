import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Engine } from '../../engine/types';
import { listEntities, type EntityInfo } from '../../queries/entities';
import { chooseScope, type Scope } from '../../queries/hierarchy';
import { queryHistory, type HistoryRow } from '../../queries/history';
import { chooseYear, listIndicators, listYears, type IndicatorInfo } from '../../queries/indicators';
import { querySnapshot, type SnapshotRow } from '../../queries/snapshot';

export interface PresentInputs {
  engine: Ref<Engine | null>;
  dataVersion: Ref<number>;
  datasetIds: Ref<string[]>;
  requestedYear: Ref<number | null>;
}

/**
 * Everything a show draws, queried once per dataset selection and year. Slides then change
 * without touching the engine, so an unattended show runs on what is in memory.
 */
export function usePresentData(inputs: PresentInputs) {
  const indicators = shallowRef<IndicatorInfo[]>([]);
  const years = shallowRef<number[]>([]);
  const entities = shallowRef<EntityInfo[]>([]);
  /** The city's latest values (headline tiles). */
  const rootValues = shallowRef<SnapshotRow[]>([]);
  /** Every district's latest values (ranking, heatmap, district slides). */
  const memberValues = shallowRef<SnapshotRow[]>([]);
  /** City and districts, every period up to the year (trends, changes, projections). */
  const history = shallowRef<HistoryRow[]>([]);
  /** Branches and villages below the districts (who lags in each district). */
  const belowValues = shallowRef<SnapshotRow[]>([]);
  const loaded = ref(false);
  const failed = ref<string | null>(null);

  const scope = computed<Scope>(() => chooseScope(entities.value));
  const year = computed(() => chooseYear(inputs.requestedYear.value, years.value));
  /** Children and grandchildren of the districts, with their levels, for sibling scoring. */
  const below = computed(() => {
    const members = new Set(scope.value.members.map((m) => m.entity_id));
    const children = entities.value.filter((e) => e.parent_id !== null && members.has(e.parent_id));
    const childIds = new Set(children.map((c) => c.entity_id));
    return [...children, ...entities.value.filter((e) => e.parent_id !== null && childIds.has(e.parent_id))];
  });

  let generation = 0;
  let catalogKey = '';
  async function refresh(): Promise<void> {
    const engine = inputs.engine.value;
    if (!engine) return;
    const mine = ++generation;
    const datasetIds = [...inputs.datasetIds.value];
    try {
      const key = `${inputs.dataVersion.value}|${datasetIds.join(',')}`;
      if (key !== catalogKey) {
        const [i, y, e] = await Promise.all([listIndicators(engine, datasetIds), listYears(engine, datasetIds), listEntities(engine, datasetIds)]);
        if (mine !== generation) return;
        indicators.value = i;
        years.value = y;
        entities.value = e;
        catalogKey = key;
      }
      const { root, members } = scope.value;
      const rootIds = root ? [root.entity_id] : [];
      const memberIds = members.map((m) => m.entity_id);
      const [r, m, h, b] = await Promise.all([
        querySnapshot(engine, { datasetIds, entityIds: rootIds, year: year.value }),
        querySnapshot(engine, { datasetIds, entityIds: memberIds, year: year.value }),
        queryHistory(engine, datasetIds, [...rootIds, ...memberIds], year.value),
        querySnapshot(engine, { datasetIds, entityIds: below.value.map((x) => x.entity_id), year: year.value }),
      ]);
      if (mine !== generation) return;
      rootValues.value = r;
      memberValues.value = m;
      history.value = h;
      belowValues.value = b;
      failed.value = null;
      loaded.value = true;
    } catch (e) {
      if (mine === generation) failed.value = e instanceof Error ? e.message : String(e);
    }
  }

  watch([inputs.engine, inputs.dataVersion, () => inputs.datasetIds.value.join(','), year], () => void refresh(), { immediate: true });

  return { indicators, years, entities, scope, year, below, rootValues, memberValues, history, belowValues, loaded, failed };
}
