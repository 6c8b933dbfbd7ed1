import type { GeoCollection } from '../geo/boundaries';
import { deleteRecord, getAll, putRecord, STORES } from './idb';
import { defineVersioned, readVersioned, writeVersioned } from './migrate';

/** Boundaries a person brought, kept with the datasets across reloads. */
export interface SavedBoundaries {
  id: string;
  name: string;
  sourceFile: string;
  /** Source and approval number (审图号), shown under every map drawn from them. */
  caption: string;
  collection: GeoCollection;
  /** Pairs made by hand: feature name → entity id. */
  pairs: Record<string, string>;
  savedAt: string;
}

const isCollection = (c: unknown): c is GeoCollection => (c as GeoCollection | null)?.type === 'FeatureCollection' && Array.isArray((c as GeoCollection).features);

export const SAVED_BOUNDARIES = defineVersioned<SavedBoundaries | null>({
  version: 1,
  steps: [],
  sanitize: (raw) => {
    const r = raw as Partial<SavedBoundaries> | null;
    if (!r || typeof r.id !== 'string' || !isCollection(r.collection)) return null;
    const pairs = r.pairs && typeof r.pairs === 'object' ? Object.fromEntries(Object.entries(r.pairs).filter(([, v]) => typeof v === 'string')) : {};
    const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
    return { id: r.id, name: text(r.name, r.id), sourceFile: text(r.sourceFile), caption: text(r.caption), collection: r.collection, pairs, savedAt: text(r.savedAt) };
  },
});

export const saveBoundaries = (b: SavedBoundaries) => putRecord(STORES.boundaries, writeVersioned(b, SAVED_BOUNDARIES));
export const forgetBoundaries = (id: string) => deleteRecord(STORES.boundaries, id);
export async function savedBoundaries(): Promise<SavedBoundaries[]> {
  return (await getAll(STORES.boundaries)).flatMap((raw) => {
    const b = readVersioned(raw, SAVED_BOUNDARIES);
    return b ? [b] : [];
  });
}
