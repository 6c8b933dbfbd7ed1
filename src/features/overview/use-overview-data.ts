import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { Engine } from '../../engine/types';
import { listEntities, type EntityInfo } from '../../queries/entities';
import { pickHeadline } from '../../queries/headline';
import { chooseScope, type Scope } from '../../queries/hierarchy';
import { chooseYear, listIndicators, listYears, type IndicatorInfo } from '../../queries/indicators';
import type { SeriesPoint } from '../../queries/series';
import type { HistoryRow } from '../../queries/history';
import type { SnapshotRow } from '../../queries/snapshot';
import { viewQueries, type ViewQueries } from '../../queries/view-cache';

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
  /** The year the values above are of: `year` moves at once, the values when they arrive. */
  const valuesYear = shallowRef<number>(0);
  /** The indicator `series` and `ranking` are of; `indicator` moves at once, these when they arrive. */
  const seriesIndicator = shallowRef<IndicatorInfo | null>(null);
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

  /** The city and its members: every value the overview shows is of them (view-cache.ts). */
  const scopeIds = () => [...(scope.value.root ? [scope.value.root.entity_id] : []), ...scope.value.members.map((x) => x.entity_id)];

  /** Values that depend on the datasets and the year only: headline tiles, scores, target progress. */
  async function yearValues(q: ViewQueries) {
    const { root } = scope.value;
    const headlineEntity = root ? [root.entity_id] : [];
    // The city's rows and its members' rows in one question.
    const [snapshot, history] = await Promise.all([q.snapshot(scopeIds(), year.value), q.history(headlineEntity, year.value)]);
    const isRoot = (r: SnapshotRow) => r.entity_id === root?.entity_id;
    return { kpi: snapshot.filter(isRoot), members: snapshot.filter((r) => !isRoot(r)), history };
  }

  /** The charted indicator's trend over the city and its members. */
  function indicatorSeries(q: ViewQueries): Promise<SeriesPoint[]> {
    const focus = indicator.value;
    return focus ? q.series(focus.indicator_id, scopeIds(), year.value) : Promise.resolve([]);
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
        const indicatorKey = `${yearKey}|${indicator.value?.indicator_id ?? ''}`;
        const needYear = loaded.year !== yearKey;
        if (needYear || loaded.indicator !== indicatorKey) {
          // A new year changes the trend too: both are asked at once and shown in one render,
          // rather than the charts drawn once for the year and again for the trend.
          const q = await viewQueries(engine, { dataVersion: inputs.dataVersion.value, datasetIds, entityIds: scopeIds() });
          const [values, s] = await Promise.all([needYear ? yearValues(q) : null, indicatorSeries(q)]);
          if (values) {
            kpiRows.value = values.kpi;
            memberValues.value = values.members;
            rootHistory.value = values.history;
            valuesYear.value = year.value;
          }
          const focus = indicator.value;
          series.value = s;
          seriesIndicator.value = focus;
          // The ranking is a slice of the members' values already held.
          ranking.value = focus ? memberValues.value.filter((r) => r.indicator_id === focus.indicator_id) : [];
          loaded.year = yearKey;
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

  return { indicators, years, entities, scope, year, valuesYear, seriesIndicator, headline, indicator, kpiRows, series, ranking, memberValues, rootHistory, loading, failed };
}
