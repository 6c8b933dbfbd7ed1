import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// `virtual:hqd-sample-db` is the URL of the sample database (scripts/build-sample-db.ts), made from
// data/*.csv at every build and emitted as a hashed asset, so it can be cached for good. The dev
// server makes it when it starts, and again on the next request after data/ or the import path
// changed.

const ID = 'virtual:hqd-sample-db';
const RESOLVED = `\0${ID}`;
const DEV_PATH = '/@hqd/sample.duckdb';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./build-sample-db.ts', import.meta.url));
/** What the database is made from: the sample and the import path that reads it. */
const INPUTS = ['data', 'src/ingest', 'src/engine', 'src/domain'].map((dir) => join(ROOT, dir));

/**
 * Runs the build script in its own process: the import path stays out of Vite's config bundle,
 * and the import runs on another core while Vite bundles.
 */
async function buildInChild(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'hqd-vite-sample-db-'));
  try {
    const out = join(dir, 'sample.duckdb');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/build-sample-db.ts failed (exit ${code}):\n${stderr}`))));
    });
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function sampleDatabase(): Plugin {
  let serving = false;
  let built: Promise<Uint8Array> | null = null;
  const build = () => {
    const bytes = buildInChild();
    // A failed build is tried again when next asked for.
    bytes.catch(() => {
      if (built === bytes) built = null;
    });
    return bytes;
  };
  const database = () => (built ??= build());
  return {
    name: 'hqd-sample-db',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    buildStart() {
      // Started at once, awaited when the app's import of it is loaded.
      if (!serving) built = build();
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      if (serving) return `export default ${JSON.stringify(DEV_PATH)};`;
      const source = await database();
      const ref = this.emitFile({ type: 'asset', name: 'sample.duckdb', source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      void database(); // ready by the time the page asks for it
      server.watcher.add(INPUTS);
      server.watcher.on('all', (_event, file) => {
        if (INPUTS.some((dir) => file.startsWith(dir))) built = null;
      });
      server.middlewares.use(DEV_PATH, (_req, res, next) => {
        database().then((bytes) => {
          res.setHeader('Content-Type', 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(bytes);
        }, next);
      });
    },
  };
}
