import { useQuery } from '@pinia/colada';
import { computed, type Ref } from 'vue';
import { useQueriesStatus } from '../../app/query-status';
import { useViewContext } from '../../app/view-context';
import { entityFamily, type ScorecardValues } from './scorecard-model';

/**
 * What an entity's scorecard needs, as one keyed query: its history, its peers' latest values
 * (for scores and the peer average) and its descendants' latest values (for the branch table).
 */
export function useScorecardData(entityId: Ref<string>) {
  const { url, catalog, year, ready, key, held } = useViewContext();
  const family = computed(() => entityFamily(catalog.entities.value, entityId.value));

  const valuesQuery = useQuery({
    key: () => key('scorecard', entityId.value, year.value),
    enabled: ready,
    placeholderData: (previous) => previous,
    query: async (): Promise<ScorecardValues> => {
      const id = entityId.value;
      const asked = year.value;
      const peerIds = family.value.peers.map((x) => x.entity_id);
      const belowIds = family.value.below.map((x) => x.entity_id);
      // The entity is one of its peers: the scope is the peers and everything below the entity.
      const q = await held([...peerIds, ...belowIds]);
      const [history, peers, descendants] = await Promise.all([q.history([id], asked), q.snapshot(peerIds, asked), q.snapshot(belowIds, asked)]);
      return { entityId: id, year: asked, history, peers, descendants };
    },
  });

  const status = useQueriesStatus(() => [catalog.query, valuesQuery]);
  const settled = computed(() => ready() && !status.busy.value && !valuesQuery.isPlaceholderData.value);
  return { url, catalog, year, family, values: valuesQuery.data, settled, ...status };
}
