import { PERIOD_MACRO_SQL } from '../domain/period-sql';
import { NUMBER_MACRO_SQL } from '../domain/number-sql';
import { NAME_MACRO_SQL } from '../domain/name-sql';
import type { Engine } from './types';

/**
 * Where the sample's and this session's imports write their observations. Saved uploads are not
 * copied here at a start: they are read in place from their snapshots.
 */
export const LOCAL_OBSERVATIONS = 'observations_local';

// The canonical tables of docs/data-format.md section 2. Every source, sample or upload, ends up here.
const TABLES_SQL = [
  `CREATE TABLE IF NOT EXISTS datasets (
    dataset_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('sample', 'upload')),
    imported_at TIMESTAMP NOT NULL,
    row_count INTEGER NOT NULL,
    rejected_count INTEGER NOT NULL,
    mapping VARCHAR NOT NULL,
    entity_count INTEGER NOT NULL DEFAULT 0,
    indicator_count INTEGER NOT NULL DEFAULT 0,
    first_period VARCHAR,
    last_period VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS entities (
    entity_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    parent_id VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS indicators (
    indicator_id VARCHAR PRIMARY KEY,
    name_zh VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    direction INTEGER NOT NULL CHECK (direction IN (1, -1)),
    target DOUBLE,
    target_year INTEGER,
    weight DOUBLE NOT NULL DEFAULT 1,
    tier VARCHAR NOT NULL DEFAULT 'basic' CHECK (tier IN ('basic', 'characteristic')),
    gate_min DOUBLE,
    gate_max_stars INTEGER,
    decimals INTEGER NOT NULL DEFAULT 1,
    definition VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL DEFAULT ''
  )`,
  `CREATE TABLE IF NOT EXISTS ${LOCAL_OBSERVATIONS} (
    dataset_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    grain VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    flag VARCHAR
  )`,
  // Every reader asks `observations`: these rows and those of the saved uploads read in place
  // (src/ingest/in-place.ts, which redefines the view as they come and go).
  `CREATE VIEW IF NOT EXISTS observations AS SELECT * FROM ${LOCAL_OBSERVATIONS}`,
];

/** Creates the canonical tables: what a start needs. Safe to run twice. */
export async function createTables(engine: Engine): Promise<void> {
  // One round trip to the worker for all of them: a start waits on each.
  await engine.query(TABLES_SQL.join(';\n'));
}

const macrosMade = new WeakMap<Engine, Promise<void>>();

/**
 * Creates the SQL macros the import stage relies on, once per engine. Not at start: creating
 * them costs a fresh DuckDB-wasm 130–210 ms (measured with marks, the period patterns' regular
 * expressions), and only an import or a catalog load uses them.
 */
export function ensureImportMacros(engine: Engine): Promise<void> {
  let made = macrosMade.get(engine);
  if (!made) {
    made = (async () => {
      for (const sql of [PERIOD_MACRO_SQL, NUMBER_MACRO_SQL, NAME_MACRO_SQL]) await engine.query(sql);
    })();
    made.catch(() => macrosMade.delete(engine));
    macrosMade.set(engine, made);
  }
  return made;
}

/** The tables and the import macros. Safe to run twice. */
export async function createSchema(engine: Engine): Promise<void> {
  await createTables(engine);
  await ensureImportMacros(engine);
}
