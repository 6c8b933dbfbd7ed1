import { computed, shallowRef, type Ref } from 'vue';
import { useBoundariesStore } from '../../app/boundaries-store';
import { echarts } from '../../charts/echarts';
import { featureKeys, type Boundaries } from '../../geo/boundaries';
import { matchFeatures } from '../../geo/match';
import { sampleBoundaries } from '../../geo/sample-boundaries';

const registered = new Map<string, Boundaries['collection']>();

/**
 * The boundaries a map of `members` is drawn from: of the person's (newest first) and the
 * sample's, the set that matches most of them, registered with ECharts under its id. Null while
 * none is loaded or none matches. `sample` says whether the set is the sample's fictional one.
 */
export function useMapBoundaries(members: () => readonly { entity_id: string; name: string }[]): Ref<{ boundaries: Boundaries; sample: boolean } | null> {
  const store = useBoundariesStore();
  const sample = shallowRef<Boundaries | null>(null);
  void store.load();
  void sampleBoundaries().then(({ districts }) => (sample.value = districts));
  return computed(() => {
    const sets = [...store.forMaps(), ...(sample.value ? [sample.value] : [])];
    const keys = members().map((m) => ({ entity_id: m.entity_id, name: m.name }));
    let best: Boundaries | null = null;
    let most = 0;
    for (const b of sets) {
      const n = matchFeatures(featureKeys(b.collection), keys, new Map(Object.entries(b.pairs ?? {}))).matched.size;
      if (n > most) [best, most] = [b, n];
    }
    if (!best) return null;
    // Registered once per set; again only when the set changed (a re-import under the same id).
    if (registered.get(best.id) !== best.collection) {
      echarts.registerMap(best.id, best.collection as never);
      registered.set(best.id, best.collection);
    }
    return { boundaries: best, sample: best === sample.value };
  });
}
