import type { Engine } from '../engine/types';
import { observationsInView } from './scope';

export interface SnapshotRow {
  entity_id: string;
  name: string;
  indicator_id: string;
  period: string;
  value: number;
  prev_period: string | null;
  prev_value: number | null;
}

export interface SnapshotRequest {
  datasetIds: readonly string[];
  entityIds: readonly string[];
  /** Only these indicators; all when omitted. */
  indicatorIds?: readonly string[];
  /** Each value is the latest period with data at or before this year (shared/DATA.md section 5). */
  year: number;
}

/**
 * For each entity and indicator: the latest value at or before the year, and the period before it
 * (the "change against the previous period" of a KPI tile).
 */
export function snapshotSql(request: SnapshotRequest): { sql: string; params: (string | number)[] } {
  const entities = request.entityIds.map(() => '?').join(', ') || 'NULL';
  const indicators = request.indicatorIds ? request.indicatorIds.map(() => '?').join(', ') || 'NULL' : null;
  return {
    sql: `WITH ranked AS (
        SELECT o.*, row_number() OVER (PARTITION BY o.entity_id, o.indicator_id ORDER BY o.period_start DESC) AS rn
        FROM (${observationsInView(request.datasetIds)}) o
        WHERE o.entity_id IN (${entities}) ${indicators ? `AND o.indicator_id IN (${indicators})` : ''}
          AND EXTRACT(YEAR FROM o.period_start) <= ?)
      SELECT cur.entity_id, e.name, cur.indicator_id, cur.period, cur.value, prev.period AS prev_period, prev.value AS prev_value
      FROM ranked cur JOIN entities e ON e.entity_id = cur.entity_id
      LEFT JOIN ranked prev ON prev.entity_id = cur.entity_id AND prev.indicator_id = cur.indicator_id AND prev.rn = 2
      WHERE cur.rn = 1
      ORDER BY cur.entity_id, cur.indicator_id`,
    params: [...request.entityIds, ...(request.indicatorIds ?? []), request.year],
  };
}

export function querySnapshot(engine: Engine, request: SnapshotRequest): Promise<SnapshotRow[]> {
  const { sql, params } = snapshotSql(request);
  return engine.query<SnapshotRow>(sql, params);
}
