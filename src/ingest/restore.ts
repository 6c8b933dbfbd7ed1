import type { Engine } from '../engine/types';
import { savedCatalogs, savedDatasets } from '../persist/saved';
import { loadCatalog } from './catalog';
import { loadDataset } from './load';
import { toUtf8 } from './transcode';

export interface RestoreReport {
  restored: number;
  failed: string[];
  /** Browser storage could not be read: this session starts with the sample only. */
  storageUnavailable: boolean;
}

/**
 * Imports every saved upload again, from the original file with the mapping it was read with,
 * catalogs first so indicator definitions apply. One file failing does not stop the others.
 */
export async function restoreSaved(engine: Engine): Promise<RestoreReport> {
  const report: RestoreReport = { restored: 0, failed: [], storageUnavailable: false };
  let catalogs;
  let datasets;
  try {
    [catalogs, datasets] = await Promise.all([savedCatalogs(), savedDatasets()]);
  } catch {
    report.storageUnavailable = true;
    return report;
  }
  for (const c of catalogs.sort((a, b) => a.importedAt.localeCompare(b.importedAt))) {
    const name = `restore-${c.id}.csv`;
    try {
      await engine.registerFile(name, c.file);
      await loadCatalog(engine, name, c.delimiter);
    } catch {
      report.failed.push(c.sourceFile);
    } finally {
      await engine.dropFile(name).catch(() => undefined);
    }
  }
  for (const d of datasets.sort((a, b) => a.importedAt.localeCompare(b.importedAt))) {
    const name = `restore-${d.id}.csv`;
    try {
      await engine.registerFile(name, await toUtf8(d.file, d.mapping.read.encoding, () => undefined));
      await loadDataset(engine, { datasetId: d.id, name: d.name, kind: 'upload', sourceFile: d.sourceFile, registeredFile: name, mapping: d.mapping, importedAt: d.importedAt });
      report.restored++;
    } catch {
      report.failed.push(d.sourceFile);
    } finally {
      await engine.dropFile(name).catch(() => undefined);
    }
  }
  return report;
}
