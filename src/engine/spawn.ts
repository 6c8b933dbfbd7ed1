import { likelyBundle } from './bundles';
import type { EngineProgress, FileReadProgress } from './progress';

/** What the engine's worker (duckdb-worker.ts) is told first: DuckDB's script, and the wasm to compile. */
export interface EngineWorkerStart {
  duckdbWorker: string;
  wasm: string;
  /**
   * Where the wasm's download and the reads of registered files are reported: the worker's own
   * messages belong to DuckDB's protocol.
   */
  progress: MessagePort;
}

export interface EngineWorker {
  worker: Worker;
  /**
   * Rejects at the worker's first `error` event. A worker that fails to load or crashes while
   * starting reports only that way, and it may come before anyone else listens.
   */
  failed: Promise<never>;
  /** Download progress of the wasm: the latest report at once, then each new one. */
  onProgress(listener: (progress: EngineProgress) => void): void;
  /** Stops listening for the download (the engine has started). */
  closeProgress(): void;
  /** How far DuckDB reads into registered files, from now on, until the returned function is called. */
  onFileRead(listener: (read: FileReadProgress) => void): () => void;
}

/**
 * A new engine worker, already downloading and compiling the wasm while it loads DuckDB's own
 * script. The page's `AsyncDuckDB` takes it over later (duckdb-browser.ts) without waiting.
 */
export function spawnEngineWorker(): EngineWorker {
  const bundle = likelyBundle();
  const worker = new Worker(new URL('./duckdb-worker.ts', import.meta.url), { type: 'classic' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`engine worker failed to load: ${e.message || 'network or script error'}`)), { once: true });
  });
  failed.catch(() => undefined);
  // Listened to from the spawn on, the latest report kept: the download may be under way before
  // the page's engine code has loaded.
  const channel = new MessageChannel();
  let latest: EngineProgress | null = null;
  let listener: ((progress: EngineProgress) => void) | null = null;
  const readers = new Set<(read: FileReadProgress) => void>();
  channel.port1.onmessage = (e: MessageEvent<EngineProgress | FileReadProgress>) => {
    if ('position' in e.data) {
      for (const reader of readers) reader(e.data);
      return;
    }
    latest = e.data;
    listener?.(e.data);
  };
  worker.postMessage(
    {
      duckdbWorker: new URL(bundle.mainWorker, location.href).href,
      wasm: new URL(bundle.mainModule, location.href).href,
      progress: channel.port2,
    } satisfies EngineWorkerStart,
    [channel.port2],
  );
  return {
    worker,
    failed,
    onProgress(l) {
      listener = l;
      if (latest) l(latest);
    },
    closeProgress: () => {
      listener = null;
    },
    onFileRead(reader) {
      readers.add(reader);
      return () => readers.delete(reader);
    },
  };
}

let early: EngineWorker | null = null;

/**
 * Spawns the page's first engine worker now, from the app's first module: the 34 MB wasm then
 * compiles while the rest of the app loads and the shell renders.
 */
export function spawnEarly(): void {
  early ??= spawnEngineWorker();
}

/** The early worker, once (a restarted engine gets a fresh one). */
export function takeEngineWorker(): EngineWorker {
  const worker = early ?? spawnEngineWorker();
  early = null;
  return worker;
}

/** Stops the early worker before it is taken: the deployment runs on another engine (app/deployment.ts). */
export function dropEarly(): void {
  early?.worker.terminate();
  early = null;
}
