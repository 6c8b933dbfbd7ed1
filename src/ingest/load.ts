import type { Engine } from '../engine/types';
import { REJECTS, cellsSql, dropTempSql, resolveSql, stageSql } from './load-sql';
import type { ImportMapping, ImportResult, RejectedCell, RejectReason } from './mapping';

export interface LoadRequest {
  datasetId: string;
  name: string;
  kind: 'sample' | 'upload';
  sourceFile: string;
  /** Name under which the UTF-8 bytes are registered with the engine. */
  registeredFile: string;
  mapping: ImportMapping;
  /** ISO timestamp; kept from the first import when a dataset is restored after a reload. */
  importedAt?: string;
}

/** How many rejected cells are returned in detail; the count is always exact. */
export const REJECT_DETAIL_LIMIT = 10_000;

export class ImportRefused extends Error {
  constructor(
    readonly reason: 'no-values' | 'duplicate-id',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Adds one dataset, or changes nothing: every statement runs in one transaction, and a file with no
 * readable value is refused before it commits.
 */
export async function loadDataset(engine: Engine, request: LoadRequest): Promise<ImportResult> {
  const { mapping } = request;
  try {
    return await engine.transaction(async (tx) => {
      const existing = await tx.query('SELECT 1 FROM datasets WHERE dataset_id = ?', [request.datasetId]);
      if (existing.length > 0) throw new ImportRefused('duplicate-id', `dataset ${request.datasetId} exists`);
      await tx.query(stageSql(request.registeredFile, mapping));
      await tx.query(cellsSql(mapping));
      for (const sql of resolveSql({ datasetId: request.datasetId, entityLevel: mapping.entityLevel, direction: mapping.indicator.direction }))
        await tx.query(sql);

      const [counts] = await tx.query<{ rows: number; entities: number; indicators: number; periods: number }>(
        `SELECT count(*) AS rows, count(DISTINCT entity_id) AS entities, count(DISTINCT indicator_id) AS indicators,
           count(DISTINCT period) AS periods FROM observations WHERE dataset_id = ?`,
        [request.datasetId],
      );
      const [rejectCount] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${REJECTS}`);
      if (!counts || counts.rows === 0) throw new ImportRefused('no-values', 'no numeric values');

      const rejects = await tx.query<{ rec: number; col: string; val: string | null; reason: RejectReason }>(
        `SELECT rec, col, val, reason FROM ${REJECTS} ORDER BY rec, col LIMIT ${REJECT_DETAIL_LIMIT}`,
      );
      await tx.query(
        `INSERT INTO datasets VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?)`,
        [
          request.datasetId,
          request.name,
          request.sourceFile,
          request.kind,
          (request.importedAt ?? new Date().toISOString()).replace('T', ' ').replace('Z', ''),
          counts.rows,
          rejectCount?.n ?? 0,
          JSON.stringify(mapping),
        ],
      );
      const firstDataLine = mapping.read.headerRow + 2;
      return {
        datasetId: request.datasetId,
        rows: counts.rows,
        rejected: rejectCount?.n ?? 0,
        entities: counts.entities,
        indicators: counts.indicators,
        periods: counts.periods,
        rejects: rejects.map(
          (r): RejectedCell => ({ line: firstDataLine + r.rec, column: r.col, value: r.val ?? '', reason: r.reason }),
        ),
      };
    });
  } finally {
    for (const sql of dropTempSql()) await engine.query(sql).catch(() => undefined);
  }
}
