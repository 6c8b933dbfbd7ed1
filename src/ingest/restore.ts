import type { Engine } from '../engine/types';
import { savedCatalogs, savedDatasets, type SavedCatalog, type SavedDataset } from '../persist/saved';
import { loadCatalog } from './catalog';
import { loadDataset } from './load';
import { attachInPlace } from './in-place';
import { SNAPSHOT_FORMAT } from './snapshot';
import { toUtf8 } from './transcode';

export interface RestoreReport {
  restored: number;
  /** Of those, how many came back from their snapshot (the others were imported from their file). */
  fromSnapshot: number;
  failed: string[];
  /** Browser storage could not be read: this session starts with the sample only. */
  storageUnavailable: boolean;
  /** Uploads imported from their file for want of a usable snapshot: one is saved for the next start. */
  unsnapshotted: { id: string; revision: string }[];
}

export interface SavedRecords {
  catalogs: SavedCatalog[];
  datasets: SavedDataset[];
}

/**
 * What is saved, read from browser storage. Started with the engine, not after it: reading
 * IndexedDB needs no engine, and the snapshot bytes are then ready when the sample is in.
 */
export async function readSaved(): Promise<SavedRecords | null> {
  try {
    const [catalogs, datasets] = await Promise.all([savedCatalogs(), savedDatasets()]);
    return { catalogs, datasets };
  } catch {
    return null;
  }
}

async function restoreOne(engine: Engine, d: SavedDataset): Promise<'snapshot' | 'file'> {
  if (d.snapshot?.format === SNAPSHOT_FORMAT) {
    try {
      // The Blob as stored: the engine reads the blocks its queries need, never the whole file.
      await attachInPlace(engine, d.snapshot.bytes, { datasetId: d.id, name: d.name });
      return 'snapshot';
    } catch {
      // A snapshot that cannot be read (damaged, or of a DuckDB this one no longer reads): the
      // file is imported instead and a new snapshot saved.
    }
  }
  const name = `restore-${d.id}.csv`;
  try {
    await engine.registerFile(name, await toUtf8(d.file, d.mapping.read.encoding, () => undefined));
    await loadDataset(engine, { datasetId: d.id, name: d.name, kind: 'upload', sourceFile: d.sourceFile, registeredFile: name, mapping: d.mapping, importedAt: d.importedAt });
    return 'file';
  } finally {
    await engine.dropFile(name).catch(() => undefined);
  }
}

/**
 * Brings back every saved upload: from its snapshot where it has one, otherwise by importing the
 * original file with the mapping it was read with. Catalogs first, so indicator definitions apply.
 * One record failing does not stop the others.
 */
export async function restoreSaved(engine: Engine, saved: Promise<SavedRecords | null> = readSaved()): Promise<RestoreReport> {
  const report: RestoreReport = { restored: 0, fromSnapshot: 0, failed: [], storageUnavailable: false, unsnapshotted: [] };
  const records = await saved;
  if (!records) {
    report.storageUnavailable = true;
    return report;
  }
  for (const c of [...records.catalogs].sort((a, b) => a.importedAt.localeCompare(b.importedAt))) {
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
  for (const d of [...records.datasets].sort((a, b) => a.importedAt.localeCompare(b.importedAt))) {
    try {
      const from = await restoreOne(engine, d);
      report.restored++;
      if (from === 'snapshot') report.fromSnapshot++;
      else report.unsnapshotted.push({ id: d.id, revision: d.revision });
    } catch {
      report.failed.push(d.sourceFile);
    }
  }
  return report;
}
