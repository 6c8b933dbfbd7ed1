import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useCatalog } from './catalog';
import { useEngineStore } from './engine-store';
import { checkParams, parseParams, patchQuery, type DroppedParam, type UrlParams } from './url-params';

/**
 * Selection a person would share lives in the URL (`?datasets=a,b&period=2024&indicator=x`), so a
 * copied link reproduces the view. Parameters are parsed once (url-params.ts); what names nothing
 * in view is dropped and listed in `dropped`, for the notice under the header.
 */
export function useUrlState() {
  const route = useRoute();
  const router = useRouter();
  const store = useEngineStore();

  const parsed = computed(() => parseParams(route.query));
  /** Datasets known once the engine has listed them; until then a link's ids are taken on trust. */
  const knownDatasets = computed(() => (store.datasets.length > 0 ? new Set(store.datasets.map((d) => d.dataset_id)) : undefined));
  const datasetCheck = computed(() => checkParams(parsed.value.params, { datasets: knownDatasets.value }));
  // The same array while the ids stay the same: every change of the link parses it again, and a
  // new array would rebuild whatever reads the datasets in view (an indicator change rebuilt the
  // overview's scores and redrew its heatmap).
  const datasetIds = computed<string[]>((previous) => {
    const asked = datasetCheck.value.params.datasets;
    const next = asked && asked.length > 0 ? asked : store.sampleIds.length > 0 ? store.sampleIds : store.datasets.map((d) => d.dataset_id);
    return previous && previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next;
  });

  const catalog = useCatalog(() => datasetIds.value);
  // Checked against the catalog of the datasets in view only once it is that catalog: while it
  // loads, the previous one would call a good indicator unknown.
  const checked = computed(() => {
    if (!catalog.current.value) return { params: datasetCheck.value.params, dropped: [] as DroppedParam[] };
    return checkParams(datasetCheck.value.params, {
      indicators: new Set(catalog.indicators.value.map((i) => i.indicator_id)),
      entities: new Set(catalog.entities.value.map((e) => e.entity_id)),
      years: catalog.years.value,
    });
  });
  const params = computed<UrlParams>(() => checked.value.params);
  const dropped = computed<DroppedParam[]>(() => [...parsed.value.dropped, ...datasetCheck.value.dropped, ...checked.value.dropped]);

  /** Change parameters of the current view's link; defaults and `null` leave the link. */
  function update(patch: Partial<UrlParams>): void {
    void router.replace({ query: patchQuery(route.query, patch) });
  }

  /** The part of the query a link to another view carries along: datasets in view and period. */
  const shareQuery = computed<Record<string, string>>(() => {
    const { datasets, period } = parsed.value.params;
    return patchQuery({}, { datasets, period });
  });

  /** Names of datasets, for source lines: every dataset in view, or the ids given. */
  function datasetNames(ids: readonly string[] = datasetIds.value, separator = '、'): string {
    const wanted = new Set(ids);
    return store.datasets
      .filter((d) => wanted.has(d.dataset_id))
      .map((d) => d.name)
      .join(separator);
  }

  return {
    params,
    dropped,
    catalog,
    datasetIds,
    period: computed(() => params.value.period),
    indicator: computed(() => params.value.indicator),
    update,
    shareQuery,
    datasetNames,
  };
}
