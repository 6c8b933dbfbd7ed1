import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../src/domain/mapping';
import { EngineLostError, type Engine } from '../../../src/engine/types';
import { ImportError, importCatalogFile, importDataFile } from '../../../src/ingest/import-file';

// An engine whose worker is gone: every call fails with the interface's EngineLostError.
const lost: Engine = {
  query: () => Promise.reject(new EngineLostError()),
  queryColumns: () => Promise.reject(new EngineLostError()),
  transaction: () => Promise.reject(new EngineLostError()),
  registerFile: () => Promise.reject(new EngineLostError()),
  dropFile: () => Promise.reject(new EngineLostError()),
  registerEmptyFile: () => Promise.reject(new EngineLostError()),
  copyFile: () => Promise.reject(new EngineLostError()),
};

const mapping: ImportMapping = {
  layout: 'long',
  read: { encoding: 'utf-8', delimiter: ',', headerRow: 0, dataRows: 1, fields: 4 },
  columns: [
    { name: 'entity', role: 'entity' },
    { name: 'indicator', role: 'indicator' },
    { name: 'period', role: 'period' },
    { name: 'value', role: 'value' },
  ],
  indicator: { name: '', unit: '', direction: 1 },
  entityLevel: 'region',
};

const file = new Blob(['entity,indicator,period,value\nA,GDP,2023,1\n']);

async function reasonOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).reason;
}

describe('an engine lost during an import', () => {
  it('refuses a data file as engine-lost, not as a read failure', async () => {
    expect(await reasonOf(importDataFile(lost, { file, datasetId: 'x', name: 'x', sourceFile: 'x.csv', mapping }))).toBe('engine-lost');
  });

  it('refuses a catalog file as engine-lost', async () => {
    expect(await reasonOf(importCatalogFile(lost, file, 'c', 'utf-8', ','))).toBe('engine-lost');
  });
});
