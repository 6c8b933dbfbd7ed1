import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { useEngineStore } from './engine-store';

function single(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * Selection a person would share lives in the URL (`?datasets=a,b&period=2024&indicator=x`), so a
 * copied link reproduces the view. Unknown dataset ids in a link are ignored, not fatal.
 */
export function useUrlState() {
  const route = useRoute();
  const router = useRouter();
  const store = useEngineStore();

  const datasetIds = computed<string[]>(() => {
    const known = new Set(store.datasets.map((d) => d.dataset_id));
    const asked = single(route.query.datasets)?.split(',').filter((id) => known.has(id)) ?? [];
    if (asked.length > 0) return asked;
    return store.sampleIds.length > 0 ? store.sampleIds : store.datasets.map((d) => d.dataset_id);
  });
  const period = computed<number | null>(() => {
    const n = Number(single(route.query.period));
    return Number.isInteger(n) && n > 0 ? n : null;
  });
  const indicator = computed<string | null>(() => single(route.query.indicator));

  function update(patch: Record<string, string | number | null>): void {
    const query: LocationQueryRaw = { ...route.query };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete query[key];
      else query[key] = String(value);
    }
    void router.replace({ query });
  }

  /** The part of the query a link to another view carries along: datasets in view and period. */
  const shareQuery = computed<Record<string, string>>(() => {
    const q: Record<string, string> = {};
    for (const key of ['datasets', 'period']) {
      const v = single(route.query[key]);
      if (v !== null) q[key] = v;
    }
    return q;
  });

  /** Names of datasets, for source lines: every dataset in view, or the ids given. */
  function datasetNames(ids: readonly string[] = datasetIds.value, separator = '、'): string {
    const wanted = new Set(ids);
    return store.datasets
      .filter((d) => wanted.has(d.dataset_id))
      .map((d) => d.name)
      .join(separator);
  }

  return { datasetIds, period, indicator, update, shareQuery, datasetNames };
}
