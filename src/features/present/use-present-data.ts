import { useQuery } from '@pinia/colada';
import { computed } from 'vue';
import { useQueriesStatus } from '../../app/query-status';
import { useViewContext } from '../../app/view-context';
import { queryHistory } from '../../queries/history';
import { querySnapshot } from '../../queries/snapshot';
import { entitiesBelow, type PresentValues } from './present-model';

/**
 * Everything a show draws, as one keyed query per dataset selection and year. Slides then change
 * without touching the engine, so an unattended show runs on what is in memory.
 */
export function usePresentData() {
  const { url, catalog, year, ready, key, running } = useViewContext();

  const valuesQuery = useQuery({
    key: () => key('present', year.value),
    enabled: ready,
    placeholderData: (previous) => previous,
    query: async (): Promise<PresentValues> => {
      const e = running();
      const datasetIds = url.datasetIds.value;
      const asked = year.value;
      const { root, members } = catalog.scope.value;
      const rootIds = root ? [root.entity_id] : [];
      const memberIds = members.map((m) => m.entity_id);
      const belowIds = entitiesBelow(catalog.entities.value, catalog.scope.value).map((x) => x.entity_id);
      const [rootValues, memberValues, history, belowValues] = await Promise.all([
        querySnapshot(e, { datasetIds, entityIds: rootIds, year: asked }),
        querySnapshot(e, { datasetIds, entityIds: memberIds, year: asked }),
        queryHistory(e, datasetIds, [...rootIds, ...memberIds], asked),
        querySnapshot(e, { datasetIds, entityIds: belowIds, year: asked }),
      ]);
      return { year: asked, rootValues, memberValues, history, belowValues };
    },
  });

  const status = useQueriesStatus(() => [catalog.query, valuesQuery]);
  const settled = computed(() => ready() && !status.busy.value && !valuesQuery.isPlaceholderData.value);
  return { url, catalog, year, values: valuesQuery.data, settled, ...status };
}
