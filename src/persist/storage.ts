// How much of the browser's storage the saved data takes, and asking the browser to keep it.

export interface StorageFigures {
  /** Bytes this site stores (IndexedDB, caches and the rest), as the browser counts them. */
  used: number;
  /** Bytes the browser would still let it store. */
  available: number;
  /** Whether the browser keeps the data even when the disk runs low (persistent storage). */
  persisted: boolean;
}

/** The figures, or null where the browser does not tell (an old browser, storage denied). */
export async function storageFigures(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageFigures | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage = 0, quota = 0 } = await storage.estimate();
    const persisted = storage.persisted ? await storage.persisted() : false;
    return { used: usage, available: Math.max(0, quota - usage), persisted };
  } catch {
    return null;
  }
}

/**
 * Ask the browser not to evict the saved uploads when the disk runs low: without it, a
 * researcher's datasets can vanish from a machine that is short of space. A refusal changes
 * nothing (the data is still saved, as before), so the answer is only reported.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
