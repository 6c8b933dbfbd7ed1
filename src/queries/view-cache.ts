import type { Engine } from '../engine/types';
import { heldHistory, heldSeries, heldSnapshot, type HeldRow } from './held-rows';
import { queryHistory, type HistoryRow } from './history';
import { inSet } from './id-set';
import { observationsInView } from './scope';
import { querySeries, type SeriesPoint } from './series';
import { querySnapshot, type SnapshotRow } from './snapshot';

// A view asks many questions of the same entities: every year's snapshot, every indicator's
// trend. In DuckDB-wasm each of them costs tens of milliseconds, most of it planning the query,
// whatever the size of the data. So a view fetches the observations of its entities once (when
// the datasets, the data or the entities change) and a control change is answered in memory.
// Scopes too large to hold are asked of DuckDB as before.

/** Scopes with more entities than this are not fetched whole. */
export const MAX_HELD_ENTITIES = 1000;
/** Nor scopes with more observations than this (a few megabytes of rows). */
export const MAX_HELD_ROWS = 100_000;
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
export function heldRowsSql(scope: ViewScope, limit: number): { sql: string; params: string[] } {
  const entities = inSet('entity_id', scope.entityIds);
  return {
    sql: `SELECT o.entity_id, e.name, o.indicator_id, o.period, CAST(o.period_start AS VARCHAR) AS period_start, o.value, o.flag
      FROM (${observationsInView(scope.datasetIds, entities.sql)}) o
      JOIN entities e ON e.entity_id = o.entity_id
      ORDER BY o.entity_id, o.indicator_id, o.period_start
      LIMIT ${Math.floor(limit)}`,
    params: entities.params,
  };
}

function fromDuckDb(engine: Engine, datasetIds: readonly string[]): ViewQueries {
  return {
    snapshot: (entityIds, year) => querySnapshot(engine, { datasetIds, entityIds, year }),
    history: (entityIds, year) => queryHistory(engine, datasetIds, entityIds, year),
    series: (indicatorId, entityIds, toYear) => querySeries(engine, { datasetIds, indicatorId, entityIds, toYear }),
  };
}

function fromHeld(rows: readonly HeldRow[]): ViewQueries {
  return {
    snapshot: (entityIds, year) => Promise.resolve(heldSnapshot(rows, entityIds, year)),
    history: (entityIds, year) => Promise.resolve(heldHistory(rows, entityIds, year)),
    series: (indicatorId, entityIds, toYear) => Promise.resolve(heldSeries(rows, indicatorId, entityIds, toYear)),
  };
}

/** Scope key → its rows (null: too large to hold), most recently used last. Per engine, so a restarted engine starts empty. */
const held = new WeakMap<Engine, Map<string, Promise<readonly HeldRow[] | null>>>();

async function fetchHeld(engine: Engine, scope: ViewScope): Promise<readonly HeldRow[] | null> {
  const { sql, params } = heldRowsSql(scope, MAX_HELD_ROWS + 1);
  const rows = await engine.query<HeldRow>(sql, params);
  return rows.length > MAX_HELD_ROWS ? null : rows;
}

/**
 * How a view with this scope asks its questions: from its rows in memory, fetched on first use,
 * or of DuckDB when the scope is too large to hold. Entities asked about must be in the scope.
 */
export async function viewQueries(engine: Engine, scope: ViewScope): Promise<ViewQueries> {
  const direct = fromDuckDb(engine, scope.datasetIds);
  if (scope.entityIds.length === 0 || scope.entityIds.length > MAX_HELD_ENTITIES) return direct;
  const views = held.get(engine) ?? new Map<string, Promise<readonly HeldRow[] | null>>();
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
