import { useQuery } from '@pinia/colada';
import { computed } from 'vue';
import { useQueriesStatus } from '../../app/query-status';
import { useViewContext } from '../../app/view-context';
import { pickHeadline } from '../../queries/headline';
import type { IndicatorInfo } from '../../queries/indicators';
import type { OverviewSeries, OverviewYear } from './overview-model';

export const HEADLINE_COUNT = 6;

/**
 * What the overview draws, as two keyed queries: the year's values of the city and its members
 * (tiles, scores, heatmap, target progress) and the charted indicator's trend. Each answer
 * carries what it was asked for, so the page charts the indicator and year whose values it has,
 * and an answer for a selection already left is never shown.
 */
export function useOverviewData() {
  const { url, catalog, year, ready, key, held } = useViewContext();
  const scopeIds = computed(() => {
    const { root, members } = catalog.scope.value;
    return [...(root ? [root.entity_id] : []), ...members.map((m) => m.entity_id)];
  });
  const scoped = () => held(scopeIds.value);

  const yearQuery = useQuery({
    key: () => key('overview-year', scopeIds.value.join(','), year.value),
    enabled: ready,
    placeholderData: (previous) => previous,
    query: async (): Promise<OverviewYear> => {
      const asked = year.value;
      const root = catalog.scope.value.root;
      const q = await scoped();
      // The city's rows and its members' rows in one question.
      const [snapshot, history] = await Promise.all([q.snapshot(scopeIds.value, asked), q.history(root ? [root.entity_id] : [], asked)]);
      const isRoot = (r: { entity_id: string }) => r.entity_id === root?.entity_id;
      return { year: asked, kpi: snapshot.filter(isRoot), members: snapshot.filter((r) => !isRoot(r)), history };
    },
  });

  const headline = computed(() => pickHeadline(catalog.indicators.value, new Set((yearQuery.data.value?.kpi ?? []).map((r) => r.indicator_id)), HEADLINE_COUNT));
  /** The indicator asked for: the link's, else the first headline tile's. */
  const indicator = computed<IndicatorInfo | null>(() => {
    const asked = catalog.indicators.value.find((i) => i.indicator_id === url.indicator.value);
    return asked ?? headline.value[0] ?? catalog.indicators.value[0] ?? null;
  });

  const seriesQuery = useQuery({
    key: () => key('overview-series', scopeIds.value.join(','), year.value, indicator.value?.indicator_id ?? ''),
    enabled: () => ready() && indicator.value !== null,
    placeholderData: (previous) => previous,
    query: async (): Promise<OverviewSeries> => {
      const id = (indicator.value as IndicatorInfo).indicator_id;
      const asked = year.value;
      const q = await scoped();
      return { indicatorId: id, year: asked, points: await q.series(id, scopeIds.value, asked) };
    },
  });

  const status = useQueriesStatus(() => [catalog.query, yearQuery, seriesQuery]);
  /** Settled: the answers on hand are those of what the link asks (nothing pending or placeholder). */
  const settled = computed(() => ready() && !status.busy.value && !yearQuery.isPlaceholderData.value && (indicator.value === null || !seriesQuery.isPlaceholderData.value));

  return { url, catalog, year, headline, indicator, yearValues: yearQuery.data, series: seriesQuery.data, settled, ...status };
}
