import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

// Both bundles are served from our own origin (Vite `?url`); the threaded coi bundle is never used
// because it needs cross-origin isolation headers that an ordinary static server does not send.
export const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

// DuckDB-wasm's own test for native wasm exceptions (a function with try/catch): the bundle it
// would pick is known at once, without loading duckdb-wasm's JavaScript.
const EXCEPTIONS_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/** The bundle `duckdb.selectBundle(BUNDLES)` picks in this browser, decided synchronously. */
export function likelyBundle(): { mainModule: string; mainWorker: string } {
  const bundle = WebAssembly.validate(EXCEPTIONS_PROBE) ? BUNDLES.eh! : BUNDLES.mvp;
  return { mainModule: bundle.mainModule, mainWorker: bundle.mainWorker as string };
}
