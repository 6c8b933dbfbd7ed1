import { describe, expect, it } from 'vitest';
import { migrate, readVersioned } from '../../../src/persist/migrate';
import { persistProblem, SAVED_CATALOG, SAVED_DATASET } from '../../../src/persist/saved';
import { catalogV1, datasetV1 } from './v1-records';

describe('persistProblem', () => {
  it('tells a full disk from storage that is switched off', () => {
    expect(persistProblem(new DOMException('quota', 'QuotaExceededError'))).toBe('full');
    expect(persistProblem(new DOMException('denied', 'SecurityError'))).toBe('unavailable');
    expect(persistProblem(new Error('IndexedDB is not available'))).toBe('unavailable');
    expect(persistProblem('odd')).toBe('unavailable');
  });
});

describe('saved upload records: version 1 → 2', () => {
  const dataset = datasetV1();
  const catalog = catalogV1();

  it('the dataset step keeps every field, the mapping as it was (no read.fields added)', () => {
    const step = SAVED_DATASET.steps[0]!;
    expect(step.from).toBe(1);
    expect(step.migrate(dataset)).toEqual(dataset);
    expect(migrate(dataset, SAVED_DATASET)).toEqual({ ...dataset, version: 3, revision: '', snapshot: null });
    const read = readVersioned(dataset, SAVED_DATASET);
    expect(read).toEqual({ ...dataset, revision: '', snapshot: null });
    expect(read?.mapping.read).not.toHaveProperty('fields');
    expect(read?.file).toBe(dataset.file);
  });

  it('the catalog step keeps every field', () => {
    expect(SAVED_CATALOG.steps[0]!.migrate(catalog)).toEqual(catalog);
    expect(readVersioned(catalog, SAVED_CATALOG)).toEqual(catalog);
  });

  it('a version 2 record reads without a snapshot; one without its id, file or mapping reads as nothing', () => {
    expect(readVersioned({ version: 2, ...dataset }, SAVED_DATASET)).toEqual({ ...dataset, revision: '', snapshot: null });
    expect(readVersioned({ ...dataset, id: 3 }, SAVED_DATASET)).toBeNull();
    expect(readVersioned({ ...dataset, file: 'x' }, SAVED_DATASET)).toBeNull();
    expect(readVersioned({ ...dataset, mapping: { layout: 'long' } }, SAVED_DATASET)).toBeNull();
    expect(readVersioned('garbage', SAVED_CATALOG)).toBeNull();
  });
});

describe('saved upload records: version 2 → 3, the snapshot', () => {
  const dataset = datasetV1();
  const snapshot = { format: 1, bytes: new Blob(['x']) };

  it('a version 3 record keeps its revision and snapshot', () => {
    expect(readVersioned({ ...dataset, version: 3, revision: 'r', snapshot }, SAVED_DATASET)).toEqual({ ...dataset, revision: 'r', snapshot });
  });

  it('a snapshot that is not bytes with a format is dropped, and the record kept (its file imports again)', () => {
    for (const bad of [{ format: 1, bytes: 'x' }, { bytes: new Blob(['x']) }, 'x', 7])
      expect(readVersioned({ ...dataset, version: 3, revision: 'r', snapshot: bad }, SAVED_DATASET)).toEqual({ ...dataset, revision: 'r', snapshot: null });
  });
});
