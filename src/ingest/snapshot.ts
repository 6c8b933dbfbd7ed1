import { sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { codedSchemaOf } from './in-place';
import { KEY_TABLES } from './key-tables';

// A saved upload comes back at the next start from a snapshot of the rows its import wrote, a
// DuckDB database file, instead of importing its original file again: the start attaches it and
// reads it in place (src/ingest/in-place.ts; README, "Saved data"). The original file and its
// mapping stay saved beside it, for re-mapping and for when a snapshot cannot be read (a newer
// DuckDB that no longer reads it, a damaged record, an earlier format).

/** Bumped when the tables a snapshot holds change: a snapshot of another format is not read. */
export const SNAPSHOT_FORMAT = 2;

/** From this many observations a snapshot is written in DuckDB's default 256 KiB blocks. */
export const LARGE_SNAPSHOT_ROWS = 100_000;

const ATTACHED = 'hqd_snapshot';
let sequence = 0;
// File names are ours and unique per call: DuckDB keeps a name it wrote to until the file is dropped.
const fileName = (purpose: string) => `${purpose}-${Date.now().toString(36)}-${(sequence++).toString(36)}.duckdb`;

/**
 * The rows of one dataset, with the entities and indicators they refer to, as the bytes of a
 * DuckDB database file. Read in one transaction: a change to the dataset meanwhile (a removal)
 * is either wholly before the snapshot or wholly after it.
 */
export async function writeSnapshot(engine: Engine, datasetId: string, largeFrom = LARGE_SNAPSHOT_ROWS): Promise<Uint8Array> {
  const file = fileName('snapshot');
  const id = sqlString(datasetId);
  const [size] = await engine.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM observations WHERE dataset_id = ${id}`);
  // A small upload keeps the smallest block (16 KiB), as the sample database, and makes a small
  // file; past that the default block writes faster and smaller (2.7 M rows: 14 MB in 5.1 s
  // against 32 MB in 8.1 s, before coding).
  const block = (size?.n ?? 0) >= largeFrom ? 262_144 : 16_384;
  const coded = codedSchemaOf(engine, datasetId);
  await engine.registerEmptyFile(file);
  try {
    await engine.query(`ATTACH ${sqlString(file)} AS ${ATTACHED} (BLOCK_SIZE ${block})`);
    try {
      await engine.transaction(async (tx) => {
        const [found] = await tx.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM datasets WHERE dataset_id = ${id}`);
        if (!found || found.n !== 1) throw new Error(`dataset ${datasetId} is not loaded`);
        await tx.query(`CREATE TABLE ${ATTACHED}.datasets AS SELECT * FROM datasets WHERE dataset_id = ${id}`);
        if (coded) {
          // An upload of this session is coded already: its tables are copied as they are.
          for (const table of [...KEY_TABLES.map((k) => k.table), 'observations']) await tx.query(`CREATE TABLE ${ATTACHED}.${table} AS SELECT * FROM ${coded}.${table}`);
        } else {
          for (const k of KEY_TABLES)
            await tx.query(
              `CREATE TABLE ${ATTACHED}.${k.table} AS SELECT CAST(row_number() OVER () AS INTEGER) AS ${k.code}, *
               FROM (SELECT DISTINCT ${k.columns.join(', ')} FROM observations WHERE dataset_id = ${id})`,
            );
          await tx.query(
            `CREATE TABLE ${ATTACHED}.observations AS
             SELECT ${KEY_TABLES.map((k) => `${k.table}.${k.code}`).join(', ')}, o.value, o.flag
             FROM observations o ${KEY_TABLES.map((k) => `JOIN ${ATTACHED}.${k.table} ${k.table} USING (${k.columns.join(', ')})`).join(' ')}
             WHERE o.dataset_id = ${id}`,
          );
        }
        // Entities a branch hangs from are kept too: the import may have added the district with it.
        await tx.query(
          `CREATE TABLE ${ATTACHED}.entities AS SELECT * FROM entities WHERE entity_id IN (
             SELECT entity_id FROM ${ATTACHED}.entity_keys
             UNION SELECT e.parent_id FROM entities e JOIN ${ATTACHED}.entity_keys USING (entity_id) WHERE e.parent_id IS NOT NULL)`,
        );
        await tx.query(`CREATE TABLE ${ATTACHED}.indicators AS SELECT * FROM indicators WHERE indicator_id IN (SELECT indicator_id FROM ${ATTACHED}.indicator_keys)`);
      });
      await engine.query(`CHECKPOINT ${ATTACHED}`);
    } finally {
      await engine.query(`DETACH ${ATTACHED}`);
    }
    return await engine.copyFile(file);
  } finally {
    await engine.dropFile(file).catch(() => undefined);
    await engine.dropFile(`${file}.wal`).catch(() => undefined);
  }
}
