import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../data/manifest.json';
import { buildSampleDatabase } from '../../scripts/build-sample-db';
import { createSchema, LOCAL_OBSERVATIONS } from '../../src/engine/schema';
import type { Engine, Row } from '../../src/engine/types';
import { SAMPLE_TABLES, loadSampleDatabase } from '../../src/ingest/sample-db';
import { createNodeEngine } from '../support/node-engine';
import { sampleEngine } from '../support/samples';

// The sample database the build emits must hold exactly what importing data/*.csv gives, so that
// a start that copies it in sees what a start that imported the CSVs saw.

type Tables = Record<string, Row[]>;

// Each query sorts on every column: the tables are compared as multisets of rows. The time of
// each import is compared apart, as the order it gives the datasets.
const rowsSql = (table: string, schema = 'main') =>
  `SELECT * ${table === 'datasets' ? 'EXCLUDE (imported_at)' : ''} FROM ${schema}.${table} ORDER BY ALL`;
const importOrderSql = (schema = 'main') => `SELECT dataset_id FROM ${schema}.datasets ORDER BY imported_at, dataset_id`;

async function readTables(engine: Engine, schema = 'main'): Promise<Tables> {
  const tables: Tables = {};
  for (const table of SAMPLE_TABLES) tables[table] = await engine.query(rowsSql(table, schema));
  return tables;
}

const tableNames = async (engine: Engine, database: string) =>
  (await engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ? ORDER BY 1', [database])).map((r) => r.name);

let file: Uint8Array;
let imported: Tables;
let importedOrder: Row[];
let inFile: Tables;
let inFileOrder: Row[];
let fileTables: string[];
let importTables: string[];

beforeAll(async () => {
  file = await buildSampleDatabase();
  // Node engines share one DuckDB instance that each new engine resets: read one at a time.
  const engine = await sampleEngine();
  importTables = await tableNames(engine, 'memory');
  imported = await readTables(engine);
  importedOrder = await engine.query(importOrderSql());
  await engine.registerFile('built.duckdb', file);
  await engine.query(`ATTACH 'built.duckdb' AS built (READ_ONLY)`);
  fileTables = await tableNames(engine, 'built');
  inFile = await readTables(engine, 'built');
  inFileOrder = await engine.query(importOrderSql('built'));
});

async function loaded(locale?: 'zh-CN' | 'en'): Promise<Engine> {
  const engine = await createNodeEngine();
  await createSchema(engine);
  await loadSampleDatabase(engine, file.slice(), locale);
  return engine;
}

describe('the sample database built from data/*.csv', () => {
  it('holds every table the import writes, and nothing else', () => {
    // In the engine the observations table is the session's own, under the view every reader asks.
    expect(importTables).toEqual(SAMPLE_TABLES.map((t) => (t === 'observations' ? LOCAL_OBSERVATIONS : t)).sort());
    expect(fileTables).toEqual([...SAMPLE_TABLES].sort());
  });

  it('holds every row of every table that importing the CSVs gives', () => {
    for (const table of SAMPLE_TABLES) {
      expect(inFile[table]!.length, table).toBeGreaterThan(0);
      expect(inFile[table], table).toEqual(imported[table]);
    }
    expect(inFile.observations).toHaveLength(manifest.datasets.reduce((n, d) => n + d.rows, 0));
    expect(inFileOrder).toEqual(importedOrder);
  });

  it('is the same file, byte for byte, from the same CSVs', async () => {
    expect(await buildSampleDatabase()).toEqual(file);
  });
});

describe('a start that loads the sample database', () => {
  it('has the tables a start that imports the CSVs has, the datasets in the same order', async () => {
    const engine = await loaded();
    expect(await readTables(engine)).toEqual(imported);
    expect(await engine.query(importOrderSql())).toEqual(importedOrder);
  });

  it('names the datasets in the locale and stamps them with the time of the load', async () => {
    const before = Date.now();
    const engine = await loaded('en');
    const rows = await engine.query<{ dataset_id: string; name: string; imported_at: number }>('SELECT dataset_id, name, imported_at FROM datasets ORDER BY dataset_id');
    expect(rows.map((r) => [r.dataset_id, r.name])).toEqual(manifest.datasets.map((d) => [d.id, d.name_en]).sort());
    const newest = Math.max(...rows.map((r) => r.imported_at));
    expect(newest).toBeGreaterThanOrEqual(before - 1000);
    expect(newest).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('refuses a damaged file and leaves the tables empty', async () => {
    const engine = await createNodeEngine();
    await createSchema(engine);
    await expect(loadSampleDatabase(engine, file.slice(0, 64 * 1024))).rejects.toThrow(/Corrupt database file/);
    for (const table of SAMPLE_TABLES) expect(await engine.query(`SELECT * FROM ${table}`), table).toEqual([]);
  });

  it('adds the whole sample or nothing, and can be loaded again after a failure', async () => {
    const engine = await createNodeEngine();
    await createSchema(engine);
    // A dataset with a sample's id: copying the datasets fails after entities and indicators went in.
    await engine.query(`INSERT INTO datasets (dataset_id, name, source_file, kind, imported_at, row_count, rejected_count, mapping) VALUES ('sample-coverage', 'x', 'x.csv', 'upload', TIMESTAMP '2024-01-01', 0, 0, '{}')`);
    await expect(loadSampleDatabase(engine, file.slice())).rejects.toThrow(/sample-coverage/);
    for (const table of SAMPLE_TABLES.filter((t) => t !== 'datasets')) expect(await engine.query(`SELECT * FROM ${table}`), table).toEqual([]);
    expect(await engine.query('SELECT dataset_id, name FROM datasets')).toEqual([{ dataset_id: 'sample-coverage', name: 'x' }]);

    await engine.query('DELETE FROM datasets');
    await loadSampleDatabase(engine, file.slice());
    expect(await readTables(engine)).toEqual(imported);
  });
});
