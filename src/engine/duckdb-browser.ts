import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { arrowToRows } from './arrow-rows';
import { createLock } from './lock';
import { ENGINE_OPEN_CONFIG, ENGINE_SETUP_SQL } from './setup';
import type { Engine, Row, SqlParam } from './types';

export interface EngineProgress {
  loaded: number;
  total: number;
}

// Both bundles are served from our own origin (Vite `?url`); the threaded coi bundle is never used
// because it needs cross-origin isolation headers that an ordinary static server does not send.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

class BrowserEngine implements Engine {
  private readonly exclusive = createLock();

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {}

  query<T extends object = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.exclusive(() => this.run<T>(sql, params));
  }

  transaction<T>(work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.run('BEGIN TRANSACTION', []);
      try {
        const result = await work({ query: (sql, params = []) => this.run(sql, params) });
        await this.run('COMMIT', []);
        return result;
      } catch (error) {
        await this.run('ROLLBACK', []).catch(() => undefined);
        throw error;
      }
    });
  }

  async registerFile(name: string, data: Blob | Uint8Array): Promise<void> {
    if (data instanceof Uint8Array) await this.db.registerFileBuffer(name, data);
    // A Blob is read lazily by the worker in slices: the file is never copied into the JS heap.
    else await this.db.registerFileHandle(name, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  }

  async dropFile(name: string): Promise<void> {
    await this.db.dropFile(name);
  }

  private async run<T extends object>(sql: string, params: readonly SqlParam[]): Promise<T[]> {
    if (params.length === 0) return arrowToRows<T>(await this.conn.query(sql));
    const statement = await this.conn.prepare(sql);
    try {
      return arrowToRows<T>(await statement.query(...params));
    } finally {
      await statement.close();
    }
  }
}

let starting: Promise<Engine> | null = null;

/**
 * The one engine of the page, created on first use. Concurrent callers share the same start-up
 * promise, so racing views never spawn a second worker.
 */
export function getBrowserEngine(onProgress?: (progress: EngineProgress) => void): Promise<Engine> {
  starting ??= startEngine(onProgress).catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
}

/** Start-up gives up after this long rather than leaving the person looking at a spinner. */
export const ENGINE_START_TIMEOUT_MS = 90_000;

async function startEngine(onProgress?: (progress: EngineProgress) => void): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker as string);
  // A worker that fails to load or crashes while starting reports only through `error` events;
  // DuckDB's own promises would then never settle.
  let onFailure: (reason: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (onFailure = reject));
  worker.addEventListener('error', (e) => onFailure(new Error(`engine worker failed to load: ${e.message || 'network or script error'}`)));
  const timer = setTimeout(() => onFailure(new Error(`engine did not start within ${ENGINE_START_TIMEOUT_MS / 1000} s`)), ENGINE_START_TIMEOUT_MS);
  try {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const start = async () => {
      await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => onProgress?.({ loaded: p.bytesLoaded, total: p.bytesTotal }));
      performance.mark('hqd:wasm-instantiated');
      await db.open(ENGINE_OPEN_CONFIG);
      performance.mark('hqd:db-opened');
      const conn = await db.connect();
      for (const statement of ENGINE_SETUP_SQL) await conn.query(statement);
      return new BrowserEngine(db, conn);
    };
    return await Promise.race([start(), failed]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
