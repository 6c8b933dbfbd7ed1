// A minimal promise wrapper over IndexedDB: one database, two object stores. Uploaded files are
// kept as they came (Blob) together with the mapping used to read them, so a reload imports them
// again exactly; nothing derived is stored that could drift from the importer.

const DB_NAME = 'hqd-dashboard';
const DB_VERSION = 1;
export const STORES = { datasets: 'datasets', catalogs: 'catalogs' } as const;
type StoreName = (typeof STORES)[keyof typeof STORES];

let opening: Promise<IDBDatabase> | null = null;

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available'));
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORES.datasets)) db.createObjectStore(STORES.datasets, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STORES.catalogs)) db.createObjectStore(STORES.catalogs, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export async function putRecord(store: StoreName, value: object): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A failed request (a full disk: QuotaExceededError) reaches the transaction before it aborts,
    // while `tx.error` is still null: the request's own error says what went wrong.
    tx.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
  });
}

export async function deleteRecord(store: StoreName, key: string): Promise<void> {
  const db = await openDb();
  await promisify(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}

export async function getAll<T>(store: StoreName): Promise<T[]> {
  const db = await openDb();
  return promisify(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}
