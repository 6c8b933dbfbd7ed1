import { dialectOf, duckdb, type Dialect } from '../engine/dialect';
import type { Engine } from '../engine/types';
import { inSet } from './id-set';
import { observationsInView } from './scope';

export interface HistoryRow {
  entity_id: string;
  indicator_id: string;
  period: string;
  value: number;
  flag?: string | null;
}

/** Every value of some entities up to a year, oldest first: what trend projections are fitted to. */
export function historySql(datasetIds: readonly string[], entityIds: readonly string[], toYear: number, dialect: Dialect = duckdb): { sql: string; params: (string | number)[] } {
  const entities = inSet('entity_id', entityIds, dialect);
  return {
    sql: `SELECT entity_id, indicator_id, period, value, flag
      FROM (${observationsInView(datasetIds, `${entities.sql} AND ${dialect.year('period_start')} <= ?`, dialect)}) o
      ORDER BY entity_id, indicator_id, period_start`,
    params: [...entities.params, toYear],
  };
}

export function queryHistory(engine: Engine, datasetIds: readonly string[], entityIds: readonly string[], toYear: number): Promise<HistoryRow[]> {
  const { sql, params } = historySql(datasetIds, entityIds, toYear, dialectOf(engine));
  return engine.query<HistoryRow>(sql, params);
}
