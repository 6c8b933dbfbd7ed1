import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Engine } from '../../engine/types';
import { listEntities, type EntityInfo } from '../../queries/entities';
import { pickHeadline } from '../../queries/headline';
import { chooseScope, type Scope } from '../../queries/hierarchy';
import { chooseYear, listIndicators, listYears, type IndicatorInfo } from '../../queries/indicators';
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
  const year = computed(() => chooseYear(inputs.requestedYear.value, years.value));
  const headline = computed(() =>
    pickHeadline(indicators.value, new Set(kpiRows.value.map((r) => r.indicator_id)), HEADLINE_COUNT),
  );
  const indicator = computed<IndicatorInfo | null>(() => {
    const asked = indicators.value.find((i) => i.indicator_id === inputs.requestedIndicator.value);
    return asked ?? headline.value[0] ?? indicators.value[0] ?? null;
  });


  async function loadCatalog(engine: Engine, datasetIds: string[]): Promise<void> {
    const [i, y, e] = await Promise.all([listIndicators(engine, datasetIds), listYears(engine, datasetIds), listEntities(engine, datasetIds)]);
    indicators.value = i;
    years.value = y;
    entities.value = e;
  }

  /** Values that depend on the datasets and the year only: headline tiles, scores, target progress. */
  async function loadYearValues(engine: Engine, datasetIds: string[]): Promise<void> {
    const { root, members } = scope.value;
    const headlineEntity = root ? [root.entity_id] : [];
    const [k, m, h] = await Promise.all([
      querySnapshot(engine, { datasetIds, entityIds: headlineEntity, year: year.value }),
      querySnapshot(engine, { datasetIds, entityIds: members.map((x) => x.entity_id), year: year.value }),
      queryHistory(engine, datasetIds, headlineEntity, year.value),
    ]);
    kpiRows.value = k;
    memberValues.value = m;
    rootHistory.value = h;
  }

  /** The charted indicator's trend; its ranking is a slice of the members' values already held. */
  async function loadIndicatorValues(engine: Engine, datasetIds: string[]): Promise<void> {
    const { root, members } = scope.value;
    const focus = indicator.value;
    const s = focus
      ? await querySeries(engine, {
          datasetIds,
          indicatorId: focus.indicator_id,
          entityIds: [...(root ? [root.entity_id] : []), ...members.map((x) => x.entity_id)],
          toYear: year.value,
        })
      : [];
    series.value = s;
    ranking.value = focus ? memberValues.value.filter((r) => r.indicator_id === focus.indicator_id) : [];
  }

  // What is loaded is tracked by key; `reconcile` brings each layer up to date with the inputs,
  // catalog first, then the year's values, then the charted indicator's. One run at a time: a
  // change during a run is picked up by another pass, so nothing is loaded twice or left stale.
  const loaded = { catalog: '', year: '', indicator: '' };
  let running = false;
  let again = false;

  async function reconcile(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    loading.value = true;
    failed.value = null;
    try {
      do {
        again = false;
        const engine = inputs.engine.value;
        if (!engine) break;
        const datasetIds = [...inputs.datasetIds.value];
        const catalogKey = `${inputs.dataVersion.value}|${datasetIds.join(',')}`;
        if (loaded.catalog !== catalogKey) {
          await loadCatalog(engine, datasetIds);
          loaded.catalog = catalogKey;
        }
        const yearKey = `${catalogKey}|${year.value}`;
        if (loaded.year !== yearKey) {
          await loadYearValues(engine, datasetIds);
          loaded.year = yearKey;
        }
        const indicatorKey = `${yearKey}|${indicator.value?.indicator_id ?? ''}`;
        if (loaded.indicator !== indicatorKey) {
          await loadIndicatorValues(engine, datasetIds);
          loaded.indicator = indicatorKey;
        }
      } while (again);
    } catch (e) {
      failed.value = e instanceof Error ? e.message : String(e);
    } finally {
      running = false;
      loading.value = false;
    }
  }

  watch([inputs.engine, inputs.dataVersion, () => inputs.datasetIds.value.join(','), year, () => indicator.value?.indicator_id], () => void reconcile(), {
    immediate: true,
  });

  return { indicators, years, entities, scope, year, headline, indicator, kpiRows, series, ranking, memberValues, rootHistory, loading, failed };
}
