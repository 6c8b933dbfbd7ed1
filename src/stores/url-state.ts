import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { useEngineStore } from './engine';

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

  return { datasetIds, period, indicator, update };
}
