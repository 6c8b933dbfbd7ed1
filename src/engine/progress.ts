/** How far the wasm's download has come, in bytes (total 0 when unknown). */
export interface EngineProgress {
  loaded: number;
  total: number;
}

/** The channel the engine's worker reports download progress on (duckdb-worker.ts). */
export const ENGINE_PROGRESS_CHANNEL = 'hqd-engine-progress';
