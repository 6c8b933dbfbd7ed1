import { useQuery } from '@pinia/colada';
import { computed } from 'vue';
import { useQueriesStatus } from '../../app/query-status';
import { useViewContext } from '../../app/view-context';
import { chooseScope } from '../../queries/hierarchy';
import type { IndicatorInfo } from '../../queries/indicators';
import type { CompareSeries } from './compare-model';

/**
 * Compare's selection, from the link with its defaults filled in, and the one keyed query of the
 * chosen indicator's values for the chosen entities up to the end year.
 */
export function useCompareData() {
  const { url, catalog, ready, key, held } = useViewContext();
  const p = url.params;

  const indicator = computed<IndicatorInfo | null>(() => catalog.indicators.value.find((i) => i.indicator_id === p.value.indicator) ?? catalog.indicators.value[0] ?? null);
  const selected = computed(() => p.value.entities ?? chooseScope(catalog.entities.value).members.map((m) => m.entity_id));
  const toYear = computed(() => p.value.to ?? p.value.period ?? catalog.years.value[0] ?? new Date().getFullYear());
  const fromYear = computed(() => p.value.from ?? catalog.years.value[catalog.years.value.length - 1] ?? toYear.value);

  const seriesQuery = useQuery({
    key: () => key('compare', selected.value.join(','), toYear.value, indicator.value?.indicator_id ?? ''),
    enabled: () => ready() && indicator.value !== null,
    placeholderData: (previous) => previous,
    query: async (): Promise<CompareSeries> => {
      const id = (indicator.value as IndicatorInfo).indicator_id;
      const entityIds = selected.value;
      // The chosen entities' values, copied once per choice: switching indicators reads the copy.
      const q = await held(entityIds);
      return { indicatorId: id, points: await q.series(id, entityIds, toYear.value) };
    },
  });

  const status = useQueriesStatus(() => [catalog.query, seriesQuery]);
  const settled = computed(() => ready() && !status.busy.value && !seriesQuery.isPlaceholderData.value);
  return { url, catalog, indicator, selected, fromYear, toYear, series: seriesQuery.data, settled, ...status };
}
