import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { Boundaries } from '../geo/boundaries';
import { BoundaryRefused, MAX_BOUNDARY_BYTES, type BoundaryRefusal } from '../geo/boundary-refusal';
import { persistProblem, type PersistProblem } from '../persist/saved';
import { forgetBoundaries, saveBoundaries, savedBoundaries, type SavedBoundaries } from '../persist/saved-boundaries';

/** A boundaries file: GeoJSON or TopoJSON, told by its name (.geojson, .topojson, .json). */
export const isBoundaryFile = (name: string) => /\.(geojson|topojson|json)$/i.test(name);

export interface BoundaryFileRefusal {
  file: string;
  reason: BoundaryRefusal | 'read-failed';
  detail: string;
}

/**
 * The boundaries a person brought: read from browser storage when a map or the Data view first
 * asks, added from files, captioned, paired by hand, removed. A broken file is refused in words
 * and changes nothing; storage denied or full keeps them for this session, and says so.
 */
export const useBoundariesStore = defineStore('boundaries', () => {
  const list = shallowRef<SavedBoundaries[]>([]);
  const refusals = ref<BoundaryFileRefusal[]>([]);
  const storageProblem = ref<PersistProblem | null>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= savedBoundaries()
      .then((saved) => void (list.value = saved.map((b) => markRaw(b))))
      .catch(() => void (storageProblem.value = 'unavailable'));
    return loading;
  }

  async function persist(write: () => Promise<void>): Promise<void> {
    try {
      await write();
      storageProblem.value = null;
    } catch (error) {
      storageProblem.value = persistProblem(error);
    }
  }

  async function add(file: File): Promise<void> {
    await load();
    try {
      if (file.size > MAX_BOUNDARY_BYTES) throw new BoundaryRefused('too-large', String(file.size));
      // The parser (and TopoJSON's) is loaded with the first boundaries file.
      const { parseBoundaries } = await import('../geo/parse-boundaries');
      const collection = parseBoundaries(await file.text());
      const b: SavedBoundaries = markRaw({
        id: `geo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
        name: file.name.replace(/\.(geojson|topojson|json)$/i, ''),
        sourceFile: file.name,
        caption: '',
        collection,
        pairs: {},
        savedAt: new Date().toISOString(),
      });
      list.value = [b, ...list.value];
      await persist(() => saveBoundaries(b));
    } catch (error) {
      const refusal: BoundaryFileRefusal =
        error instanceof BoundaryRefused ? { file: file.name, reason: error.reason, detail: error.detail } : { file: file.name, reason: 'read-failed', detail: error instanceof Error ? error.message : String(error) };
      refusals.value = [refusal, ...refusals.value.filter((r) => r.file !== file.name)].slice(0, 10);
    }
  }

  async function change(id: string, edit: (b: SavedBoundaries) => SavedBoundaries): Promise<void> {
    const current = list.value.find((b) => b.id === id);
    if (!current) return;
    const next = markRaw(edit(current));
    list.value = list.value.map((b) => (b.id === id ? next : b));
    await persist(() => saveBoundaries(next));
  }

  const setCaption = (id: string, caption: string) => change(id, (b) => ({ ...b, caption: caption.trim().slice(0, 300) }));
  /** Pairs a feature with an entity by hand, or undoes a pair (`entityId` null). */
  const pair = (id: string, feature: string, entityId: string | null) =>
    change(id, (b) => {
      const pairs = { ...b.pairs };
      if (entityId === null) delete pairs[feature];
      else pairs[feature] = entityId;
      return { ...b, pairs };
    });

  async function remove(id: string): Promise<void> {
    list.value = list.value.filter((b) => b.id !== id);
    await persist(() => forgetBoundaries(id));
  }

  const dismiss = (file: string) => (refusals.value = refusals.value.filter((r) => r.file !== file));

  /** As the maps take them: every saved set, newest first. */
  const forMaps = (): Boundaries[] => list.value.map((b) => ({ id: b.id, name: b.name, caption: b.caption, collection: b.collection, pairs: b.pairs }));

  return { list, refusals, storageProblem, load, add, setCaption, pair, remove, dismiss, forMaps };
});
