// Import benchmark harness, built only by `npm run bench` (never shipped). It runs in one page:
//   app       the dashboard's import path (sniff → UTF-8 worker → read_csv → validate → insert)
//   papaparse what a typical app does: papaparse on the main thread → Arrow → DuckDB
//   ceiling   DuckDB's read_csv of the raw file into a table, no validation
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { tableFromArrays } from 'apache-arrow';
import Papa from 'papaparse';
import { getBrowserEngine } from '../../src/engine/duckdb-browser';
import { createSchema } from '../../src/engine/schema';
import { importDataFile, inspectFile } from '../../src/ingest/import-file';
import { engineMemory } from '../../src/queries/engine-memory';

interface Memory {
  usedJSHeapSize: number;
}
const heap = () => (performance as unknown as { memory?: Memory }).memory?.usedJSHeapSize ?? 0;

/** Samples the main thread's JS heap every 50 ms while `work` runs; returns the peak above the start. */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakHeap: number }> {
  const base = heap();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heap())), 50);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, peakHeap: Math.max(peak, heap()) - base };
  } finally {
    clearInterval(timer);
  }
}

let appReady: Promise<void> | null = null;
async function app(file: File) {
  const engine = await getBrowserEngine();
  appReady ??= createSchema(engine);
  await appReady;
  return withPeakHeap(async () => {
    const inspection = await inspectFile(file, file.name);
    const result = await importDataFile(engine, {
      file,
      datasetId: `bench-${Date.now()}`,
      name: file.name,
      sourceFile: file.name,
      mapping: inspection.mapping,
    });
    return { rows: result.rows, rejected: result.rejected, engineMemory: (await engineMemory(engine)).used };
  });
}

let raw: Promise<duckdb.AsyncDuckDB> | null = null;
function rawDb(): Promise<duckdb.AsyncDuckDB> {
  raw ??= (async () => {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker));
    await db.instantiate(ehWasm);
    await db.open({ query: { castBigIntToDouble: true } });
    return db;
  })();
  return raw;
}

async function ceiling(file: File, rawEncoding = 'utf-8') {
  const db = await rawDb();
  const conn = await db.connect();
  await db.registerFileHandle(`ceiling-${file.name}`, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const out = await withPeakHeap(async () => {
    // A GB18030 file is read byte for byte as latin-1: DuckDB's fastest path over the same bytes.
    const encoding = rawEncoding === 'utf-8' ? '' : `, encoding = 'latin-1'`;
    await conn.query(`CREATE OR REPLACE TABLE ceiling AS SELECT * FROM read_csv('ceiling-${file.name}'${encoding})`);
    const t = await conn.query('SELECT count(*) AS n FROM ceiling');
    return { rows: Number(t.getChildAt(0)?.get(0)) };
  });
  await conn.query('DROP TABLE ceiling');
  await conn.close();
  return out;
}

async function papaparse(file: File, encoding = 'utf-8') {
  const db = await rawDb();
  const conn = await db.connect();
  const out = await withPeakHeap(
    () =>
      new Promise<{ rows: number }>((resolve, reject) => {
        const columns: string[][] = [];
        let header: string[] | null = null;
        Papa.parse<string[]>(file, {
          skipEmptyLines: true,
          encoding,
          chunkSize: 4 << 20,
          chunk: (results) => {
            for (const row of results.data) {
              if (!header) {
                header = row;
                header.forEach(() => columns.push([]));
                continue;
              }
              row.forEach((cell, i) => columns[i]?.push(cell));
            }
          },
          complete: async () => {
            try {
              const names = header ?? [];
              const arrays = Object.fromEntries(names.map((n, i) => [n, i === names.length - 1 ? Float64Array.from(columns[i] ?? [], Number) : (columns[i] ?? [])]));
              await conn.insertArrowTable(tableFromArrays(arrays), { name: 'papa', create: true });
              const t = await conn.query('SELECT count(*) AS n FROM papa');
              resolve({ rows: Number(t.getChildAt(0)?.get(0)) });
            } catch (e) {
              reject(e);
            }
          },
          error: reject,
        });
      }),
  );
  await conn.query('DROP TABLE papa');
  await conn.close();
  return out;
}

Object.assign(window, { hqdBench: { app, ceiling, papaparse } });
document.getElementById('status')!.textContent = 'ready';
