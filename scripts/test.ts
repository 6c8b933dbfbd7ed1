// `npm test`: every check, in the order a failure is cheapest to find: lint, typecheck, unit,
// integration (DuckDB under Node), the same queries over a ClickHouse cluster the run starts and
// stops itself, then the production build driven in Debian's Chromium.
// Ends with one line `tests: N passed, M failed, K skipped` and a non-zero exit when anything
// failed. Tests of the real files in ../shared/realdata are skipped where that folder is absent (a
// clone with nothing beside it), and the line then says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { namedForeignHosts } from '../src/security/offline';
import { NO_REALDATA, REALDATA_LABEL } from '../test/support/realdata';
import { ensureServer } from './clickhouse/cluster';
import { CHROMIUM_PATH } from './lib/chromium';
import { ROOT } from './lib/preview';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const reports = join(ROOT, 'node_modules', '.cache', 'hqd-test');

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** Playwright's own browser download cannot work here; Debian's package can, when we are root. */
function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const install = 'apt-get update && apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM_PATH}. Install it as root with:\n  sudo sh -c '${install}'`);
    return false;
  }
  console.log(`Chromium is missing: installing Debian's package (${install})`);
  const ok = run('install chromium', 'sh', ['-c', install], { DEBIAN_FRONTEND: 'noninteractive' });
  return ok && existsSync(CHROMIUM_PATH);
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
/**
 * Vitest leaves a core to its own process by default, which on a two-core machine means one
 * worker. Unit and integration files are single-threaded and independent, and the main process
 * idles while they run: one worker per core took the integration stage from 289 s to 177 s here.
 * The browser tests stay one file at a time (vitest.config.ts): Chromium uses every core itself.
 */
const workers = ['--maxWorkers', String(Math.max(2, availableParallelism()))];
function vitest(project: string, extra: string[] = []): boolean {
  const out = join(reports, `${project}.json`);
  rmSync(out, { force: true });
  const ok = run(`${project} tests`, bin('vitest'), ['run', '--project', project, ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
    counts.passed += report.numPassedTests;
    counts.failed += report.numFailedTests;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (!ok) counts.failed += 1;
  return ok;
}

/** The built files name no CDN or extension repository: the app must run with no network at all. */
function offlineCheck(): boolean {
  console.log('\n▶ offline (dist names no foreign host)');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else for (const host of namedForeignHosts(readFileSync(path).toString('latin1'))) found.push(`${path.slice(ROOT.length + 1)}: ${host}`);
    }
  };
  walk(join(ROOT, 'dist'));
  for (const f of found) console.error(`  names a foreign host: ${f}`);
  console.log(`${found.length === 0 ? '✔' : '✘'} offline`);
  return found.length === 0;
}

mkdirSync(reports, { recursive: true });
const failures: string[] = [];
const step = (name: string, ok: boolean) => ok || failures.push(name);

const haveChromium = ensureChromium();
step('chromium', haveChromium);
step('lint', run('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']));
step('typecheck', run('typecheck (vue-tsc)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']));
step('unit', vitest('unit', workers));
step('integration', vitest('integration', workers));
// Debian's clickhouse-server, installed as Chromium is when missing; its tests start their own cluster.
if (ensureServer()) step('clickhouse', vitest('clickhouse'));
else failures.push('clickhouse (no server)');
const built = run('build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
step('build', built);
if (built) step('offline', offlineCheck());
if (built && haveChromium) step('e2e', vitest('e2e'));
else failures.push('e2e (not run)');

console.log(`\n${failures.length === 0 ? 'All checks passed.' : `Failed: ${failures.join(', ')}`}`);
const skippedWhy = NO_REALDATA ? ` (${REALDATA_LABEL} not found)` : '';
console.log(`tests: ${counts.passed} passed, ${counts.failed + (failures.length > 0 && counts.failed === 0 ? 1 : 0)} failed, ${counts.skipped} skipped${skippedWhy}`);
process.exit(failures.length === 0 ? 0 : 1);
