import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Every text file and the wasm of the build is also written brotli- and gzip-compressed, so the
// server (scripts/serve/static.ts) sends DuckDB's 34 MB wasm as about 6 MB without compressing
// at each request. Brotli runs at quality 11 on small files and 5 on large ones: 11 would take
// minutes on the wasm for a 5% smaller file.
const COMPRESSIBLE = /\.(js|mjs|css|html|json|csv|svg|wasm|txt|duckdb|parquet)$/;
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hqd-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const path of files(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue;
        const data = readFileSync(path);
        if (data.length < MIN_BYTES) continue;
        const quality = data.length > 1_000_000 ? 5 : 11;
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: data.length > 1_000_000 ? 6 : 9 }));
      }
    },
  };
}
