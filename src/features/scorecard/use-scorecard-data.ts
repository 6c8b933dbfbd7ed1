import { computed, shallowRef, watch, type Ref } from 'vue';
import type { Engine } from '../../engine/types';
import { listEntities, type EntityInfo } from '../../queries/entities';
import type { HistoryRow } from '../../queries/history';
import { chooseYear, listIndicators, listYears, type IndicatorInfo } from '../../queries/indicators';
import type { SnapshotRow } from '../../queries/snapshot';
import { viewQueries } from '../../queries/view-cache';

export interface EntityInputs {
  engine: Ref<Engine | null>;
  dataVersion: Ref<number>;
  datasetIds: Ref<string[]>;
  entityId: Ref<string>;
  requestedYear: Ref<number | null>;
}

/**
 * What an entity's scorecard needs: its history, its peers' latest values (for scores and the
 * peer average) and its descendants' latest values (for the branch table).
 */
export function useEntityData(inputs: EntityInputs) {
  const indicators = shallowRef<IndicatorInfo[]>([]);
  const entities = shallowRef<EntityInfo[]>([]);
  const years = shallowRef<number[]>([]);
  const history = shallowRef<HistoryRow[]>([]);
  const peers = shallowRef<SnapshotRow[]>([]);
  const descendants = shallowRef<SnapshotRow[]>([]);
  const loaded = shallowRef(false);
  const busy = shallowRef(false);

  const entity = computed(() => entities.value.find((e) => e.entity_id === inputs.entityId.value) ?? null);
  const parent = computed(() => entities.value.find((e) => e.entity_id === entity.value?.parent_id) ?? null);
  const grandparent = computed(() => entities.value.find((e) => e.entity_id === parent.value?.parent_id) ?? null);
  /** Peers are the entities of the same level under the same parent: districts of the city, branches of a district. */
  const peerEntities = computed(() => entities.value.filter((e) => entity.value && e.level === entity.value.level && e.parent_id === entity.value.parent_id));
  /** Children and grandchildren (a district's branches, and its villages under their towns). */
  const below = computed(() => {
    const id = inputs.entityId.value;
    const children = entities.value.filter((e) => e.parent_id === id);
    const grand = entities.value.filter((e) => children.some((c) => c.entity_id === e.parent_id));
    return [...children, ...grand];
  });
  const year = computed(() => chooseYear(inputs.requestedYear.value, years.value));

  let generation = 0;
  let catalogKey = '';
  async function refresh(): Promise<void> {
    const engine = inputs.engine.value;
    if (!engine) return;
    const mine = ++generation;
    busy.value = true;
    const datasetIds = inputs.datasetIds.value;
    // The catalog of the datasets in view changes only with them, not with the year or entity.
    const key = `${inputs.dataVersion.value}|${datasetIds.join(',')}`;
    if (key !== catalogKey) {
      const [i, e, y] = await Promise.all([listIndicators(engine, datasetIds), listEntities(engine, datasetIds), listYears(engine, datasetIds)]);
      if (mine !== generation) return;
      indicators.value = i;
      entities.value = e;
      years.value = y;
      catalogKey = key;
    }
    const peerIds = peerEntities.value.map((x) => x.entity_id);
    const belowIds = below.value.map((x) => x.entity_id);
    // The entity is one of its peers: the scope is the peers and everything below the entity.
    const q = await viewQueries(engine, { dataVersion: inputs.dataVersion.value, datasetIds, entityIds: [...peerIds, ...belowIds] });
    if (mine !== generation) return;
    const [h, p, d] = await Promise.all([q.history([inputs.entityId.value], year.value), q.snapshot(peerIds, year.value), q.snapshot(belowIds, year.value)]);
    if (mine !== generation) return;
    history.value = h;
    peers.value = p;
    descendants.value = d;
    loaded.value = true;
    busy.value = false;
  }

  watch([inputs.engine, inputs.dataVersion, () => inputs.datasetIds.value.join(','), inputs.entityId, year], () => void refresh(), { immediate: true });

  return { indicators, entities, years, year, entity, parent, grandparent, peerEntities, below, history, peers, descendants, loaded, busy };
}
