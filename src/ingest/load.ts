import { createLock } from '../engine/lock';
import { ensureImportMacros } from '../engine/schema';
import type { Engine } from '../engine/types';
import { SUMMARY_SQL, dropTempSql, insertSql, rejectsSql, resolveSql, stageSql } from './load-sql';
import type { ImportMapping, ImportResult, RejectedCell, RejectReason } from '../domain/mapping';

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
  /** Replace a dataset with the same id in the same transaction (re-mapping keeps its id). */
  replace?: boolean;
  /** Checked between statements: a cancelled import rolls back and changes nothing. */
  signal?: AbortSignal;
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
 * Adds one dataset, or changes nothing. The file is staged and resolved in temporary tables of
 * this connection; only the final inserts run in a transaction, so a failure or a cancel at any
 * point leaves every loaded dataset as it was.
 */
export function loadDataset(engine: Engine, request: LoadRequest): Promise<ImportResult> {
  let lock = loadLocks.get(engine);
  if (!lock) loadLocks.set(engine, (lock = createLock()));
  return lock(() => loadOne(engine, request));
}

// The staging tables have fixed names on the engine's one connection: two loads at once (several
// files dropped together) would overwrite each other's, so loads on one engine run one at a time.
const loadLocks = new WeakMap<Engine, ReturnType<typeof createLock>>();

async function loadOne(engine: Engine, request: LoadRequest): Promise<ImportResult> {
  const { mapping } = request;
  const step = <T extends object>(sql: string, params?: (string | number)[]) => {
    request.signal?.throwIfAborted();
    return engine.query<T>(sql, params);
  };
  await ensureImportMacros(engine);
  try {
    if (!request.replace) {
      const existing = await engine.query('SELECT 1 FROM datasets WHERE dataset_id = ?', [request.datasetId]);
      if (existing.length > 0) throw new ImportRefused('duplicate-id', `dataset ${request.datasetId} exists`);
    }
    await step(stageSql(request.registeredFile, mapping));
    for (const sql of resolveSql(mapping)) await step(sql);
    const [summary] = await step<{
      rows: number;
      rejected: number;
      flagged: number;
      entities: number;
      indicators: number;
      periods: number;
      first_period: string | null;
      last_period: string | null;
      ragged: number;
    }>(SUMMARY_SQL);
    if (!summary || summary.rows === 0) throw new ImportRefused('no-values', 'no numeric values');
    const rejects = await step<{ rec: number; col: string; val: string; reason: RejectReason }>(rejectsSql(REJECT_DETAIL_LIMIT));
    request.signal?.throwIfAborted();
    await engine.transaction(async (tx) => {
      if (request.replace) {
        await tx.query('DELETE FROM observations WHERE dataset_id = ?', [request.datasetId]);
        await tx.query('DELETE FROM datasets WHERE dataset_id = ?', [request.datasetId]);
      }
      for (const sql of insertSql({ datasetId: request.datasetId, entityLevel: mapping.entityLevel, direction: mapping.indicator.direction }))
        await tx.query(sql);
      // What the dataset list shows of it is kept with it: counted at every listing, a large
      // upload would cost every start and every change a scan of all its rows.
      await tx.query(
        `INSERT INTO datasets (dataset_id, name, source_file, kind, imported_at, row_count, rejected_count, mapping,
           entity_count, indicator_count, first_period, last_period)
         VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?)`,
        [
          request.datasetId,
          request.name,
          request.sourceFile,
          request.kind,
          (request.importedAt ?? new Date().toISOString()).replace('T', ' ').replace('Z', ''),
          summary.rows,
          summary.rejected,
          JSON.stringify(mapping),
          summary.entities,
          summary.indicators,
          summary.first_period,
          summary.last_period,
        ],
      );
    });
    const firstDataLine = mapping.read.headerRow + 2;
    return {
      datasetId: request.datasetId,
      rows: summary.rows,
      rejected: summary.rejected,
      flagged: summary.flagged,
      raggedRows: summary.ragged,
      entities: summary.entities,
      indicators: summary.indicators,
      periods: summary.periods,
      rejects: rejects.map((r): RejectedCell => ({ line: firstDataLine + r.rec, column: r.col, value: r.val, reason: r.reason })),
    };
  } finally {
    for (const sql of dropTempSql()) await engine.query(sql).catch(() => undefined);
  }
}
