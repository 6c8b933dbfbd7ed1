import { dialectOf, duckdb, type Dialect } from '../engine/dialect';
import type { Engine } from '../engine/types';
import { inSet } from './id-set';
import { observationsInView } from './scope';

export interface SeriesPoint {
  entity_id: string;
  name: string;
  period: string;
  value: number;
  /** The publisher's mark on the value (`p`, `e`), or null. */
  flag?: string | null;
}

export interface SeriesRequest {
  datasetIds: readonly string[];
  indicatorId: string;
  entityIds: readonly string[];
  /** Last year shown; periods after it are left out. */
  toYear?: number;
}

/** One indicator's values over time for a set of entities, ordered for line charts. */
export function seriesSql(request: SeriesRequest, dialect: Dialect = duckdb): { sql: string; params: (string | number)[] } {
  const entities = inSet('entity_id', request.entityIds, dialect);
  return {
    sql: `SELECT o.entity_id AS entity_id, e.name AS name, o.period AS period, o.value AS value, o.flag AS flag
      FROM (${observationsInView(request.datasetIds, `indicator_id = ? AND ${entities.sql} AND ${dialect.year('period_start')} <= ?`, dialect)}) o
      JOIN entities e ON e.entity_id = o.entity_id
      ORDER BY o.entity_id, o.period_start`,
    params: [request.indicatorId, ...entities.params, request.toYear ?? 9999],
  };
}

export function querySeries(engine: Engine, request: SeriesRequest): Promise<SeriesPoint[]> {
  const { sql, params } = seriesSql(request, dialectOf(engine));
  return engine.query<SeriesPoint>(sql, params);
}
