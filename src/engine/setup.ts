// Offline there is nothing to install: an extension-backed query must fail at once with DuckDB's
// "exists in the X extension" message instead of trying the network and hanging.
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];

/** Open options shared by both runtimes: numbers reach JavaScript as `number`, never `bigint`. */
export const ENGINE_OPEN_CONFIG = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
} as const;
