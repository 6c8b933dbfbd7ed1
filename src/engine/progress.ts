/** How far the wasm's download has come, in bytes (total 0 when unknown). */
export interface EngineProgress {
  loaded: number;
  total: number;
}

/** How far a statement has read into a registered file (an upload), in bytes. */
export interface FileReadProgress {
  position: number;
  size: number;
}
