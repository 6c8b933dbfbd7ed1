/** How far the wasm's download has come, in bytes (total 0 when unknown). */
export interface EngineProgress {
  loaded: number;
  total: number;
}
