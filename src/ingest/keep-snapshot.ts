import type { Engine } from '../engine/types';
import { attachSnapshot } from '../persist/saved';
import { readInPlace } from './in-place';
import { SNAPSHOT_FORMAT, writeSnapshot } from './snapshot';

/** A fresh revision for each import of a dataset id: its snapshot must be of that import. */
export const newRevision = (): string => crypto.randomUUID();

/**
 * Saves the snapshot of a loaded upload to its record, so that the next start reads it in place,
 * and reads it in place from now on (src/ingest/in-place.ts). An engine failure only means the
 * next start imports the file once more (and tries again then); a storage failure (a full disk)
 * is thrown for the caller to tell the person.
 */
export async function keepSnapshot(engine: Engine, datasetId: string, revision: string): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await writeSnapshot(engine, datasetId);
  } catch {
    return false;
  }
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const stored = await attachSnapshot(datasetId, revision, { format: SNAPSHOT_FORMAT, bytes: blob });
  if (stored) await readInPlace(engine, datasetId, blob);
  return stored;
}
