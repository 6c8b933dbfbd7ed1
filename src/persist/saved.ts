import type { ImportMapping } from '../domain/mapping';
import { deleteRecord, getAll, putRecord, STORES, updateRecord } from './idb';
import { defineVersioned, readVersioned, writeVersioned, type SavedShape, type Versioned } from './migrate';

/** The loaded tables of an upload as a DuckDB database file (src/ingest/snapshot.ts). */
export interface SavedSnapshot {
  format: number;
  bytes: Blob;
}

/**
 * What is kept of an upload: the original file and how it was read, and, once written, a snapshot
 * of what that import loaded, which the next start copies in instead of importing the file again.
 */
export interface SavedDataset {
  id: string;
  name: string;
  sourceFile: string;
  importedAt: string;
  mapping: ImportMapping;
  file: Blob;
  /** Which import of this id the record is of: a snapshot is attached only to the import it was taken of. */
  revision: string;
  snapshot: SavedSnapshot | null;
}

export interface SavedCatalog {
  id: string;
  sourceFile: string;
  importedAt: string;
  delimiter: string;
  file: Blob;
}

export type PersistProblem = 'full' | 'unavailable';

/** Tells a full disk from storage that is switched off, so the person is told the right thing. */
export function persistProblem(error: unknown): PersistProblem {
  const name = error instanceof DOMException ? error.name : error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' ? 'full' : 'unavailable';
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const isObject = (value: unknown): value is SavedShape => typeof value === 'object' && value !== null;

/**
 * A record without its id or its file cannot be imported again, and is passed over (`null`);
 * other fields fall back. The mapping is checked by the importer, which reports a failed restore
 * by the file's name.
 */
function usable(raw: unknown): (SavedShape & { id: string; file: Blob }) | null {
  return isObject(raw) && typeof raw.id === 'string' && raw.file instanceof Blob ? (raw as SavedShape & { id: string; file: Blob }) : null;
}

function snapshotOf(raw: unknown): SavedSnapshot | null {
  if (!isObject(raw) || !(raw.bytes instanceof Blob) || typeof raw.format !== 'number') return null;
  return { format: raw.format, bytes: raw.bytes };
}

/**
 * A dataset record in IndexedDB:
 * `{ version: 3, id, name, sourceFile, importedAt, mapping, file, revision, snapshot }`.
 */
export const SAVED_DATASET = defineVersioned<SavedDataset | null>({
  version: 3,
  steps: [
    // 1 → 2: the unversioned record saved before versions; the fields are unchanged. Its mapping may
    // lack `read.fields` (saved before short records were reported): such files are read as then.
    { from: 1, migrate: (old) => ({ id: old.id, name: old.name, sourceFile: old.sourceFile, importedAt: old.importedAt, mapping: old.mapping, file: old.file }) },
    // 2 → 3: no snapshot yet. The next start imports the file, as before, and then saves one.
    { from: 2, migrate: (old) => ({ ...old, revision: '', snapshot: null }) },
  ],
  sanitize: (raw) => {
    const r = usable(raw);
    if (!r || !isObject(r.mapping) || !isObject(r.mapping.read)) return null;
    return {
      id: r.id,
      name: text(r.name, r.id),
      sourceFile: text(r.sourceFile, r.id),
      importedAt: text(r.importedAt, ''),
      mapping: r.mapping as unknown as ImportMapping,
      file: r.file,
      revision: text(r.revision, ''),
      snapshot: snapshotOf(r.snapshot),
    };
  },
});

/** A catalog record in IndexedDB: `{ version: 2, id, sourceFile, importedAt, delimiter, file }`. */
export const SAVED_CATALOG = defineVersioned<SavedCatalog | null>({
  version: 2,
  steps: [
    // 1 → 2: the unversioned record saved before versions; the fields are unchanged.
    { from: 1, migrate: (old) => ({ id: old.id, sourceFile: old.sourceFile, importedAt: old.importedAt, delimiter: old.delimiter, file: old.file }) },
  ],
  sanitize: (raw) => {
    const r = usable(raw);
    return r && { id: r.id, sourceFile: text(r.sourceFile, r.id), importedAt: text(r.importedAt, ''), delimiter: text(r.delimiter, ','), file: r.file };
  },
});

async function readAll<T>(store: (typeof STORES)[keyof typeof STORES], kind: Versioned<T | null>): Promise<T[]> {
  return (await getAll(store)).flatMap((raw) => {
    const record = readVersioned(raw, kind);
    return record ? [record] : [];
  });
}

export const saveDataset = (d: SavedDataset) => putRecord(STORES.datasets, writeVersioned(d, SAVED_DATASET));

/**
 * Adds the snapshot of one import to its record, in one transaction that reads the record first:
 * if it was removed, re-mapped or replaced meanwhile (here or in another tab), nothing is written.
 * Returns whether it was.
 */
export function attachSnapshot(id: string, revision: string, snapshot: SavedSnapshot): Promise<boolean> {
  return updateRecord(STORES.datasets, id, (raw) => {
    const record = readVersioned(raw, SAVED_DATASET);
    return record && record.revision === revision ? writeVersioned({ ...record, snapshot }, SAVED_DATASET) : null;
  });
}
export const forgetDataset = (id: string) => deleteRecord(STORES.datasets, id);
export const savedDatasets = () => readAll(STORES.datasets, SAVED_DATASET);
export const saveCatalog = (c: SavedCatalog) => putRecord(STORES.catalogs, writeVersioned(c, SAVED_CATALOG));
export const savedCatalogs = () => readAll(STORES.catalogs, SAVED_CATALOG);
