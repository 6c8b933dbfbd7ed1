import { dialectOf, duckdb, type Dialect } from '../engine/dialect';
import { sqlString } from '../engine/sql';
import type { Engine } from '../engine/types';
import { heldFromRows, heldHistory, heldSeries, heldSnapshot, type HeldRow, type HeldSet } from './held-rows';
import { queryHistory, type HistoryRow } from './history';
import { inSet } from './id-set';
import { observationsInView } from './scope';
import { querySeries, type SeriesPoint } from './series';
import { querySnapshot, type SnapshotRow } from './snapshot';

// A view asks many questions of the same entities: every year's snapshot, every indicator's
// trend. In DuckDB-wasm each of them costs tens of milliseconds, most of it planning the query,
// and a district of a thousand branches over ten million observations hundreds (its snapshot
// reads 400,000 rows and sends 20,000 back, their strings decoded on the main thread). So a view
// fetches the observations of its entities once (when the datasets, the data or the entities
// change) and a control change is answered in memory. Small scopes come as rows; larger ones as
// codes (held-rows.ts, HeldSet). Scopes too large to hold are asked of DuckDB as before.

/** Scopes of up to this many entities are fetched as rows, in one statement. */
export const MAX_ROW_ENTITIES = 200;
/** Nor scopes with more observations than this: they are fetched as codes instead. */
export const MAX_HELD_ROWS = 100_000;
/** Scopes with more entities than this are not held. */
export const MAX_HELD_ENTITIES = 20_000;
/** Nor scopes with more observations than this (about 20 MB as codes). */
export const MAX_CODED_ROWS = 1_000_000;
/** Scopes held per engine: the overview's, a scorecard's and the comparison's. */
export const HELD_VIEWS = 3;

export interface ViewScope {
  /** Changes whenever any data changes (an import, a removal, a re-mapping under the same id). */
  dataVersion: number;
  datasetIds: readonly string[];
  entityIds: readonly string[];
}

/** The questions views ask, for entities of their scope. */
export interface ViewQueries {
  snapshot(entityIds: readonly string[], year: number): Promise<SnapshotRow[]>;
  history(entityIds: readonly string[], year: number): Promise<HistoryRow[]>;
  series(indicatorId: string, entityIds: readonly string[], toYear: number): Promise<SeriesPoint[]>;
}

/** The scope's observations with their entity names, in held order (held-rows.ts), at most `limit`. */
export function heldRowsSql(scope: ViewScope, limit: number, dialect: Dialect = duckdb): { sql: string; params: string[] } {
  const entities = inSet('entity_id', scope.entityIds, dialect);
  return {
    sql: `SELECT o.entity_id AS entity_id, e.name AS name, o.indicator_id AS indicator_id, o.period AS period,
        ${dialect.text('o.period_start')} AS period_start, o.value AS value, o.flag AS flag
      FROM (${observationsInView(scope.datasetIds, entities.sql, dialect)}) o
      JOIN entities e ON e.entity_id = o.entity_id
      ORDER BY o.entity_id, o.indicator_id, o.period_start
      LIMIT ${Math.floor(limit)}`,
    params: entities.params,
  };
}

function fromEngine(engine: Engine, datasetIds: readonly string[]): ViewQueries {
  return {
    snapshot: (entityIds, year) => querySnapshot(engine, { datasetIds, entityIds, year }),
    history: (entityIds, year) => queryHistory(engine, datasetIds, entityIds, year),
    series: (indicatorId, entityIds, toYear) => querySeries(engine, { datasetIds, indicatorId, entityIds, toYear }),
  };
}

function fromHeld(set: HeldSet): ViewQueries {
  return {
    snapshot: (entityIds, year) => Promise.resolve(heldSnapshot(set, entityIds, year)),
    history: (entityIds, year) => Promise.resolve(heldHistory(set, entityIds, year)),
    series: (indicatorId, entityIds, toYear) => Promise.resolve(heldSeries(set, indicatorId, entityIds, toYear)),
  };
}

/** A coded scope's keys, each kind in code order, with how many observations each has. */
export interface HeldKeyRow {
  kind: 'e' | 'i' | 'p' | 'f';
  k: string;
  /** An entity's name, a period's start. */
  label: string | null;
  n: number;
}

/** The keys of the scope's observations: entities with their names, indicators, periods in date order, flags. */
export function heldKeysSql(scope: ViewScope): { sql: string; params: string[] } {
  const entities = inSet('entity_id', scope.entityIds);
  return {
    sql: `WITH o AS MATERIALIZED (${observationsInView(scope.datasetIds, entities.sql)})
      SELECT 'e' AS kind, o.entity_id AS k, e.name AS label, NULL::DATE AS ps, CAST(count(*) AS INTEGER) AS n FROM o JOIN entities e ON e.entity_id = o.entity_id GROUP BY o.entity_id, e.name
      UNION ALL SELECT 'i', indicator_id, NULL, NULL, CAST(count(*) AS INTEGER) FROM o GROUP BY indicator_id
      UNION ALL SELECT 'p', period, CAST(period_start AS VARCHAR), period_start, CAST(count(*) AS INTEGER) FROM o GROUP BY period, period_start
      UNION ALL SELECT 'f', flag, NULL, NULL, CAST(count(*) AS INTEGER) FROM o WHERE flag IS NOT NULL GROUP BY flag
      ORDER BY kind, ps, k`,
    params: entities.params,
  };
}

const valuesOf = (keys: readonly string[]) => `(VALUES ${keys.map((k, c) => `(${sqlString(k)}, ${c})`).join(', ')})`;

/**
 * The scope's observations as codes into its keys (`heldKeysSql`, each kind in its order), in
 * held order. Periods are joined by name: only for scopes where a period's name says its start.
 */
export function heldCodesSql(scope: ViewScope, keys: { entities: readonly string[]; indicators: readonly string[]; periods: readonly string[]; flags: readonly string[] }): string {
  const entities = inSet('entity_id', scope.entityIds);
  const flag = keys.flags.length ? `coalesce(f.c, -1)` : '-1';
  return `SELECT e.c AS entity, i.c AS indicator, p.c AS period, CAST(${flag} AS INTEGER) AS flag, o.value
    FROM (${observationsInView(scope.datasetIds, entities.sql)}) o
    JOIN ${valuesOf(keys.entities)} e(k, c) ON e.k = o.entity_id
    JOIN ${valuesOf(keys.indicators)} i(k, c) ON i.k = o.indicator_id
    JOIN ${valuesOf(keys.periods)} p(k, c) ON p.k = o.period
    ${keys.flags.length ? `LEFT JOIN ${valuesOf(keys.flags)} f(k, c) ON f.k = o.flag` : ''}
    ORDER BY 1, 2, 3`;
}

/** Scope key → its rows (null: too large to hold), most recently used last. Per engine, so a restarted engine starts empty. */
const held = new WeakMap<Engine, Map<string, Promise<HeldSet | null>>>();

const int32 = (column: ArrayLike<unknown> | undefined) => (column instanceof Int32Array ? column : Int32Array.from((column ?? []) as ArrayLike<number>));

/** A scope's observations as codes, or null when it is too large or not one to code. */
export async function fetchCoded(engine: Engine, scope: ViewScope): Promise<HeldSet | null> {
  // An id with NUL cannot be a literal of the key lists: such scopes are asked of DuckDB. Engines
  // without VALUES lists to join (ClickHouse) answer each question themselves.
  if (!dialectOf(engine).valuesJoin || scope.entityIds.some((id) => id.includes('\u0000'))) return null;
  const { sql, params } = heldKeysSql(scope);
  const keys = await engine.query<HeldKeyRow>(sql, params);
  const of = (kind: HeldKeyRow['kind']) => keys.filter((r) => r.kind === kind);
  const [entities, indicators, periods, flags] = [of('e'), of('i'), of('p'), of('f')];
  const total = entities.reduce((sum, e) => sum + e.n, 0);
  if (total === 0 || total > MAX_CODED_ROWS) return null;
  // Keys with NUL cannot be literals; a period name with two starts cannot be joined by name.
  if (keys.some((r) => r.k.includes('\u0000')) || new Set(periods.map((p) => p.k)).size !== periods.length) return null;
  const codes = { entities: entities.map((r) => r.k), indicators: indicators.map((r) => r.k), periods: periods.map((r) => r.k), flags: flags.map((r) => r.k) };
  const got = await engine.queryColumns(heldCodesSql(scope, codes));
  // Data changed between the two statements: the next view asks again under its new version.
  if (got.length !== total) return null;
  const value = got.columns.value;
  return {
    entities: entities.map((r) => ({ id: r.k, name: r.label ?? '' })),
    indicators: codes.indicators,
    periods: periods.map((r) => ({ period: r.k, start: r.label ?? '' })),
    flags: codes.flags,
    entity: int32(got.columns.entity),
    indicator: int32(got.columns.indicator),
    period: int32(got.columns.period),
    flag: int32(got.columns.flag),
    value: value instanceof Float64Array ? value : Float64Array.from((value ?? []) as ArrayLike<number>),
  };
}

async function fetchHeld(engine: Engine, scope: ViewScope): Promise<HeldSet | null> {
  if (scope.entityIds.length <= MAX_ROW_ENTITIES) {
    const { sql, params } = heldRowsSql(scope, MAX_HELD_ROWS + 1, dialectOf(engine));
    const rows = await engine.query<HeldRow>(sql, params);
    if (rows.length <= MAX_HELD_ROWS) return heldFromRows(rows);
  }
  return fetchCoded(engine, scope);
}

/**
 * How a view with this scope asks its questions: from its rows in memory, fetched on first use,
 * or of DuckDB when the scope is too large to hold. Entities asked about must be in the scope.
 */
export async function viewQueries(engine: Engine, scope: ViewScope): Promise<ViewQueries> {
  const direct = fromEngine(engine, scope.datasetIds);
  if (scope.entityIds.length === 0 || scope.entityIds.length > MAX_HELD_ENTITIES) return direct;
  const views = held.get(engine) ?? new Map<string, Promise<HeldSet | null>>();
  held.set(engine, views);
  const key = JSON.stringify([scope.dataVersion, scope.datasetIds, scope.entityIds]);
  let rows = views.get(key);
  if (rows) views.delete(key);
  else {
    rows = fetchHeld(engine, scope);
    const mine = rows;
    // A failed fetch is not kept: the next view to ask tries again.
    rows.catch(() => views.get(key) === mine && views.delete(key));
  }
  views.set(key, rows);
  while (views.size > HELD_VIEWS) views.delete(views.keys().next().value as string);
  const got = await rows;
  return got ? fromHeld(got) : direct;
}
