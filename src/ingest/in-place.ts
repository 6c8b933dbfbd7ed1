import { sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { LOCAL_OBSERVATIONS } from '../engine/schema';
import { KEY_TABLES } from './key-tables';

// A saved upload comes back at a start by attaching its snapshot (src/ingest/snapshot.ts), read
// only, and reading its observations there, through the `observations` view: nothing is copied.
// Copying was the whole cost of such a start (10 M observations: 5.5 s, and 1.1 GB of engine
// memory instead of the snapshot's 30 to 70 MB); queries over the coded snapshot, its three key
// tables joined back, measured as fast as over the copy (profiled under Node, 10 M rows).
// An upload of this session is coded the same way from the start, in a schema of its own in the
// engine's memory (importInto), and read through the same view until its snapshot takes over.

/** The snapshot's observations with their keys written out again, as `observations` has them. */
export function snapshotObservationsSql(alias: string, datasetId: string): string {
  const keys = KEY_TABLES.flatMap((k) => k.columns.map((c) => `${k.table}.${c}`)).join(', ');
  const joins = KEY_TABLES.map((k) => `JOIN ${alias}.${k.table} ${k.table} USING (${k.code})`).join(' ');
  return `SELECT CAST(${sqlString(datasetId)} AS VARCHAR) AS dataset_id, ${keys}, o.value, o.flag FROM ${alias}.observations o ${joins}`;
}

export interface InPlace {
  alias: string;
  datasetId: string;
}

/** The `observations` view over this session's rows and every snapshot read in place. */
export function observationsViewSql(held: readonly InPlace[]): string {
  return [`CREATE OR REPLACE VIEW observations AS SELECT * FROM ${LOCAL_OBSERVATIONS}`, ...held.map((h) => snapshotObservationsSql(h.alias, h.datasetId))].join('\nUNION ALL ');
}

interface Held extends InPlace {
  /** The registered snapshot file; null for an upload of this session, coded in a schema of its own. */
  file: string | null;
  /** Set while a removal or a re-import of the dataset runs: the view is redefined without it. */
  leaving: boolean;
}

// Keyed by alias: during a re-import or while a snapshot takes over, two entries hold one dataset.
const attachedBy = new WeakMap<Engine, Map<string, Held>>();
let sequence = 0;

function heldBy(engine: Engine): Map<string, Held> {
  let held = attachedBy.get(engine);
  if (!held) attachedBy.set(engine, (held = new Map()));
  return held;
}

/** The entry the view reads a dataset from, if any. */
const entryOf = (engine: Engine, datasetId: string): Held | undefined => [...heldBy(engine).values()].find((h) => h.datasetId === datasetId && !h.leaving);

const viewSql = (engine: Engine, extra: readonly Held[] = []) => observationsViewSql([...[...heldBy(engine).values()].filter((h) => !h.leaving), ...extra]);

/**
 * Gives back the memory of deleted rows. DuckDB frees an in-memory table's deleted rows at a
 * checkpoint, not at the commit of a DELETE inside a transaction (1 M observations: 115 MB held
 * after the commit, 3 MB after CHECKPOINT). Best effort: at worst the memory comes back later.
 */
export async function reclaim(engine: Engine): Promise<void> {
  await engine.query('CHECKPOINT').catch(() => undefined);
}

/** The schema of a dataset's coded rows while it is an upload of this session not yet read in place. */
export function codedSchemaOf(engine: Engine, datasetId: string): string | null {
  const entry = entryOf(engine, datasetId);
  return entry && entry.file === null ? entry.alias : null;
}

/** True when the dataset's observations are read from its attached snapshot. */
export const isInPlace = (engine: Engine, datasetId: string): boolean => entryOf(engine, datasetId)?.file != null;

/** Registers and attaches a snapshot read-only; refuses one of another dataset than `datasetId`. */
async function attachChecked(engine: Engine, data: Blob | Uint8Array, datasetId: string): Promise<Held & { file: string }> {
  if (isInPlace(engine, datasetId)) throw new Error(`dataset ${datasetId} is already loaded`);
  const n = sequence++;
  const entry = { alias: `hqd_saved_${n}`, datasetId, file: `saved-${n}-${Date.now().toString(36)}.duckdb`, leaving: false };
  await engine.registerFile(entry.file, data);
  try {
    await engine.query(`ATTACH ${sqlString(entry.file)} AS ${entry.alias} (READ_ONLY)`);
  } catch (error) {
    await engine.dropFile(entry.file).catch(() => undefined);
    throw error;
  }
  try {
    const found = await engine.query<{ dataset_id: string }>(`SELECT dataset_id FROM ${entry.alias}.datasets`);
    if (found.length !== 1 || found[0]?.dataset_id !== datasetId) throw new Error(`the snapshot is not of dataset ${datasetId}`);
  } catch (error) {
    await detach(engine, entry);
    throw error;
  }
  return entry;
}

async function detach(engine: Engine, entry: Held): Promise<void> {
  if (entry.file === null) {
    await engine.query(`DROP SCHEMA IF EXISTS ${entry.alias} CASCADE`).catch(() => undefined);
    return;
  }
  await engine.query(`DETACH ${entry.alias}`).catch(() => undefined);
  await engine.dropFile(entry.file).catch(() => undefined);
}

/** Runs `work` and the view with `entry` in it in one transaction; on failure the entry is let go. */
async function adopt(engine: Engine, entry: Held, work: (tx: Pick<Engine, 'query'>) => Promise<void>): Promise<void> {
  const held = heldBy(engine);
  held.set(entry.alias, entry);
  try {
    await engine.transaction(async (tx) => {
      await work(tx);
      await tx.query(viewSql(engine));
    });
  } catch (error) {
    held.delete(entry.alias);
    await engine.query(viewSql(engine)).catch(() => undefined);
    await detach(engine, entry);
    throw error;
  }
}

/**
 * Attaches a snapshot and adds its dataset, read in place: the dataset's row, and the entities and
 * indicators not already present (kept as they are, as an import keeps them: a catalog restored
 * first wins), in one transaction with the view. All or nothing: a snapshot that cannot be read,
 * or of another dataset than `target`, changes nothing and is detached again.
 */
export async function attachInPlace(engine: Engine, data: Blob | Uint8Array, target: { datasetId: string; name: string }): Promise<void> {
  const entry = await attachChecked(engine, data, target.datasetId);
  await adopt(engine, entry, async (tx) => {
    await tx.query(`INSERT OR IGNORE INTO entities BY NAME SELECT * FROM ${entry.alias}.entities`);
    await tx.query(`INSERT OR IGNORE INTO indicators BY NAME SELECT * FROM ${entry.alias}.indicators`);
    await tx.query(`INSERT INTO datasets BY NAME SELECT * REPLACE (CAST(? AS VARCHAR) AS name) FROM ${entry.alias}.datasets`, [target.name]);
  });
}

/**
 * A dataset imported in this session, once its snapshot is saved, is read from that snapshot too:
 * its coded rows leave the engine's memory (10 M observations: 1.2 GB as strings, about 250 MB
 * coded, against a snapshot of tens of MB). Queries over it are then those a reload would run,
 * and no slower. Only when the snapshot is of the rows loaded now (the same import, not re-mapped
 * or removed since): otherwise, or on any failure, nothing changes. True when the dataset is now
 * in place.
 */
export async function readInPlace(engine: Engine, datasetId: string, snapshot: Blob | Uint8Array): Promise<boolean> {
  let entry: Held;
  try {
    entry = await attachChecked(engine, snapshot, datasetId);
  } catch {
    return false;
  }
  const held = heldBy(engine);
  // The upload's own schema, or (a dataset loaded before uploads were coded) the session table.
  const coded = entryOf(engine, datasetId);
  const rows = coded ? `SELECT count(*) FROM ${coded.alias}.observations` : `SELECT count(*) FROM ${LOCAL_OBSERVATIONS} WHERE dataset_id = ?`;
  try {
    await engine.transaction(async (tx) => {
      const [same] = await tx.query<{ n: number }>(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM datasets d JOIN ${entry.alias}.datasets s USING (dataset_id)
         WHERE d.dataset_id = ? AND d.mapping = s.mapping AND d.imported_at = s.imported_at AND d.row_count = s.row_count
           AND d.row_count = (${rows})`,
        coded ? [datasetId] : [datasetId, datasetId],
      );
      if (same?.n !== 1) throw new Error(`dataset ${datasetId} changed since its snapshot`);
      if (!coded) await tx.query(`DELETE FROM ${LOCAL_OBSERVATIONS} WHERE dataset_id = ?`, [datasetId]);
      await tx.query(observationsViewSql([...held.values()].filter((h) => !h.leaving && h !== coded).concat(entry)));
      // Swapped before the commit: a transaction queued behind this one defines the view as it now is.
      if (coded) held.delete(coded.alias);
      held.set(entry.alias, entry);
    });
  } catch {
    held.delete(entry.alias);
    if (coded) held.set(coded.alias, coded);
    await engine.query(viewSql(engine)).catch(() => undefined);
    await detach(engine, entry);
    return false;
  }
  if (coded) await detach(engine, coded);
  await reclaim(engine);
  return true;
}

/**
 * Runs `work`, a transaction that removes or replaces the dataset, with the view redefined without
 * the dataset's snapshot (or its coded rows) in the same transaction; after it commits, the
 * snapshot is detached (the schema dropped). For a dataset in the session table this is
 * `engine.transaction(work)`.
 */
export async function withoutInPlace<T>(engine: Engine, datasetId: string, work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T> {
  const entry = entryOf(engine, datasetId);
  if (!entry) return engine.transaction(work);
  // Marked first: a transaction of another dataset that starts meanwhile defines the view without
  // it too, and never refers to a database about to be detached.
  entry.leaving = true;
  let result: T;
  try {
    result = await engine.transaction(async (tx) => {
      await tx.query(viewSql(engine));
      return work(tx);
    });
  } catch (error) {
    entry.leaving = false;
    await engine.query(viewSql(engine)).catch(() => undefined);
    throw error;
  }
  heldBy(engine).delete(entry.alias);
  await detach(engine, entry);
  return result;
}

/** A schema for the coded rows of one upload, unique in this page. */
export const newUploadSchema = (): string => `hqd_upload_${sequence++}`;

/**
 * Runs `work`, the transaction of an import whose upload's coded rows were written to `schema`
 * before it, and ends it with the view reading them. It takes the place of the dataset's rows
 * loaded before (a re-import), as withoutInPlace does. On failure nothing changes but that the
 * schema, which nothing read, is dropped.
 */
export async function importInto<T>(engine: Engine, datasetId: string, schema: string, work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T> {
  const entry: Held = { alias: schema, datasetId, file: null, leaving: false };
  const held = heldBy(engine);
  try {
    return await withoutInPlace(engine, datasetId, async (tx) => {
      const result = await work(tx);
      await tx.query(viewSql(engine, [entry]));
      held.set(entry.alias, entry);
      return result;
    });
  } catch (error) {
    if (held.delete(entry.alias)) await engine.query(viewSql(engine)).catch(() => undefined);
    await detach(engine, entry);
    throw error;
  }
}
