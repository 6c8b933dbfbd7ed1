import { describe, expect, it } from 'vitest';
import { requestPersistence, storageFigures } from '../../../src/persist/storage';

const manager = (over: Partial<StorageManager>) => over as StorageManager;

describe('storageFigures', () => {
  it('gives what the site uses and what is left', async () => {
    const s = manager({ estimate: async () => ({ usage: 3_000_000, quota: 10_000_000 }), persisted: async () => true });
    expect(await storageFigures(s)).toEqual({ used: 3_000_000, available: 7_000_000, persisted: true });
  });
  it('says nothing where the browser does not tell, or refuses', async () => {
    expect(await storageFigures(undefined)).toBeNull();
    expect(await storageFigures(manager({ estimate: () => Promise.reject(new Error('SecurityError')) }))).toBeNull();
  });
  it('never reports less than nothing left', async () => {
    expect((await storageFigures(manager({ estimate: async () => ({ usage: 12, quota: 10 }) })))?.available).toBe(0);
  });
});

describe('requestPersistence', () => {
  it('asks once the data is not yet persistent, and takes a refusal quietly', async () => {
    let asked = 0;
    const s = (persisted: boolean, grant: boolean | Error) =>
      manager({ persisted: async () => persisted, persist: async () => (asked++, grant instanceof Error ? Promise.reject(grant) : grant) });
    expect(await requestPersistence(s(true, false))).toBe(true);
    expect(asked).toBe(0);
    expect(await requestPersistence(s(false, true))).toBe(true);
    expect(await requestPersistence(s(false, false))).toBe(false);
    expect(await requestPersistence(s(false, new Error('denied')))).toBe(false);
    expect(asked).toBe(3);
    expect(await requestPersistence(undefined)).toBe(false);
  });
});
