import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HqdDb, UpgradeStep } from '../../../src/persist/idb';
import { catalogV1, csvFile, datasetV1, MAPPING_V1 } from './v1-records';

// IndexedDB under Node (fake-indexeddb): a new, empty factory and fresh modules for each test, so
// the cached connection of one test is not the next one's.
let idb: typeof import('../../../src/persist/idb');
let saved: typeof import('../../../src/persist/saved');
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  idb = await import('../../../src/persist/idb');
  saved = await import('../../../src/persist/saved');
});

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('request failed'));
  });

/** The database exactly as the code before idb made it (DB_VERSION 1, the same onupgradeneeded), with what it wrote. */
async function createTodaysDatabase(records: { datasets: object[]; catalogs: object[] }): Promise<void> {
  const open = indexedDB.open('hqd-dashboard', 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('catalogs')) db.createObjectStore('catalogs', { keyPath: 'id' });
  };
  const db = await request(open);
  const tx = db.transaction(['datasets', 'catalogs'], 'readwrite');
  for (const d of records.datasets) tx.objectStore('datasets').put(d);
  for (const c of records.catalogs) tx.objectStore('catalogs').put(c);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
  db.close();
}

const DATASET_V1 = datasetV1();
const CATALOG_V1 = catalogV1();
const file = csvFile;

describe('IndexedDB through idb', () => {
  it('creates today\'s schema in a new browser: version 2, three stores keyed by id', async () => {
    const db = await idb.openDb();
    expect(db.version).toBe(2);
    expect(idb.DB_VERSION).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['boundaries', 'catalogs', 'datasets']);
    for (const store of ['datasets', 'catalogs', 'boundaries'] as const) expect(db.transaction(store).store.keyPath).toBe('id');
  });

  it('opens a database made by the code before idb and keeps its uploads, read as version 2', async () => {
    await createTodaysDatabase({ datasets: [DATASET_V1], catalogs: [CATALOG_V1] });
    const [dataset] = await saved.savedDatasets();
    // Without a snapshot: the next start imports its file and then saves one.
    expect(dataset).toEqual({ ...DATASET_V1, file: expect.any(Blob) as Blob, revision: '', snapshot: null });
    expect(await dataset?.file.text()).toBe(await DATASET_V1.file.text());
    expect(await saved.savedCatalogs()).toEqual([{ ...CATALOG_V1, file: expect.any(Blob) as Blob }]);
    // Upgraded in place: the uploads kept, the boundaries' store added.
    const db = await idb.openDb();
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['boundaries', 'catalogs', 'datasets']);
  });

  it('writes records with their version, replaces by id and forgets', async () => {
    await createTodaysDatabase({ datasets: [DATASET_V1], catalogs: [] });
    await saved.saveDataset({ ...DATASET_V1, name: '改名', revision: 'r1', snapshot: null });
    const raw = (await idb.getAll('datasets')) as Record<string, unknown>[];
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ version: 3, id: 'upload-1', name: '改名', mapping: MAPPING_V1, revision: 'r1', snapshot: null });
    expect((await saved.savedDatasets()).map((d) => d.name)).toEqual(['改名']);
    await saved.saveCatalog(CATALOG_V1);
    expect(await idb.getAll('catalogs')).toMatchObject([{ version: 2, id: 'catalog-1', delimiter: ';' }]);
    await saved.forgetDataset('upload-1');
    expect(await saved.savedDatasets()).toEqual([]);
  });

  it('attaches a snapshot to the import it was taken of, and to no other', async () => {
    await createTodaysDatabase({ datasets: [DATASET_V1], catalogs: [] });
    await saved.saveDataset({ ...DATASET_V1, revision: 'first', snapshot: null });
    const snapshot = { format: 1, bytes: new Blob(['duckdb bytes']) };
    // Re-mapped meanwhile: the record is of another import now.
    await saved.saveDataset({ ...DATASET_V1, revision: 'second', snapshot: null });
    expect(await saved.attachSnapshot('upload-1', 'first', snapshot)).toBe(false);
    expect((await saved.savedDatasets())[0]?.snapshot).toBeNull();
    expect(await saved.attachSnapshot('upload-1', 'second', snapshot)).toBe(true);
    const [record] = await saved.savedDatasets();
    expect(record).toMatchObject({ revision: 'second', name: DATASET_V1.name, snapshot: { format: 1 } });
    expect(await record?.snapshot?.bytes.text()).toBe('duckdb bytes');
    // Removed meanwhile: nothing comes back.
    await saved.forgetDataset('upload-1');
    expect(await saved.attachSnapshot('upload-1', 'second', snapshot)).toBe(false);
    expect(await saved.savedDatasets()).toEqual([]);
  });

  it('passes over a record it cannot import again, and fills in what it can', async () => {
    await createTodaysDatabase({
      datasets: [{ id: 'no-file', mapping: MAPPING_V1 }, { id: 'no-mapping', file: file() }, { id: 'bare', mapping: MAPPING_V1, file: file(), name: 7 }],
      catalogs: [{ id: 'cat', file: file() }, { id: 'cat-no-file' }],
    });
    expect(await saved.savedDatasets()).toEqual([{ id: 'bare', name: 'bare', sourceFile: 'bare', importedAt: '', mapping: MAPPING_V1, file: expect.any(Blob) as Blob, revision: '', snapshot: null }]);
    expect(await saved.savedCatalogs()).toEqual([{ id: 'cat', sourceFile: 'cat', importedAt: '', delimiter: ',', file: expect.any(Blob) as Blob }]);
  });

  it('says the disk is full when a write fails with QuotaExceededError', async () => {
    // As the spec has it: the failed request's error event reaches the transaction before the
    // transaction aborts (test/e2e/bad-input.test.ts does the same in Chromium). Here the failure
    // is real, an add of a key already there, and its request reports a full disk instead.
    await createTodaysDatabase({ datasets: [DATASET_V1], catalogs: [] });
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown) {
      const r = this.add(value);
      Object.defineProperty(r, 'error', { configurable: true, get: () => quota, set: () => undefined });
      return r;
    });
    const failure = await saved.saveDataset({ ...DATASET_V1, name: '不会写入', revision: '', snapshot: null }).catch((e: unknown) => e);
    put.mockRestore();
    expect(failure).toBe(quota);
    expect(saved.persistProblem(failure)).toBe('full');
    expect((await saved.savedDatasets()).map((d) => d.name)).toEqual(['会话指标']);
  });

  it('rejects, and opens again on the next call, where storage is denied', async () => {
    const open = vi.spyOn(IDBFactory.prototype, 'open').mockImplementationOnce(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const failure = await saved.savedDatasets().catch((e: unknown) => e);
    expect(saved.persistProblem(failure)).toBe('unavailable');
    expect(await saved.savedDatasets()).toEqual([]);
    open.mockRestore();
  });
});

describe('IndexedDB upgrade steps', () => {
  it('runs each step from the version the database is at, in order', () => {
    const ran: number[] = [];
    const steps: UpgradeStep[] = [0, 1, 2].map((i) => () => void ran.push(i));
    const upgrade = idb.upgradeWith(steps);
    const db = {} as HqdDb;
    const tx = {} as Parameters<UpgradeStep>[1];
    upgrade(db, 0, 3, tx);
    expect(ran).toEqual([0, 1, 2]);
    ran.length = 0;
    upgrade(db, 1, 3, tx);
    expect(ran).toEqual([1, 2]);
    ran.length = 0;
    upgrade(db, 2, null, tx);
    expect(ran).toEqual([2]);
    expect(() => upgrade(db, 3, 4, tx)).toThrow(/from version 3/);
  });
});
