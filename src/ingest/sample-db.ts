import { sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { LOCAL_OBSERVATIONS } from '../engine/schema';
import { sampleManifest } from './samples';

// The bundled sample as a DuckDB database file. The build (scripts/build-sample-db.ts) imports
// data/*.csv through `loadSamples`, the path an upload takes, and saves the canonical tables that
// import wrote; a start copies them into the in-memory database instead of importing the CSVs
// again. test/integration/sample-db.test.ts holds the file to a fresh import, row for row.

/** Every table `loadSamples` writes (src/engine/schema.ts), in the order they are copied. */
export const SAMPLE_TABLES = ['entities', 'indicators', 'datasets', 'observations'] as const;

const ATTACHED = 'hqd_sample';
const REGISTERED = 'hqd-sample.duckdb';

/**
 * Writes the sample tables of `engine` to a new database file at `path`. DuckDB's smallest block
 * (16 KiB instead of 256 KiB) keeps the file about the size of the CSVs it comes from.
 */
export async function saveSampleDatabase(engine: Engine, path: string): Promise<void> {
  await engine.query(`ATTACH ${sqlString(path)} AS ${ATTACHED} (BLOCK_SIZE 16384)`);
  try {
    // The same CSVs and import give the same file, byte for byte, so its hashed name changes only
    // when they do: rows are sorted, and the time of each import is kept only as its order.
    for (const table of SAMPLE_TABLES) {
      const columns =
        table === 'datasets'
          ? `* REPLACE (TIMESTAMP '2000-01-01' + to_seconds(row_number() OVER (ORDER BY imported_at, dataset_id)) AS imported_at)`
          : '*';
      await engine.query(`CREATE TABLE ${ATTACHED}.${table} AS SELECT ${columns} FROM main.${table} ORDER BY ALL`);
    }
    await engine.query(`CHECKPOINT ${ATTACHED}`);
  } finally {
    await engine.query(`DETACH ${ATTACHED}`);
  }
}

/**
 * Copies the sample database's tables into the (empty) canonical tables in one transaction: the
 * sample is there whole or not at all. As an import would, each dataset is named in `locale` and
 * stamped with the time of this load: the last imported now, each earlier one a second before
 * the next, so the dataset list keeps the order a start that imported the CSVs gave it.
 */
export async function loadSampleDatabase(engine: Engine, file: Uint8Array, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  const names = sampleManifest.datasets.map((d) => [d.id, locale === 'en' ? d.name_en : d.name_zh] as const);
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  await engine.registerFile(REGISTERED, file);
  try {
    await engine.query(`ATTACH ${sqlString(REGISTERED)} AS ${ATTACHED} (READ_ONLY)`);
    try {
      // Literals, not parameters: the names are the manifest's and the time is ours, and a
      // prepared statement costs a fresh engine three round trips and about 100 ms more. The
      // copies go in one round trip to the worker: a start waits on each.
      const copies = SAMPLE_TABLES.map((table) =>
        table !== 'datasets'
          ? `INSERT INTO ${table === 'observations' ? LOCAL_OBSERVATIONS : table} BY NAME SELECT * FROM ${ATTACHED}.${table}`
          : `INSERT INTO datasets BY NAME
             SELECT d.* REPLACE (CASE d.dataset_id ${names.map(([id, name]) => `WHEN ${sqlString(id)} THEN ${sqlString(name)}`).join(' ')} ELSE d.name END AS name,
               d.imported_at + (TIMESTAMP ${sqlString(now)} - (SELECT max(imported_at) FROM ${ATTACHED}.datasets)) AS imported_at)
             FROM ${ATTACHED}.datasets d`,
      );
      await engine.transaction((tx) => tx.query(copies.join(';\n')));
    } finally {
      await engine.query(`DETACH ${ATTACHED}`);
    }
  } finally {
    await engine.dropFile(REGISTERED);
  }
}
