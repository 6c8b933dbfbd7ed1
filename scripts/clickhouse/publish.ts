// Moves datasets from a DuckDB engine (where the browser's import code read them) into the
// ClickHouse cluster, so that a failed load leaves the server as it was:
//   1. stage: the observations go into staging tables on every shard, through a Distributed
//      table that routes them as `observations` does; their count is checked;
//   2. catalog: new copies of the datasets, entities and indicators tables are written beside
//      the live ones;
//   3. commit: each shard swaps the dataset's partition in from staging (the old one kept
//      aside), then one RENAME swaps the three catalog tables at once. A failure here puts the
//      old partitions back and leaves the live catalog untouched.
// ClickHouse has no transactions; partitions (one per dataset) and RENAME are its atomic steps.
import type { Engine, Row } from '../../src/engine/types';
import { clickhouseString as lit } from '../../src/engine/dialect';
import { CATALOG_KEYS, catalogTables, CLUSTER, COLUMNS, DATABASE, statement, swapCatalogSql, type CatalogTable } from './cluster';
import { rowBinary, type Column } from './row-binary';

export interface Target {
  /** Every shard's HTTP address; the first holds the catalog. */
  shards: string[];
}

/** `rename` comes inside the commit, after the partitions have been swapped on every shard. */
export type PublishStep = 'stage' | 'catalog' | 'commit' | 'rename';

export interface PublishOptions {
  log?: (line: string) => void;
  /** Called as each step begins; a test throws here to see a load fail at that point. */
  onStep?: (step: PublishStep) => void | Promise<void>;
  /** Observations sent per INSERT. */
  batchRows?: number;
}

const T = (name: string) => `${DATABASE}.${name}`;
const CATALOG = Object.keys(CATALOG_KEYS) as CatalogTable[];

async function json<T extends object = Row>(url: string, sql: string): Promise<T[]> {
  const text = await statement(url, `${sql} FORMAT JSONEachRow`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

async function insert(url: string, table: string, columns: readonly Column[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  await statement(url, `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) FORMAT RowBinary`, rowBinary(columns, rows));
}

/** The staging tables: one per shard, and a Distributed table over them with the same sharding key. */
async function ensureStaging(target: Target): Promise<void> {
  for (const url of target.shards) {
    await statement(url, `CREATE TABLE IF NOT EXISTS ${T('observations_load')} AS ${T('observations_shard')}`);
    await statement(url, `CREATE TABLE IF NOT EXISTS ${T('observations_aside')} AS ${T('observations_shard')}`);
    await statement(
      url,
      `CREATE TABLE IF NOT EXISTS ${T('observations_load_all')} AS ${T('observations_shard')}
        ENGINE = Distributed(${CLUSTER}, ${DATABASE}, observations_load, sipHash64(entity_id))`,
    );
  }
}

async function dropPartition(url: string, table: string, datasetId: string): Promise<void> {
  await statement(url, `ALTER TABLE ${T(table)} DROP PARTITION ${lit(datasetId)}`);
}

async function count(url: string, table: string, datasetId: string): Promise<number> {
  const [row] = await json<{ n: string }>(url, `SELECT count() AS n FROM ${T(table)} WHERE dataset_id = ${lit(datasetId)}`);
  return Number(row?.n ?? 0);
}

/** DuckDB's rows of a dataset in ClickHouse's shape: period_start as ISO text. */
async function observationBatch(engine: Engine, datasetId: string, offset: number, limit: number): Promise<Row[]> {
  return engine.query(
    `SELECT dataset_id, entity_id, indicator_id, period, strftime(period_start, '%Y-%m-%d') AS period_start, grain, value, flag
     FROM observations WHERE dataset_id = ? ORDER BY entity_id, indicator_id, period_start LIMIT ? OFFSET ?`,
    [datasetId, limit, offset],
  );
}

async function stage(engine: Engine, target: Target, datasetIds: readonly string[], batchRows: number, log: (line: string) => void): Promise<void> {
  const [first] = target.shards as [string];
  for (const id of datasetIds) {
    for (const url of target.shards) await dropPartition(url, 'observations_load', id);
    const [{ n } = { n: 0 }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM observations WHERE dataset_id = ?', [id]);
    const [range] = await engine.query<{ lo: number; hi: number }>(
      'SELECT min(EXTRACT(YEAR FROM period_start)) AS lo, max(EXTRACT(YEAR FROM period_start)) AS hi FROM observations WHERE dataset_id = ?',
      [id],
    );
    // period_start is ISO text on the server: its order is a date's only for four-digit years.
    if (range && n > 0 && (range.lo < 1000 || range.hi > 9999)) throw new Error(`dataset ${id} has periods outside the years 1000–9999, which ClickHouse holds as text`);
    for (let offset = 0; offset < n; offset += batchRows) {
      await insert(first, T('observations_load_all'), COLUMNS.observations, await observationBatch(engine, id, offset, batchRows));
      log(`  ${id}: ${Math.min(offset + batchRows, n).toLocaleString('en')} of ${n.toLocaleString('en')} observations sent`);
    }
    let staged = 0;
    for (const url of target.shards) staged += await count(url, 'observations_load', id);
    if (staged !== n) throw new Error(`dataset ${id}: ${staged} observations staged of ${n}`);
  }
}

/** The live catalog with the incoming rows put in place of those with the same key. */
async function writeCatalog(engine: Engine, target: Target, datasetIds: readonly string[]): Promise<void> {
  const [url] = target.shards as [string];
  for (const table of CATALOG) await statement(url, `DROP TABLE IF EXISTS ${T(`${table}_new`)}`);
  for (const sql of catalogTables((name) => T(`${name}_new`))) await statement(url, sql);
  // A catalog file publishes no dataset: only its indicators.
  const datasets =
    datasetIds.length === 0
      ? []
      : await engine.query(
          `SELECT dataset_id, name, source_file, kind, strftime(imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at, row_count, rejected_count,
             mapping, entity_count, indicator_count, first_period, last_period FROM datasets WHERE dataset_id IN (${datasetIds.map(() => '?').join(', ')})`,
          [...datasetIds],
        );
  await insert(url, T('datasets_new'), COLUMNS.datasets, datasets);
  for (const table of ['entities', 'indicators'] as const)
    await insert(url, T(`${table}_new`), COLUMNS[table], await engine.query(`SELECT ${COLUMNS[table].map((c) => c.name).join(', ')} FROM ${table}`));
  // Whatever the server holds that this load does not bring stays as it is.
  for (const table of CATALOG) {
    const key = CATALOG_KEYS[table];
    await statement(url, `INSERT INTO ${T(`${table}_new`)} SELECT * FROM ${T(table)} WHERE ${key} NOT IN (SELECT ${key} FROM ${T(`${table}_new`)})`);
  }
}

async function commit(target: Target, datasetIds: readonly string[], onStep: PublishOptions['onStep']): Promise<void> {
  const [first] = target.shards as [string];
  const moved: { url: string; id: string }[] = [];
  try {
    for (const id of datasetIds)
      for (const url of target.shards) {
        await dropPartition(url, 'observations_aside', id);
        await statement(url, `ALTER TABLE ${T('observations_aside')} REPLACE PARTITION ${lit(id)} FROM ${T('observations_shard')}`);
        moved.push({ url, id });
        // An empty staging partition leaves the live one in place: drop it, so the shard holds what the load brought.
        if ((await count(url, 'observations_load', id)) === 0) await dropPartition(url, 'observations_shard', id);
        else await statement(url, `ALTER TABLE ${T('observations_shard')} REPLACE PARTITION ${lit(id)} FROM ${T('observations_load')}`);
      }
    await onStep?.('rename');
    await statement(first, swapCatalogSql('new'));
  } catch (error) {
    for (const { url, id } of moved.reverse()) {
      if ((await count(url, 'observations_aside', id)) === 0) await dropPartition(url, 'observations_shard', id);
      else await statement(url, `ALTER TABLE ${T('observations_shard')} REPLACE PARTITION ${lit(id)} FROM ${T('observations_aside')}`);
    }
    throw error;
  }
}

async function cleanUp(target: Target, datasetIds: readonly string[]): Promise<void> {
  const [first] = target.shards as [string];
  for (const table of CATALOG) {
    await statement(first, `DROP TABLE IF EXISTS ${T(`${table}_new`)}`);
    await statement(first, `DROP TABLE IF EXISTS ${T(`${table}_old`)}`);
  }
  for (const id of datasetIds)
    for (const url of target.shards) {
      await dropPartition(url, 'observations_load', id);
      await dropPartition(url, 'observations_aside', id);
    }
}

/**
 * Publishes `datasetIds` of `engine` to the cluster: each replaces a dataset of the same id, or
 * is added. All of them or none: on any failure the server is left as it was, and the error thrown.
 */
export async function publish(engine: Engine, target: Target, datasetIds: readonly string[], options: PublishOptions = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  await ensureStaging(target);
  await takeLock(target);
  try {
    await options.onStep?.('stage');
    await stage(engine, target, datasetIds, options.batchRows ?? 200_000, log);
    await options.onStep?.('catalog');
    await writeCatalog(engine, target, datasetIds);
    await options.onStep?.('commit');
    await commit(target, datasetIds, options.onStep);
  } finally {
    await cleanUp(target, datasetIds).finally(() => statement(target.shards[0] as string, `DROP TABLE IF EXISTS ${T('load_lock')}`));
  }
}

/**
 * One load at a time: two would write the same staging and *_new tables. CREATE TABLE without
 * IF NOT EXISTS is the lock, as only one of two can succeed; a load that died holding it leaves
 * the table, which the message says how to clear.
 */
async function takeLock(target: Target): Promise<void> {
  try {
    await statement(target.shards[0] as string, `CREATE TABLE ${T('load_lock')} (since DateTime) ENGINE = Memory`);
  } catch (error) {
    if (!/already exists/i.test(error instanceof Error ? error.message : '')) throw error;
    throw new Error(`another load is running (the table ${T('load_lock')} exists); if none is, drop that table and load again`, { cause: error });
  }
}

/** The server's catalog read into a DuckDB engine, so an import there resolves ids as the server knows them. */
export async function seedCatalog(engine: Engine, target: Target): Promise<void> {
  const [url] = target.shards as [string];
  const put = async (table: string, columns: string[], rows: Row[]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await engine.query(
        `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
        chunk.flatMap((r) => columns.map((c) => r[c] as string | number | null)),
      );
    }
  };
  for (const table of ['entities', 'indicators'] as const) {
    const columns = COLUMNS[table].map((c) => c.name);
    await put(table, columns, await json(url, `SELECT ${columns.join(', ')} FROM ${T(table)}`));
  }
}
