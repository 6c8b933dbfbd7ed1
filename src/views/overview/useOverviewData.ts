import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Engine } from '../../engine/types';
import { listEntities, type EntityInfo } from '../../queries/entities';
import { pickHeadline } from '../../queries/headline';
import { chooseScope, type Scope } from '../../queries/hierarchy';
import { listIndicators, listYears, type IndicatorInfo } from '../../queries/indicators';
import { querySeries, type SeriesPoint } from '../../queries/series';
import { queryHistory, type HistoryRow } from '../../queries/history';
import { querySnapshot, type SnapshotRow } from '../../queries/snapshot';

export const HEADLINE_COUNT = 6;

export interface OverviewInputs {
  engine: Ref<Engine | null>;
  dataVersion: Ref<number>;
  datasetIds: Ref<string[]>;
  requestedYear: Ref<number | null>;
  requestedIndicator: Ref<string | null>;
}

/**
 * Everything the overview draws, queried when its inputs change. Catalog-level facts (indicators,
 * years, entities) are fetched once per dataset selection; values per indicator and year.
 */
export function useOverviewData(inputs: OverviewInputs) {
  const indicators = shallowRef<IndicatorInfo[]>([]);
  const years = shallowRef<number[]>([]);
  const entities = shallowRef<EntityInfo[]>([]);
  const kpiRows = shallowRef<SnapshotRow[]>([]);
  const series = shallowRef<SeriesPoint[]>([]);
  const ranking = shallowRef<SnapshotRow[]>([]);
  /** Every indicator of every member: the inputs of the composite index and the heatmap. */
  const memberValues = shallowRef<SnapshotRow[]>([]);
  const rootHistory = shallowRef<HistoryRow[]>([]);
  const loading = ref(true);
  const failed = ref<string | null>(null);

  const scope = computed<Scope>(() => chooseScope(entities.value));
  const year = computed(() => {
    const y = inputs.requestedYear.value;
    return y !== null && years.value.includes(y) ? y : (years.value[0] ?? new Date().getFullYear());
  });
  const headline = computed(() =>
    pickHeadline(indicators.value, new Set(kpiRows.value.map((r) => r.indicator_id)), HEADLINE_COUNT),
  );
  const indicator = computed<IndicatorInfo | null>(() => {
    const asked = indicators.value.find((i) => i.indicator_id === inputs.requestedIndicator.value);
    return asked ?? headline.value[0] ?? indicators.value[0] ?? null;
  });

  // A later request supersedes an earlier one still in flight: only the newest result is kept.
  let generation = 0;

  async function loadCatalog(engine: Engine, datasetIds: string[]): Promise<void> {
    const [i, y, e] = await Promise.all([listIndicators(engine, datasetIds), listYears(engine, datasetIds), listEntities(engine, datasetIds)]);
    indicators.value = i;
    years.value = y;
    entities.value = e;
  }

  async function loadValues(engine: Engine, datasetIds: string[], mine: number): Promise<void> {
    const { root, members } = scope.value;
    const focus = indicator.value;
    const headlineEntity = root ? [root.entity_id] : [];
    const [k, s, r, m, h] = await Promise.all([
      querySnapshot(engine, { datasetIds, entityIds: headlineEntity, year: year.value }),
      focus
        ? querySeries(engine, {
            datasetIds,
            indicatorId: focus.indicator_id,
            entityIds: [...headlineEntity, ...members.map((m) => m.entity_id)],
            toYear: year.value,
          })
        : Promise.resolve([]),
      focus
        ? querySnapshot(engine, { datasetIds, entityIds: members.map((m) => m.entity_id), indicatorIds: [focus.indicator_id], year: year.value })
        : Promise.resolve([]),
      querySnapshot(engine, { datasetIds, entityIds: members.map((m) => m.entity_id), year: year.value }),
      queryHistory(engine, datasetIds, headlineEntity, year.value),
    ]);
    if (mine !== generation) return;
    kpiRows.value = k;
    series.value = s;
    ranking.value = r;
    memberValues.value = m;
    rootHistory.value = h;
  }

  async function refresh(catalogToo: boolean): Promise<void> {
    const engine = inputs.engine.value;
    if (!engine) return;
    const mine = ++generation;
    loading.value = true;
    failed.value = null;
    try {
      const datasetIds = inputs.datasetIds.value;
      if (catalogToo) await loadCatalog(engine, datasetIds);
      if (mine !== generation) return;
      await loadValues(engine, datasetIds, mine);
    } catch (e) {
      if (mine === generation) failed.value = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch([inputs.engine, inputs.dataVersion, () => inputs.datasetIds.value.join(',')], () => void refresh(true), { immediate: true });
  watch([year, () => indicator.value?.indicator_id], () => void refresh(false));

  return { indicators, years, entities, scope, year, headline, indicator, kpiRows, series, ranking, memberValues, rootHistory, loading, failed };
}
