import { statSync } from 'node:fs';

/**
 * Native DuckDB's read_csv of a file into a table, on one thread: the floor an import in the
 * browser is compared with (@duckdb/node-api, a dev dependency; the same DuckDB release line as
 * the wasm). A GB18030 file is read as latin-1, byte for byte, as the wasm floor reads it.
 */
export async function nativeReadCsv(path: string, encoding: 'utf-8' | 'latin-1' = 'utf-8'): Promise<{ ms: number; rows: number; mbps: number }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  try {
    const file = path.replace(/'/g, "''");
    const options = encoding === 'utf-8' ? '' : `, encoding = 'latin-1'`;
    // Once to warm the page cache, then timed.
    await conn.run(`CREATE OR REPLACE TABLE floor AS SELECT * FROM read_csv('${file}'${options})`);
    const t0 = performance.now();
    await conn.run(`CREATE OR REPLACE TABLE floor AS SELECT * FROM read_csv('${file}'${options})`);
    const ms = performance.now() - t0;
    const reader = await conn.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM floor');
    const rows = Number(reader.getRows()[0]?.[0] ?? 0);
    return { ms, rows, mbps: statSync(path).size / 1e3 / ms };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
