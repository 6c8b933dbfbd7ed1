import * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import { arrowToColumns, arrowToRows } from './arrow-rows';
import { BUNDLES } from './bundles';
import { createLock } from './lock';
import { ENGINE_OPEN_CONFIG, ENGINE_SETUP_SQL, memoryLimitMb, memoryLimitSql } from './setup';
import type { EngineProgress, FileReadProgress } from './progress';
import { takeEngineWorker, type EngineWorker } from './spawn';
import { EngineLostError, type Columns, type Engine, type QueryOptions, type Row, type SqlParam } from './types';

export type { EngineProgress } from './progress';

/** How often an idle engine is asked whether it is alive, and how long it has to answer. */
export const HEARTBEAT_MS = 2000;
export const HEARTBEAT_TIMEOUT_MS = 4000;

class BrowserEngine implements Engine {
  private readonly exclusive = createLock();
  private busy = 0;
  private lostReason: EngineLostError | null = null;
  private readonly lostListeners: (() => void)[] = [];
  /**
   * How to fail each call in flight when the worker is lost, so that none hangs forever. A set,
   * not a race against one never-settling promise: each race would leave a reaction on that
   * promise for as long as the engine lives, thousands an hour on a busy dashboard.
   */
  private readonly pending = new Set<(error: EngineLostError) => void>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
    private readonly worker: Worker,
    private readonly reads: EngineWorker['onFileRead'],
  ) {
    // A crashed worker may say nothing at all: an idle engine is asked for its version now and
    // then, and one that does not answer is given up. Busy engines are not asked (a long import
    // legitimately keeps the worker from answering).
    this.heartbeat = setInterval(() => void this.check(), HEARTBEAT_MS);
    worker.addEventListener('error', () => this.lose());
  }

  /** Called once when the worker is lost. */
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  private async check(): Promise<void> {
    if (this.busy > 0 || this.lostReason) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<'silent'>((resolve) => (timer = setTimeout(() => resolve('silent'), HEARTBEAT_TIMEOUT_MS)));
    const answer = await Promise.race([this.db.getVersion().then(() => 'alive' as const, () => 'alive' as const), silent]);
    clearTimeout(timer);
    if (answer === 'silent' && this.busy === 0) this.lose();
  }

  private lose(): void {
    if (this.lostReason) return;
    this.lostReason = new EngineLostError();
    clearInterval(this.heartbeat);
    this.worker.terminate();
    for (const reject of this.pending) reject(this.lostReason);
    this.pending.clear();
    for (const listener of this.lostListeners) listener();
  }

  /** Every call counts as busy while it runs and fails at once if the worker is lost. */
  private guard<T>(call: () => Promise<T>): Promise<T> {
    if (this.lostReason) return Promise.reject(this.lostReason);
    this.busy++;
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      call()
        .then(resolve, reject)
        .finally(() => {
          this.pending.delete(reject);
          this.busy--;
        });
    });
  }

  query<T extends object = Row>(sql: string, params: readonly SqlParam[] = [], options: QueryOptions = {}): Promise<T[]> {
    return this.guard(() => this.exclusive(() => this.run<T>(sql, params, options.signal)));
  }

  queryColumns(sql: string, params: readonly SqlParam[] = []): Promise<Columns> {
    return this.guard(() => this.exclusive(async () => arrowToColumns(await this.arrow(sql, params))));
  }

  transaction<T>(work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T> {
    return this.guard(() => this.exclusive(async () => {
      await this.run('BEGIN TRANSACTION', []);
      try {
        const result = await work({ query: (sql, params = [], options = {}) => this.run(sql, params, options.signal) });
        await this.run('COMMIT', []);
        return result;
      } catch (error) {
        await this.run('ROLLBACK', []).catch(() => undefined);
        throw error;
      }
    }));
  }

  registerFile(name: string, data: Blob | Uint8Array): Promise<void> {
    return this.guard(async () => {
      if (data instanceof Uint8Array) await this.db.registerFileBuffer(name, data);
      // A Blob is read lazily by the worker in slices: the file is never copied into the JS heap.
      else await this.db.registerFileHandle(name, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    });
  }

  dropFile(name: string): Promise<void> {
    return this.guard(async () => {
      await this.db.dropFile(name);
    });
  }

  registerEmptyFile(name: string): Promise<void> {
    return this.guard(() => this.db.registerEmptyFileBuffer(name));
  }

  watchReads(listener: (read: FileReadProgress) => void): () => void {
    return this.reads(listener);
  }

  copyFile(name: string): Promise<Uint8Array> {
    return this.guard(() => this.db.copyFileToBuffer(name));
  }

  private async run<T extends object>(sql: string, params: readonly SqlParam[], signal?: AbortSignal): Promise<T[]> {
    if (signal && params.length === 0) return this.interruptible<T>(sql, signal);
    return arrowToRows<T>(await this.arrow(sql, params));
  }

  private async arrow(sql: string, params: readonly SqlParam[]) {
    if (params.length === 0) return this.conn.query(sql);
    const statement = await this.conn.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  }

  /**
   * A statement sent as a pending query: the worker runs it a slice at a time between polls, so
   * a cancel sent meanwhile interrupts it where it is (a plain query holds the worker until done).
   */
  private async interruptible<T extends object>(sql: string, signal: AbortSignal): Promise<T[]> {
    signal.throwIfAborted();
    const cancel = () => void this.conn.cancelSent().catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const reader = await this.conn.send(sql);
      const batches = [];
      for await (const batch of reader) batches.push(batch);
      return arrowToRows<T>(new Table(batches));
    } catch (error) {
      if (signal.aborted) throw new DOMException('statement cancelled', 'AbortError');
      throw error;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }
}

export type LiveEngine = Engine & { onLost(listener: () => void): void };

let starting: Promise<LiveEngine> | null = null;

/**
 * The one engine of the page, created on first use. Concurrent callers share the same start-up
 * promise, so racing views never spawn a second worker. Once that engine is lost, the next call
 * starts a fresh one.
 */
export function getBrowserEngine(onProgress?: (progress: EngineProgress) => void): Promise<LiveEngine> {
  if (!starting) {
    const mine: Promise<LiveEngine> = startEngine(onProgress).then(
      (engine) => {
        engine.onLost(() => {
          if (starting === mine) starting = null;
        });
        return engine;
      },
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    starting = mine;
  }
  return starting;
}

/** Start-up gives up after this long rather than leaving the person looking at a spinner. */
export const ENGINE_START_TIMEOUT_MS = 90_000;

async function startEngine(onProgress?: (progress: EngineProgress) => void): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  // Our worker loads DuckDB's (duckdb-worker.ts), usually spawned as the app's first step
  // (spawn.ts): the wasm is compiling by now, from fetch's own response, which browsers cache
  // compiled, and the download is reported on a channel.
  const spawned = takeEngineWorker();
  const { worker } = spawned;
  if (onProgress) spawned.onProgress(onProgress);
  // A worker that fails to load or crashes while starting reports only through `error` events
  // (spawned.failed); DuckDB's own promises would then never settle.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`engine did not start within ${ENGINE_START_TIMEOUT_MS / 1000} s`)), ENGINE_START_TIMEOUT_MS)));
  try {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const start = async () => {
      await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
      performance.mark('hqd:wasm-instantiated');
      await db.open(ENGINE_OPEN_CONFIG);
      performance.mark('hqd:db-opened');
      const conn = await db.connect();
      for (const statement of ENGINE_SETUP_SQL) await conn.query(statement);
      await conn.query(memoryLimitSql(memoryLimitMb((navigator as Navigator & { deviceMemory?: number }).deviceMemory)));
      return new BrowserEngine(db, conn, worker, spawned.onFileRead);
    };
    return await Promise.race([start(), spawned.failed, timedOut]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
    spawned.closeProgress();
  }
}
