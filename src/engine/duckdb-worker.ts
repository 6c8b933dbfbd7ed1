/// <reference lib="webworker" />
// The engine's worker. It loads DuckDB's own worker script (its URL is the first message) after
// two changes to how that script fetches the wasm:
// - duckdb-wasm counts the download by piping the response through a TransformStream, against
//   Content-Length. The server sends the wasm compressed, so that length is of the compressed
//   bytes (6 MB) while the stream counts the decoded ones (34 MB). The bytes are counted here
//   instead, from a clone of the response, against the decoded size the server states
//   (X-Decoded-Length), and reported to the page on a BroadcastChannel (the worker's own
//   messages belong to DuckDB's protocol).
// - With TransformStream absent, duckdb-wasm hands WebAssembly.instantiateStreaming fetch's own
//   response rather than a Response rebuilt from a stream, which is what a browser needs to
//   cache compiled code (Chromium 156 headless here writes no wasm code cache either way).
import { ENGINE_PROGRESS_CHANNEL, type EngineProgress } from './progress';

const scope = self as unknown as DedicatedWorkerGlobalScope & { TransformStream?: unknown };
scope.TransformStream = undefined;

const plainFetch = scope.fetch.bind(scope);
const progress = new BroadcastChannel(ENGINE_PROGRESS_CHANNEL);

async function count(response: Response): Promise<void> {
  // Compressed in transit, Content-Length counts the compressed bytes: our server says the size
  // of what is read (X-Decoded-Length); without it the page shows no total.
  const encoded = response.headers.get('content-encoding');
  const total = Number(response.headers.get(encoded ? 'x-decoded-length' : 'content-length')) || 0;
  const reader = response.body?.getReader();
  if (!reader) return;
  let loaded = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (Date.now() - last > 50) {
      last = Date.now();
      progress.postMessage({ loaded, total } satisfies EngineProgress);
    }
  }
  progress.postMessage({ loaded, total: total || loaded } satisfies EngineProgress);
  progress.close();
}

scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const response = await plainFetch(input, init);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith('.wasm') && response.ok) void count(response.clone()).catch(() => undefined);
  return response;
};

scope.onmessage = (event: MessageEvent<{ duckdbWorker?: string }>) => {
  const url = event.data?.duckdbWorker;
  if (!url) return;
  scope.onmessage = null;
  // DuckDB's script sets its own onmessage for every message after this one.
  scope.importScripts(url);
};
