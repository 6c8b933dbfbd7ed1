import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DuckDBBindings, DuckDBConfig } from '@duckdb/duckdb-wasm/blocking';
import { arrowToColumns, arrowToRows } from '../../src/engine/arrow-rows';
import { ENGINE_OPEN_CONFIG, ENGINE_SETUP_SQL } from '../../src/engine/setup';
import type { Engine, QueryOptions, Row, SqlParam } from '../../src/engine/types';

const require = createRequire(import.meta.url);
const blocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof import('@duckdb/duckdb-wasm/blocking');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

let bindings: Promise<DuckDBBindings> | null = null;

/** The wasm module is compiled once per test worker; each call opens a fresh in-memory database. */
function loadBindings(): Promise<DuckDBBindings> {
  bindings ??= (async () => {
    const db = await blocking.createDuckDB(
      {
        mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
        eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
      },
      new blocking.VoidLogger(),
      blocking.NODE_RUNTIME,
    );
    await db.instantiate(() => undefined);
    return db;
  })();
  return bindings;
}

/**
 * The same `Engine` the browser gets, backed by DuckDB's blocking Node bundle. `open` adds to the
 * shared open options: the sample database build (scripts/build-sample-db.ts) needs `useDirectIO`
 * to write a database file to disk.
 */
export async function createNodeEngine(open: DuckDBConfig = {}): Promise<Engine> {
  const db = await loadBindings();
  db.reset();
  db.open({ ...ENGINE_OPEN_CONFIG, ...open });
  const conn = db.connect();
  for (const statement of ENGINE_SETUP_SQL) conn.query(statement);
  // The blocking bundle runs a statement to its end: a signal is checked before it starts.
  const arrow = (sql: string, params: readonly SqlParam[]) => {
    if (params.length === 0) return conn.query(sql);
    const statement = conn.prepare(sql);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  };
  const run = async <T extends object = Row>(sql: string, params: readonly SqlParam[] = [], options: QueryOptions = {}): Promise<T[]> => {
    options.signal?.throwIfAborted();
    return arrowToRows<T>(arrow(sql, params));
  };
  return {
    query: run,
    queryColumns: async (sql, params = []) => arrowToColumns(arrow(sql, params)),
    async transaction(work) {
      await run('BEGIN TRANSACTION');
      try {
        const result = await work({ query: run });
        await run('COMMIT');
        return result;
      } catch (error) {
        await run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async registerFile(name, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async registerEmptyFile(name) {
      // Its write-ahead log too: unregistered, Node's runtime would write it to the working directory.
      db.registerFileBuffer(name, new Uint8Array(0));
      db.registerFileBuffer(`${name}.wal`, new Uint8Array(0));
    },
    async copyFile(name) {
      return db.copyFileToBuffer(name);
    },
  };
}
