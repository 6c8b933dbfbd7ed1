import { dialectOf, duckdb, type Dialect } from '../engine/dialect';
import type { Engine } from '../engine/types';
import { inSet } from './id-set';
import { observationsInView } from './scope';

export interface SnapshotRow {
  entity_id: string;
  name: string;
  indicator_id: string;
  period: string;
  value: number;
  /** The publisher's mark on the value (`p`, `e`), or null. */
  flag?: string | null;
  prev_period: string | null;
  prev_value: number | null;
}

export interface SnapshotRequest {
  datasetIds: readonly string[];
  entityIds: readonly string[];
  /** Only these indicators; all when omitted. */
  indicatorIds?: readonly string[];
  /** Each value is the latest period with data at or before this year (docs/scoring.md section 1). */
  year: number;
  /** Instead of listing ids: every entity of this level (a whole city's branches, say). */
  level?: string;
}

/**
 * For each entity and indicator: the latest value at or before the year, and the period before it
 * (the "change against the previous period" of a KPI tile).
 */
export function snapshotSql(request: SnapshotRequest, dialect: Dialect = duckdb): { sql: string; params: (string | number)[] } {
  const entities =
    request.level !== undefined
      ? { sql: `entity_id ${dialect.inCatalog} (SELECT entity_id FROM entities WHERE level = ?)`, params: [request.level] }
      : inSet('entity_id', request.entityIds, dialect);
  const indicators = request.indicatorIds ? inSet('indicator_id', request.indicatorIds, dialect) : null;
  const where = `${entities.sql} ${indicators ? `AND ${indicators.sql}` : ''} AND ${dialect.year('period_start')} <= ?`;
  const observations = observationsInView(request.datasetIds, where, dialect);
  return {
    sql: dialect.name === 'clickhouse' ? latestTwoGrouped(observations) : latestTwoJoined(observations),
    params: [...entities.params, ...(indicators?.params ?? []), request.year],
  };
}

// Latest and previous periods by grouping, not by a window over every row: on a million
// observations a hash aggregate is many times cheaper than sorting each partition. DuckDB finds
// the previous period with a join back to the materialised rows.
const latestTwoJoined = (observations: string) => `WITH o AS MATERIALIZED (${observations}),
      latest AS (SELECT entity_id, indicator_id, max(period_start) AS ps FROM o GROUP BY entity_id, indicator_id),
      previous AS (SELECT o.entity_id, o.indicator_id, max(o.period_start) AS ps FROM o
        JOIN latest l ON l.entity_id = o.entity_id AND l.indicator_id = o.indicator_id WHERE o.period_start < l.ps
        GROUP BY o.entity_id, o.indicator_id)
      SELECT cur.entity_id, e.name, cur.indicator_id, cur.period, cur.value, cur.flag, prev.period AS prev_period, prev.value AS prev_value
      FROM latest l
      JOIN o cur ON cur.entity_id = l.entity_id AND cur.indicator_id = l.indicator_id AND cur.period_start = l.ps
      JOIN entities e ON e.entity_id = cur.entity_id
      LEFT JOIN previous p ON p.entity_id = l.entity_id AND p.indicator_id = l.indicator_id
      LEFT JOIN o prev ON prev.entity_id = p.entity_id AND prev.indicator_id = p.indicator_id AND prev.period_start = p.ps
      ORDER BY cur.entity_id, cur.indicator_id`;

// ClickHouse (one JOIN per SELECT, no CTEs in 18.16) takes both from one pass: the group's
// starts, periods and values as parallel arrays (groupArray keeps one row order across them),
// the second-latest start found by sorting the starts. groupArray and argMax skip NULLs, so the
// flag is carried as text, '' for none: an import never stores an empty flag. Aliases name no
// column they read: a ClickHouse alias stands for its expression everywhere in the query.
const latestTwoGrouped = (observations: string) => `SELECT c.entity_id AS entity_id, e.name AS name, c.indicator_id AS indicator_id,
      c.latest_period AS period, c.latest_value AS value, nullIf(c.flag_text, '') AS flag,
      if(c.n > 1, c.periods[indexOf(c.starts, c.prev_start)], NULL) AS prev_period,
      if(c.n > 1, c.vals[indexOf(c.starts, c.prev_start)], NULL) AS prev_value
      FROM (SELECT entity_id, indicator_id, argMax(period, period_start) AS latest_period, argMax(value, period_start) AS latest_value,
          argMax(ifNull(flag, ''), period_start) AS flag_text, groupArray(period_start) AS starts, groupArray(period) AS periods,
          groupArray(value) AS vals, length(starts) AS n, arrayReverseSort(starts)[2] AS prev_start
        FROM (${observations}) o GROUP BY entity_id, indicator_id) AS c
      JOIN entities AS e ON e.entity_id = c.entity_id
      ORDER BY entity_id, indicator_id`;

export function querySnapshot(engine: Engine, request: SnapshotRequest): Promise<SnapshotRow[]> {
  const { sql, params } = snapshotSql(request, dialectOf(engine));
  return engine.query<SnapshotRow>(sql, params);
}
