// One strict policy for the built page. 'wasm-unsafe-eval' is the only relaxation: DuckDB is
// WebAssembly. Workers, fetches and everything else come from our own origin, so the dashboard can
// never send a byte elsewhere.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
