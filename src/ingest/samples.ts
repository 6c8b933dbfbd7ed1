import manifest from '../../data/manifest.json';
import type { Engine } from '../engine/types';
import { loadCatalog, loadEntities } from './catalog';
import { loadDataset } from './load';
import type { ImportMapping, ImportResult } from '../domain/mapping';
import { guessLongColumns } from './roles';

export type SampleManifest = typeof manifest;
export const sampleManifest: SampleManifest = manifest;
export const SAMPLE_DATASET_IDS: readonly string[] = manifest.datasets.map((d) => d.id);

/** Reads one file of `data/` by name: `fetch` in the browser, the file system in Node tests. */
export type SampleSource = (file: string) => Promise<Blob | Uint8Array>;

async function headerLine(data: Blob | Uint8Array): Promise<string> {
  const head = data instanceof Uint8Array ? new TextDecoder().decode(data.subarray(0, 4096)) : await data.slice(0, 4096).text();
  return head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

/**
 * Loads the bundled sample through the same path an upload takes: the entity hierarchy and the
 * catalog first, then each indicator set with a mapping guessed from its header.
 */
export async function loadSamples(engine: Engine, source: SampleSource, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<ImportResult[]> {
  const register = async (file: string) => {
    const data = await source(file);
    const name = `sample-${file}`;
    // Read the header first: registering may transfer the buffer to the engine's worker.
    const header = await headerLine(data);
    await engine.registerFile(name, data);
    return { name, header };
  };
  const entities = await register(manifest.entities);
  await loadEntities(engine, entities.name);
  const catalog = await register(manifest.catalog);
  await loadCatalog(engine, catalog.name);

  const results: ImportResult[] = [];
  for (const set of manifest.datasets) {
    const file = await register(set.file);
    const headers = file.header.split(',');
    const mapping: ImportMapping = {
      layout: 'long',
      read: { encoding: 'utf-8', delimiter: ',', headerRow: 0, dataRows: set.rows },
      columns: guessLongColumns(headers),
      indicator: { name: '', unit: '', direction: 1 },
      entityLevel: 'region',
    };
    results.push(
      await loadDataset(engine, {
        datasetId: set.id,
        name: locale === 'en' ? set.name_en : set.name_zh,
        kind: 'sample',
        sourceFile: set.file,
        registeredFile: file.name,
        mapping,
      }),
    );
    await engine.dropFile(file.name);
  }
  await engine.dropFile(entities.name);
  await engine.dropFile(catalog.name);
  return results;
}
