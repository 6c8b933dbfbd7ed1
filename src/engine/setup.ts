// Offline there is nothing to install: an extension-backed query must fail at once with DuckDB's
// "exists in the X extension" message instead of trying the network and hanging.
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/**
 * Open options shared by both runtimes: numbers reach JavaScript as `number`, never `bigint`.
 * Direct IO: DuckDB-wasm's page cache otherwise keeps a database file it wrote (a saved dataset's
 * snapshot, src/ingest/snapshot.ts) locked after DETACH, so that its bytes can never be read out.
 */
export const ENGINE_OPEN_CONFIG = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
  useDirectIO: true,
} as const;

/**
 * DuckDB's memory limit in MB for a device with `deviceMemoryGb` of RAM (`navigator.deviceMemory`,
 * which Chromium rounds to 0.25–8 and other browsers do not report). DuckDB's default is 80% of
 * the wasm heap's 4 GB, and a query that reaches it has already grown the heap so far that the
 * browser may refuse to grow it further and abort the worker. Half the device's memory, at most
 * 2 GB, makes a too-large import end in DuckDB's own "Out of Memory" error, which fails that import
 * alone and leaves the engine and every loaded dataset as they were.
 */
export function memoryLimitMb(deviceMemoryGb: number | undefined): number {
  const known = typeof deviceMemoryGb === 'number' && Number.isFinite(deviceMemoryGb) && deviceMemoryGb > 0;
  return known ? Math.max(64, Math.min(2048, Math.round(deviceMemoryGb * 512))) : 2048;
}

// MiB, not MB (which DuckDB reads as 10^6 bytes): its error messages then name the same figure.
export const memoryLimitSql = (mb: number) => `SET memory_limit = '${Math.floor(mb)}MiB'`;
