import type { SavedDataset } from '../../../src/persist/saved';

// Upload records exactly as imports-store.ts saved them before records carried a version (version
// 1): the mapping as sniffed and edited, from before `read.fields` existed.

export const MAPPING_V1: SavedDataset['mapping'] = {
  layout: 'long',
  read: { encoding: 'gb18030', delimiter: ',', headerRow: 0, dataRows: 6 },
  columns: [
    { name: '地区', role: 'entity' },
    { name: '指标', role: 'indicator' },
    { name: '年份', role: 'period' },
    { name: '值', role: 'value' },
  ],
  indicator: { name: '', unit: '', direction: 1 },
  entityLevel: 'region',
};

export const csvFile = () => new Blob(['地区,指标,年份,值\n甲,会话指标,2023,1\n'], { type: 'text/csv' });

export const datasetV1 = () => ({ id: 'upload-1', name: '会话指标', sourceFile: 'session.csv', importedAt: '2026-11-20T08:00:00.000Z', mapping: MAPPING_V1, file: csvFile() });
export const catalogV1 = () => ({ id: 'catalog-1', sourceFile: 'catalog.csv', importedAt: '2026-11-19T08:00:00.000Z', delimiter: ';', file: csvFile() });
