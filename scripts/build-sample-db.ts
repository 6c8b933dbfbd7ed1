/**
 * Builds the sample database the app loads at start (src/ingest/sample-db.ts): data/*.csv imported
 * through `loadSamples` in DuckDB's Node bundle, the same wasm the browser runs, and the canonical
 * tables saved to a DuckDB file. The build emits it as a hashed asset (scripts/vite-sample-db.ts),
 * so it is made again from the CSVs every time and is never stale.
 *
 *   npx tsx scripts/build-sample-db.ts [out.duckdb]      (writes the file, to look at)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveSampleDatabase } from '../src/ingest/sample-db';
import { sampleEngine } from '../test/support/samples';

/** The database file's bytes. */
export async function buildSampleDatabase(): Promise<Uint8Array> {
  // Without direct IO, DuckDB's Node bundle writes no header and the file reopens empty. A fresh
  // folder, removed after, holds the file and the write-ahead log DuckDB leaves beside it.
  const engine = await sampleEngine({ useDirectIO: true });
  const dir = await mkdtemp(join(tmpdir(), 'hqd-sample-db-'));
  try {
    const path = join(dir, 'sample.duckdb');
    await saveSampleDatabase(engine, path);
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? 'sample.duckdb');
  const started = performance.now();
  const bytes = await buildSampleDatabase();
  await writeFile(out, bytes);
  console.log(`wrote ${out}: ${bytes.length} bytes in ${Math.round(performance.now() - started)} ms`);
}
