import { createLock } from '../engine/lock';
import { ensureImportMacros, LOCAL_OBSERVATIONS } from '../engine/schema';
import { importInto, newUploadSchema, withoutInPlace } from './in-place';
import type { Engine, SqlParam } from '../engine/types';
import {
  STREAMED_SUMMARY_SQL,
  SUMMARY_SQL,
  VERDICT_SQL,
  catalogInsertSql,
  cellsViewSql,
  codedTablesSql,
  dropTempSql,
  keysSql,
  mapsSql,
  observationsInsertSql,
  rejectsSql,
  repeatsSql,
  resolveSql,
  sourceSql,
  stageSql,
  type CellSource,
  type ResolveOptions,
} from './load-sql';
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
  /** Stops the load mid-statement where the engine can, else between statements: it rolls back and changes nothing. */
  signal?: AbortSignal;
  /** Judge every cell in a staged table even where the file is clean: tests hold both ways to one result. */
  staged?: boolean;
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
 * Adds one dataset, or changes nothing. The file's keys are counted and resolved in temporary
 * tables of this connection; only the final inserts run in a transaction, so a failure or a
 * cancel at any point leaves every loaded dataset as it was.
 */
export function loadDataset(engine: Engine, request: LoadRequest): Promise<ImportResult> {
  let lock = loadLocks.get(engine);
  if (!lock) loadLocks.set(engine, (lock = createLock()));
  return lock(() => loadOne(engine, request));
}

// The staging tables have fixed names on the engine's one connection: two loads at once (several
// files dropped together) would overwrite each other's, so loads on one engine run one at a time.
const loadLocks = new WeakMap<Engine, ReturnType<typeof createLock>>();

interface Summary {
  rows: number;
  rejected: number;
  flagged: number;
  entities: number;
  indicators: number;
  periods: number;
  first_period: string | null;
  last_period: string | null;
  ragged: number;
}

type Step = <T extends object>(sql: string, params?: SqlParam[]) => Promise<T[]>;

/** A streamed insert that wrote a key twice: the file is read again the staged way. */
class Repeated extends Error {}

async function loadOne(engine: Engine, request: LoadRequest): Promise<ImportResult> {
  const { mapping } = request;
  const step = stepOf(engine, request);
  await ensureImportMacros(engine);
  try {
    if (!request.replace) {
      const existing = await engine.query('SELECT 1 FROM datasets WHERE dataset_id = ?', [request.datasetId]);
      if (existing.length > 0) throw new ImportRefused('duplicate-id', `dataset ${request.datasetId} exists`);
    }
    // Flag records are read with the record above them, which needs the staged records' order.
    const streamed = !request.staged && !mapping.read.flagRows;
    await step(streamed ? sourceSql(request.registeredFile, mapping) : stageSql(request.registeredFile, mapping));
    for (const sql of cellsViewSql(mapping, streamed ? 'streamed' : 'staged')) await step(sql);
    await step(keysSql(mapping));
    for (const sql of mapsSql()) await step(sql);
    if (streamed) {
      const [verdict] = await step<{ unread: number | null; ragged: number | null; unresolved: number }>(VERDICT_SQL);
      if (verdict && !verdict.unread && !verdict.ragged && !verdict.unresolved) {
        const result = await insertStreamed(engine, request, step);
        if (result) return result;
      }
      // Something will be refused, or repeated: the staged way numbers the records for the report.
      // The maps stay: the staged file has the same cells.
      await step(stageSql(request.registeredFile, mapping));
      for (const sql of cellsViewSql(mapping, 'staged')) await step(sql);
    }
    return await insertStaged(engine, request, step);
  } finally {
    for (const sql of dropTempSql()) await engine.query(sql).catch(() => undefined);
  }
}

// An upload's rows are coded in a schema of their own; the bundled samples go to the session table.
const optionsOf = (request: LoadRequest): ResolveOptions => ({
  datasetId: request.datasetId,
  entityLevel: request.mapping.entityLevel,
  direction: request.mapping.indicator.direction,
  schema: request.kind === 'upload' ? newUploadSchema() : undefined,
});

/** A clean file inserted as it is read a second time; null when it turned out to repeat a key. */
async function insertStreamed(engine: Engine, request: LoadRequest, step: Step): Promise<ImportResult | null> {
  const [summary] = await step<Summary>(STREAMED_SUMMARY_SQL);
  if (!summary || !summary.rows) throw new ImportRefused('no-values', 'no numeric values');
  // The planner cannot know the file's size (it guesses a handful of rows) and would build its
  // hash tables from the cells, probing them with the maps: three tables of every cell, twice the
  // time. Held to the joins as written, the maps are the tables and the cells stream past. Set and
  // reset outside the transaction: a failed statement aborts it, and an aborted transaction takes
  // no statement, not even a RESET, which would then hide the error that aborted it.
  await step(`SET disabled_optimizers = 'build_side_probe_side'`);
  try {
    const options = optionsOf(request);
    await write(engine, request, options, 'streamed', {
      async rows(run) {
        const [inserted] = await run<{ Count: number }>(observationsInsertSql(options, request.mapping, 'streamed'));
        // The keys pass counted every value; a different count is a fault of ours, not of the file.
        if (inserted && Number(inserted.Count) !== summary.rows) throw new Error(`streamed insert wrote ${inserted.Count} of ${summary.rows} values`);
        const [repeats] = await run<{ repeats: number }>(repeatsSql(options));
        if (repeats?.repeats) throw new Repeated();
      },
      async catalog(run) {
        for (const sql of catalogInsertSql(options, 'streamed')) await run(sql);
        await recordDataset(run, request, summary);
      },
    });
  } catch (error) {
    if (error instanceof Repeated) return null;
    throw error;
  } finally {
    await engine.query('RESET disabled_optimizers').catch(() => undefined);
  }
  return resultOf(request, summary, []);
}

/** Every cell judged in a table, each refusal reported by line; the accepted rows inserted from it. */
async function insertStaged(engine: Engine, request: LoadRequest, step: Step): Promise<ImportResult> {
  for (const sql of resolveSql(request.mapping)) await step(sql);
  const [summary] = await step<Summary>(SUMMARY_SQL);
  if (!summary || summary.rows === 0) throw new ImportRefused('no-values', 'no numeric values');
  const rejects = await step<{ rec: number; col: string; val: string; reason: RejectReason }>(rejectsSql(REJECT_DETAIL_LIMIT));
  request.signal?.throwIfAborted();
  const options = optionsOf(request);
  await write(engine, request, options, 'staged', {
    rows: async (run) => void (await run(observationsInsertSql(options, request.mapping, 'staged'))),
    async catalog(run) {
      for (const sql of catalogInsertSql(options, 'staged')) await run(sql);
      await recordDataset(run, request, summary);
    },
  });
  return resultOf(request, summary, rejects);
}

interface Writes {
  /** The observations, with the checks of what was written. */
  rows(run: Step): Promise<void>;
  /** New entities and indicators, and the dataset's row. */
  catalog(run: Step): Promise<void>;
}

// Each statement stops where it is when the import is cancelled (where the engine can).
const stepOf = (tx: Pick<Engine, 'query'>, request: LoadRequest): Step => (sql, params) => {
  request.signal?.throwIfAborted();
  return tx.query(sql, params, { signal: request.signal });
};

/**
 * The import's writes. Into the session table, all in one transaction. An upload's coded rows go
 * to its own schema first, which nothing reads until the transaction of its catalog rows puts it
 * in the view: rows committed are read faster than a transaction's own (the checks after the
 * insert, under Node on 1 M rows: 300 ms in the transaction, 160 ms after), and a failure at any
 * point drops the schema, so that either way nothing of a failed import is seen. A re-import lets
 * go of the rows it replaces in that transaction.
 */
async function write(engine: Engine, request: LoadRequest, options: ResolveOptions, source: CellSource, writes: Writes): Promise<void> {
  const inTransaction = async (tx: Pick<Engine, 'query'>) => {
    const run = stepOf(tx, request);
    await replaceOld(run, request);
    if (!options.schema) await writes.rows(run);
    await writes.catalog(run);
  };
  const { schema } = options;
  if (!schema) return request.replace ? withoutInPlace(engine, request.datasetId, inTransaction) : engine.transaction(inTransaction);
  try {
    const run = stepOf(engine, request);
    for (const sql of codedTablesSql(schema, source)) await run(sql);
    await writes.rows(run);
  } catch (error) {
    await engine.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    throw error;
  }
  await importInto(engine, request.datasetId, schema, inTransaction);
}

async function replaceOld(run: Step, request: LoadRequest): Promise<void> {
  if (!request.replace) return;
  await run(`DELETE FROM ${LOCAL_OBSERVATIONS} WHERE dataset_id = ?`, [request.datasetId]);
  await run('DELETE FROM datasets WHERE dataset_id = ?', [request.datasetId]);
}

/**
 * What the dataset list shows of it is kept with it: counted at every listing, a large upload
 * would cost every start and every change a scan of all its rows.
 */
async function recordDataset(run: Step, request: LoadRequest, summary: Summary): Promise<void> {
  await run(
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
      JSON.stringify(request.mapping),
      summary.entities,
      summary.indicators,
      summary.first_period,
      summary.last_period,
    ],
  );
}

function resultOf(request: LoadRequest, summary: Summary, rejects: { rec: number; col: string; val: string; reason: RejectReason }[]): ImportResult {
  const firstDataLine = request.mapping.read.headerRow + 2;
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
}
