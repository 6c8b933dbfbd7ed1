// The floor of the app's start, built only by `npm run bench`: a bare page that starts the same
// DuckDB-wasm as the app (same wasm, same worker, same open settings, through the same
// getBrowserEngine) and runs one query. The app's `ready` is set beside the time this takes.
import { getBrowserEngine } from '../../src/engine/duckdb-browser';

const status = document.getElementById('status') as HTMLElement;
const engine = await getBrowserEngine();
await engine.query('SELECT 42 AS answer');
performance.mark('floor:ready');
status.textContent = 'ready';
