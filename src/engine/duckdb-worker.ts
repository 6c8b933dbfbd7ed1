/// <reference lib="webworker" />
// The engine's worker. Its first message names DuckDB's own worker script and the wasm. It starts
// compiling the wasm at once, then loads DuckDB's script, with three changes to how that script
// gets its module:
// - The compile starts before DuckDB's 750 KB script is even parsed, and before the page has
//   sent `instantiate`: DuckDB's own request for the wasm is answered with that compile.
// - It compiles from fetch's own response. duckdb-wasm pipes the response through a
//   TransformStream to count the download, and a Response rebuilt from a stream has no cache
//   handler, so the browser could never keep the compiled code for the next visit.
// - The download is counted here instead, from a clone, against the decoded size the server
//   states (X-Decoded-Length: Content-Length counts the compressed bytes), and reported on the
//   port the first message brought (the worker's own messages belong to DuckDB's protocol).
// On that port it also reports how far DuckDB has read into a registered file: an import's progress.
import type { EngineProgress, FileReadProgress } from './progress';
import type { EngineWorkerStart } from './spawn';

const scope = self as unknown as DedicatedWorkerGlobalScope & { TransformStream?: unknown };
// Without TransformStream, duckdb-wasm calls WebAssembly.instantiateStreaming(fetch(wasm)).
scope.TransformStream = undefined;

const plainFetch = scope.fetch.bind(scope);
const plainInstantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);

async function count(response: Response, progress: MessagePort): Promise<void> {
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
}

/** The wasm compiling since the first message; DuckDB's own fetch of that URL is answered with it. */
let early: { url: string; module: Promise<WebAssembly.Module> } | null = null;
/** The stand-in responses DuckDB's fetch got for the early wasm. */
const standIns = new WeakSet<Response>();

function compileEarly(url: string, progress: MessagePort): void {
  const response = plainFetch(url, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`engine wasm: HTTP ${r.status}`);
    void count(r.clone(), progress).catch(() => undefined);
    return r;
  });
  const module = WebAssembly.compileStreaming(response);
  // Seen by DuckDB's instantiate when it asks; never an unhandled rejection before that.
  module.catch(() => undefined);
  early = { url, module };
}

const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? new URL(input, location.href).href : input instanceof URL ? input.href : input.url);

scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  if (early && urlOf(input) === early.url) {
    const standIn = new Response(null, { status: 200 });
    standIns.add(standIn);
    return standIn;
  }
  return plainFetch(input, init);
};

WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (!early || !standIns.has(response)) return plainInstantiateStreaming(response, imports);
  const module = await early.module;
  early = null;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

/** Registered files smaller than this are read in a blink: their reads are not reported. */
const REPORTED_FILE_BYTES = 1 << 20;

/**
 * DuckDB reads a registered file (an upload) by slicing it, one slice per read: the end of each
 * slice is how far into the file the statement has come. Reported at most every 100 ms, and at
 * the end of the file, on the same port: the page turns it into the import's progress.
 */
function reportFileReads(progress: MessagePort): void {
  const plainSlice = Blob.prototype.slice;
  let last = 0;
  Blob.prototype.slice = function (this: Blob, start?: number, end?: number, type?: string) {
    if (this.size >= REPORTED_FILE_BYTES && typeof start === 'number') {
      const position = Math.min(this.size, end ?? this.size);
      const now = Date.now();
      if (now - last > 100 || position === this.size) {
        last = now;
        progress.postMessage({ position, size: this.size } satisfies FileReadProgress);
      }
    }
    return plainSlice.call(this, start, end, type);
  };
}

scope.onmessage = (event: MessageEvent<Partial<EngineWorkerStart>>) => {
  const { duckdbWorker, wasm, progress } = event.data ?? {};
  if (!duckdbWorker) return;
  scope.onmessage = null;
  if (wasm && progress) compileEarly(wasm, progress);
  if (progress) reportFileReads(progress);
  // DuckDB's script sets its own onmessage for every message after this one.
  scope.importScripts(duckdbWorker);
};
