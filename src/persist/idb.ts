import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

// One database, three object stores, through idb. Uploaded files are kept as they came (Blob)
// together with the mapping used to read them, so a reload imports them again exactly; nothing
// derived is stored that could drift from the importer. Records are checked by their readers
// (saved.ts), not trusted.

const DB_NAME = 'hqd-dashboard';
export const STORES = { datasets: 'datasets', catalogs: 'catalogs', boundaries: 'boundaries' } as const;
type StoreName = (typeof STORES)[keyof typeof STORES];

export interface HqdSchema extends DBSchema {
  datasets: { key: string; value: { id: string } };
  catalogs: { key: string; value: { id: string } };
  boundaries: { key: string; value: { id: string } };
}

export type HqdDb = IDBPDatabase<HqdSchema>;
export type UpgradeStep = (db: HqdDb, tx: IDBPTransaction<HqdSchema, StoreNames<HqdSchema>[], 'versionchange'>) => void;

/**
 * The schema, one step per version: step `i` brings a database at version `i` to `i + 1`. A
 * released step is never edited; a change of schema is a new step at the end.
 */
export const UPGRADES: readonly UpgradeStep[] = [
  // 0 → 1, the schema from before idb: both stores, keyed by `id`.
  (db) => {
    db.createObjectStore(STORES.datasets, { keyPath: 'id' });
    db.createObjectStore(STORES.catalogs, { keyPath: 'id' });
  },
  // 1 → 2: boundaries a person brings for the maps (src/persist/saved-boundaries.ts).
  (db) => {
    db.createObjectStore(STORES.boundaries, { keyPath: 'id' });
  },
];
export const DB_VERSION = UPGRADES.length;

/** openDB's `upgrade`: every step from the version the database is at, in order. */
export function upgradeWith(steps: readonly UpgradeStep[]) {
  return (db: HqdDb, oldVersion: number, newVersion: number | null, tx: Parameters<UpgradeStep>[1]): void => {
    for (let v = oldVersion; v < (newVersion ?? steps.length); v++) {
      const step = steps[v];
      if (!step) throw new Error(`no IndexedDB upgrade from version ${v}`);
      step(db, tx);
    }
  };
}

let opening: Promise<HqdDb> | null = null;

export function openDb(): Promise<HqdDb> {
  opening ??= new Promise<HqdDb>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const pending = openDB<HqdSchema>(DB_NAME, DB_VERSION, {
      upgrade: upgradeWith(UPGRADES),
      blocked: () => {
        reject(new Error('IndexedDB is blocked by another tab'));
        // Should the other tab let go later, the connection is not wanted any more.
        void pending.then((db) => db.close(), () => undefined);
      },
      // A newer release wants to upgrade in another tab: step aside; the next call opens again.
      blocking: () => {
        opening = null;
        void pending.then((db) => db.close());
      },
      terminated: () => (opening = null),
    });
    pending.then(resolve, reject);
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export async function putRecord(store: StoreName, value: { id: string }): Promise<void> {
  const tx = (await openDb()).transaction(store, 'readwrite');
  // A failed request (a full disk: QuotaExceededError) rejects before the transaction aborts, and
  // its own error says what went wrong; the transaction's may still be empty then.
  await Promise.all([tx.store.put(value), tx.done]);
}

/**
 * Reads a record and writes what `change` makes of it, in one transaction: no other write comes
 * between. `change` returning `null` writes nothing. Returns whether a record was written.
 */
export async function updateRecord(store: StoreName, key: string, change: (raw: unknown) => { id: string } | null): Promise<boolean> {
  const tx = (await openDb()).transaction(store, 'readwrite');
  const next = change(await tx.store.get(key));
  if (next) await tx.store.put(next);
  await tx.done;
  return next !== null;
}

export async function deleteRecord(store: StoreName, key: string): Promise<void> {
  await (await openDb()).delete(store, key);
}

/** Every record of a store, unchecked: the reader sanitizes. */
export async function getAll(store: StoreName): Promise<unknown[]> {
  return (await openDb()).getAll(store);
}

