import type { ImportMapping } from '../domain/mapping';
import { deleteRecord, getAll, putRecord, STORES } from './idb';

/** What is kept of an upload: the original file and how it was read. */
export interface SavedDataset {
  id: string;
  name: string;
  sourceFile: string;
  importedAt: string;
  mapping: ImportMapping;
  file: Blob;
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

export const saveDataset = (d: SavedDataset) => putRecord(STORES.datasets, d);
export const forgetDataset = (id: string) => deleteRecord(STORES.datasets, id);
export const savedDatasets = () => getAll<SavedDataset>(STORES.datasets);
export const saveCatalog = (c: SavedCatalog) => putRecord(STORES.catalogs, c);
export const savedCatalogs = () => getAll<SavedCatalog>(STORES.catalogs);
