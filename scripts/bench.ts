// `npm run bench`: builds, serves and drives the production app in Chromium, then prints a table
// and writes bench-results/latest.json. Times are medians of several runs; each is set beside a
// baseline measured in the same run (a static page on the same server), because these machines
// are shared and absolute times drift.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { toGb18030, writeLongCsv } from './bench/import-files';
import { nativeReadCsv } from './bench/native-floor';
import { measureSelect, median, percentile, writeHierarchicalCsv } from './bench/interaction';
import { restartBench, type RestartResult } from './bench/restart';
import { stabilityBench } from './bench/stability';
import { launchChromium } from './lib/chromium';
import { runPresentSoak, type SoakResult } from './lib/present-soak';
import { ROOT, startPreview } from './lib/preview';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dist = join(ROOT, 'dist');

function build(): void {
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The bench's own pages (import harness, engine floor) into dist-bench/.
  const pages = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'scripts/bench/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (pages.status !== 0) process.exit(pages.status ?? 1);
  // The baseline page: same server, no script, one line of text.
  writeFileSync(join(dist, 'bench-baseline.html'), '<!doctype html><html><body><h1>baseline</h1></body></html>');
}

/** Bytes of the build's files. `startScripts`: the app's scripts a cold start fetched (the budget's). */
function sizes(startScripts: ReadonlySet<string>) {
  const assets = join(dist, 'assets');
  let appJs = 0;
  let appJsGzip = 0;
  let startJs = 0;
  let startJsGzip = 0;
  let engineJs = 0;
  let engineJsGzip = 0;
  let wasm = 0;
  let wasmGzip = 0;
  for (const name of readdirSync(assets)) {
    const bytes = readFileSync(join(assets, name));
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (name.endsWith('.wasm')) {
      // Only one of the two bundles is fetched by a browser (eh where exceptions are native).
      if (name.startsWith('duckdb-eh')) [wasm, wasmGzip] = [bytes.length, gz];
    } else if (name.endsWith('.js') && name.startsWith('duckdb-browser-') && name.includes('worker')) {
      if (name.includes('-eh.')) [engineJs, engineJsGzip] = [bytes.length, gz];
    } else if (name.endsWith('.js')) {
      appJs += statSync(join(assets, name)).size;
      appJsGzip += gz;
      if (startScripts.has(name)) [startJs, startJsGzip] = [startJs + bytes.length, startJsGzip + gz];
    }
  }
  return { appJs, appJsGzip, startJs, startJsGzip, engineWorkerJs: engineJs, engineWorkerJsGzip: engineJsGzip, wasm, wasmGzip };
}

interface StartupSample {
  shellPaint: number;
  mounted: number;
  instantiated: number;
  opened: number;
  engineStarted: number;
  dataLoaded: number;
  ready: number;
  /** The app's script files the page fetched by the time it was ready. */
  scripts: string[];
}

/** DuckDB-wasm's own start on a bare page (same wasm, worker and settings), in a fresh profile. */
async function engineFloor(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '/engine-floor.html');
  await page.waitForFunction('document.getElementById("status").textContent === "ready"', undefined, { timeout: 120_000 });
  const at = (await page.evaluate(`performance.getEntriesByName('floor:ready')[0]?.startTime ?? NaN`)) as number;
  await context.close();
  return at;
}

async function startup(browser: Browser, url: string): Promise<{ cold: StartupSample; warm: StartupSample; baselinePaint: number }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const measure = async (): Promise<StartupSample> => {
    await page.waitForSelector('#app[data-state=ready]', { timeout: 120_000 });
    // A string, not a function: tsx would wrap a function's inner helpers in a `__name` call the page lacks.
    return page.evaluate<StartupSample>(`(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const scripts = performance.getEntriesByType('resource').map((e) => e.name.split('?')[0]).filter((n) => n.includes('/assets/') && n.endsWith('.js')).map((n) => n.split('/').pop());
      return { shellPaint: at('first-contentful-paint'), instantiated: at('hqd:wasm-instantiated'), opened: at('hqd:db-opened'), mounted: at('hqd:shell-mounted'), engineStarted: at('hqd:engine-started'), dataLoaded: at('hqd:data-loaded'), ready: at('hqd:ready'), scripts };
    })()`);
  };
  await page.goto(url + '/bench-baseline.html');
  const baselinePaint = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN), 50))),
  );
  await page.goto(url + '/');
  const cold = await measure();
  await page.reload();
  const warm = await measure();
  await context.close();
  return { cold, warm, baselinePaint };
}


build();
const preview = await startPreview();
const browser = await launchChromium();
const pages = await startPreview(undefined, 'dist-bench');
const samples: Awaited<ReturnType<typeof startup>>[] = [];
const floors: number[] = [];
try {
  // Floor and app alternate, so that both see the same load on a shared machine.
  for (let i = 0; i < RUNS; i++) {
    floors.push(await engineFloor(browser, pages.url));
    samples.push(await startup(browser, preview.url));
  }
} finally {
  await browser.close();
  await preview.stop();
  await pages.stop();
}

// Import throughput: the app's path beside a papaparse pipeline, DuckDB-wasm's bare read_csv and
// native DuckDB's read_csv on one thread.
interface ImportRun {
  ms: number;
  peakHeap: number;
  result: { rows: number; rejected?: number; engineMemory?: number };
}
/**
 * A file dropped on the Data view of the built app, until its summary shows: read, checked,
 * inserted, and the file and its snapshot saved in IndexedDB, as a researcher waits for it.
 */
async function importThroughDataView(page: Page, url: string, path: string): Promise<{ ms: number; summary: Locator; memoryBefore: string | null }> {
  await page.goto(url + '/data');
  await page.waitForSelector('#app[data-state=ready]', { timeout: 120_000 });
  const memoryBefore = await page.locator('[data-testid=engine-memory]').getAttribute('data-used');
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=import-input]', path);
  const summary = page.locator('[data-testid=import-summary]');
  await summary.waitFor({ timeout: 1_200_000 });
  return { ms: Date.now() - t0, summary, memoryBefore };
}

/** The import bench's file through the Data view, in a fresh browser. */
async function dataViewImport(path: string): Promise<ImportRun> {
  const server = await startPreview();
  const chrome = await launchChromium();
  try {
    const { ms, summary } = await importThroughDataView(await chrome.newPage({ viewport: { width: 1366, height: 768 } }), server.url, path);
    return { ms, peakHeap: 0, result: { rows: Number(await summary.getAttribute('data-rows')) } };
  } finally {
    await chrome.close();
    await server.stop();
  }
}

async function importBench(): Promise<Record<string, { bytes: number; app: ImportRun; dataView?: ImportRun; papaparse: ImportRun; ceiling: ImportRun; native: ImportRun }>> {
  const dir = tmpdir();
  const utf8 = join(dir, 'bench-utf8.csv');
  const utf8Bytes = await writeLongCsv(utf8, Number(process.env.BENCH_IMPORT_MB ?? 100) * 1e6);
  const zh = join(dir, 'bench-zh-utf8.csv');
  // Chinese text shrinks by about a third from UTF-8 to GB18030: aim the UTF-8 file above the target.
  await writeLongCsv(zh, (Number(process.env.BENCH_GBK_MB ?? 30) * 1e6) / 0.7, true);
  const gbk = toGb18030(zh, dir);
  const files = { 'UTF-8 long': { path: utf8, bytes: utf8Bytes }, 'GB18030 long': { path: gbk, bytes: statSync(gbk).size } };

  const server = await startPreview(undefined, 'dist-bench');
  const chrome = await launchChromium(['--enable-precise-memory-info']);
  const out: Awaited<ReturnType<typeof importBench>> = {};
  try {
    const page = await chrome.newPage();
    await page.goto(server.url + '/harness.html');
    await page.waitForFunction('document.getElementById("status").textContent === "ready"');
    await page.evaluate(`(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'f'; document.body.append(i); })()`);
    const run = async (kind: string, path: string, encoding = 'utf-8'): Promise<ImportRun> => {
      await page.setInputFiles('#f', path);
      return page.evaluate(`window.hqdBench.${kind}(document.getElementById('f').files[0], '${encoding}')`) as Promise<ImportRun>;
    };
    // Warm each engine once on a small file so start-up is not counted as import time.
    const warm = join(dir, 'bench-warm.csv');
    await writeLongCsv(warm, 200_000);
    for (const kind of ['ceiling', 'app']) await run(kind, warm);
    for (const [name, f] of Object.entries(files)) {
      const encoding = name.startsWith('GB') ? 'gb18030' : 'utf-8';
      const native = await nativeReadCsv(f.path, encoding === 'utf-8' ? 'utf-8' : 'latin-1');
      out[name] = {
        bytes: f.bytes,
        ceiling: await run('ceiling', f.path, encoding),
        papaparse: await run('papaparse', f.path, encoding),
        app: await run('app', f.path),
        native: { ms: native.ms, peakHeap: 0, result: { rows: native.rows } },
      };
    }
  } finally {
    await chrome.close();
    await server.stop();
  }
  for (const [name, f] of Object.entries(files)) (out[name] as (typeof out)[string]).dataView = await dataViewImport(f.path);
  return out;
}
const imports = process.env.BENCH_SKIP_IMPORT ? {} : await importBench();

// Interaction latency on 1,000,000 and 10,000,000 observations: from a control change to the last
// chart drawn.
async function interactionBench(total: number): Promise<Record<string, { median: number; p95: number; samples: number }>> {
  const path = join(tmpdir(), `bench-hierarchical-${total}.csv`);
  await writeHierarchicalCsv(path, total);
  const server = await startPreview();
  const chrome = await launchChromium();
  const out: Record<string, { median: number; p95: number; samples: number }> = {};
  try {
    const page = await chrome.newPage({ viewport: { width: 1920, height: 1080 } });
    const { ms: importMs, summary, memoryBefore } = await importThroughDataView(page, server.url, path);
    // The Data view's memory line is read again once the dataset is listed. The views measured
    // below open after a navigation: they read the upload in place from its snapshot.
    // Polled: waitForFunction compiles its predicate in the page, which the CSP refuses.
    for (const t = Date.now(); Date.now() - t < 30_000; await page.waitForTimeout(100))
      if ((await page.locator('[data-testid=engine-memory]').getAttribute('data-used')) !== memoryBefore) break;
    const memory = Number(await page.locator('[data-testid=engine-memory]').getAttribute('data-used'));
    out.import = { median: importMs, p95: memory, samples: statSync(path).size };
    const id = await summary.getAttribute('data-dataset');
    const rows = Number(await summary.getAttribute('data-rows'));
    if (rows !== total) throw new Error(`bench dataset imported ${rows} rows, expected ${total}`);
    const indicators = Array.from({ length: 20 }, (_, i) => `u:指标${String(i + 1).padStart(2, '0')}`);
    const years = Array.from({ length: 10 }, (_, i) => String(2025 - i));
    const record = (name: string, times: number[]) => (out[name] = { median: percentile(times, 50), p95: percentile(times, 95), samples: times.length });

    await page.goto(`${server.url}/?datasets=${encodeURIComponent(id ?? '')}`);
    await page.waitForSelector('#app[data-state=ready]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=chart][data-kind=line]');
    await measureSelect(page, '[data-testid=indicator-picker]', indicators.slice(0, 2)); // warm-up
    record('overview: indicator', await measureSelect(page, '[data-testid=indicator-picker]', [...indicators, ...indicators]));
    record('overview: period', await measureSelect(page, '[data-testid=period-picker]', [...years, ...years]));

    await page.goto(`${server.url}/district/${encodeURIComponent('u:区县01')}?datasets=${encodeURIComponent(id ?? '')}`);
    await page.waitForSelector('[data-testid=score]', { timeout: 120_000 });
    await measureSelect(page, '[data-testid=scorecard-period]', years.slice(0, 2));
    record('district: period', await measureSelect(page, '[data-testid=scorecard-period]', [...years, ...years]));

    const entities = Array.from({ length: 25 }, (_, d) => `u:区县${String(d + 1).padStart(2, '0')}`).join(',');
    await page.goto(`${server.url}/compare?datasets=${encodeURIComponent(id ?? '')}&entities=${encodeURIComponent(entities)}`);
    await page.waitForSelector('[data-testid=chart]', { timeout: 120_000 });
    await measureSelect(page, '[data-testid=compare-indicator]', indicators.slice(0, 2));
    record('compare: indicator', await measureSelect(page, '[data-testid=compare-indicator]', [...indicators, ...indicators]));
  } finally {
    await chrome.close();
    await server.stop();
  }
  return out;
}
const interactions: Record<string, { median: number; p95: number; samples: number }> = {};
if (!process.env.BENCH_SKIP_INTERACTION)
  for (const total of process.env.BENCH_SKIP_TEN_MILLION ? [1e6] : [1e6, 1e7])
    for (const [name, r] of Object.entries(await interactionBench(total))) interactions[`${total / 1e6}M observations, ${name}`] = r;

// Reload with 1 M and 10 M observations saved (BENCH_RESTART_ROWS), against an empty reload.
async function restarts(): Promise<RestartResult[]> {
  const server = await startPreview();
  const chrome = await launchChromium();
  try {
    const sizes = (process.env.BENCH_RESTART_ROWS ?? '1000000,10000000').split(',').map(Number);
    return await restartBench(chrome, server.url, sizes, Math.max(3, Math.min(RUNS, 5)));
  } finally {
    await chrome.close();
    await server.stop();
  }
}
const restart = process.env.BENCH_SKIP_RESTART ? [] : await restarts();

// A Present show left running: 1,000 slide changes of the default show at 0.1 s per slide
// (BENCH_SOAK_CHANGES to change), live chart instances and the heap after the first cycle and at the end.
async function soakBench(): Promise<SoakResult> {
  const server = await startPreview();
  const chrome = await launchChromium();
  try {
    const page = await chrome.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/present?sec=0.1`);
    return await runPresentSoak(page, Number(process.env.BENCH_SOAK_CHANGES ?? 1000));
  } finally {
    await chrome.close();
    await server.stop();
  }
}
const soak = process.env.BENCH_SKIP_SOAK ? null : await soakBench();

const stability = stabilityBench();
const pick = (f: (s: (typeof samples)[number]) => number) => Math.round(median(samples.map(f)));
const size = sizes(new Set(samples.flatMap((s) => s.cold.scripts)));
const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  startup: {
    baselinePaintMs: pick((s) => s.baselinePaint),
    engineFloorMs: Math.round(median(floors)),
    shellPaintMs: pick((s) => s.cold.shellPaint),
    coldShellMountedMs: pick((s) => s.cold.mounted),
    coldWasmInstantiatedMs: pick((s) => s.cold.instantiated),
    coldDbOpenedMs: pick((s) => s.cold.opened),
    coldEngineStartedMs: pick((s) => s.cold.engineStarted),
    coldDataLoadedMs: pick((s) => s.cold.dataLoaded),
    coldReadyMs: pick((s) => s.cold.ready),
    warmShellPaintMs: pick((s) => s.warm.shellPaint),
    warmReadyMs: pick((s) => s.warm.ready),
  },
  sizes: size,
  interactions,
  restart,
  presentSoak: soak,
  rankStability: stability,
  imports: Object.fromEntries(
    Object.entries(imports).map(([name, r]) => [
      name,
      {
        megabytes: r.bytes / 1e6,
        appMBps: r.bytes / 1e3 / r.app.ms,
        papaparseMBps: r.bytes / 1e3 / r.papaparse.ms,
        ceilingMBps: r.bytes / 1e3 / r.ceiling.ms,
        nativeMBps: r.bytes / 1e3 / r.native.ms,
        appVsPapaparse: r.papaparse.ms / r.app.ms,
        appVsCeiling: r.ceiling.ms / r.app.ms,
        appVsNative: r.native.ms / r.app.ms,
        dataViewMBps: r.dataView ? r.bytes / 1e3 / r.dataView.ms : null,
        dataViewVsCeiling: r.dataView ? r.ceiling.ms / r.dataView.ms : null,
        dataViewVsNative: r.dataView ? r.native.ms / r.dataView.ms : null,
        appPeakHeapMB: r.app.peakHeap / 1e6,
        engineMemoryMB: (r.app.result.engineMemory ?? 0) / 1e6,
        papaparsePeakHeapMB: r.papaparse.peakHeap / 1e6,
        rows: { app: r.app.result.rows, dataView: r.dataView?.result.rows ?? null, papaparse: r.papaparse.result.rows, ceiling: r.ceiling.result.rows, native: r.native.result.rows },
      },
    ]),
  ),
  budgets: { shellPaintMs: 300, coldReadyMs: 2000, startJsGzipBytes: 400 * 1024, importUtf8MBps: 70, importVsPapaparse: 5, importVsCeiling: 0.7 },
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: [string, string, string][] = [
  ['static page first paint (baseline)', `${result.startup.baselinePaintMs} ms`, '1.00×'],
  ['shell painted (cold)', `${result.startup.shellPaintMs} ms`, `${(result.startup.shellPaintMs / result.startup.baselinePaintMs).toFixed(2)}× baseline · budget 300 ms`],
  ['shell mounted (cold)', `${result.startup.coldShellMountedMs} ms`, ''],
  ['wasm instantiated (cold)', `${result.startup.coldWasmInstantiatedMs} ms`, ''],
  ['database opened (cold)', `${result.startup.coldDbOpenedMs} ms`, ''],
  ['engine started (cold)', `${result.startup.coldEngineStartedMs} ms`, ''],
  ['sample loaded (cold)', `${result.startup.coldDataLoadedMs} ms`, ''],
  ['DuckDB-wasm start, bare page (floor)', `${result.startup.engineFloorMs} ms`, 'same wasm, worker and settings; one query'],
  ['data-state=ready (cold)', `${result.startup.coldReadyMs} ms`, `${(result.startup.coldReadyMs / result.startup.engineFloorMs).toFixed(2)}× engine floor · goal ≤ 1.30×`],
  ['shell painted (warm reload)', `${result.startup.warmShellPaintMs} ms`, ''],
  ['data-state=ready (warm reload)', `${result.startup.warmReadyMs} ms`, `${(result.startup.warmReadyMs / result.startup.coldReadyMs).toFixed(2)}× cold`],
  ['app JavaScript at start (gzip)', kb(size.startJsGzip), `${kb(size.startJs)} raw · budget 400 KB gzip · what a cold start to the overview fetches`],
  ['app JavaScript, all (gzip)', kb(size.appJsGzip), `${kb(size.appJs)} raw · every view and worker, most loaded only when used`],
  ['DuckDB worker JS (gzip)', kb(size.engineWorkerJsGzip), `${kb(size.engineWorkerJs)} raw`],
  ['DuckDB wasm eh (gzip)', kb(size.wasmGzip), `${kb(size.wasm)} raw · ${(size.wasmGzip / size.startJsGzip).toFixed(1)}× app JS at start`],
];
rows.push([`rank ranges, ${stability.entities} × ${stability.indicators} × 1,000 draws`, `${Math.round(stability.ms)} ms`, 'the worker\'s function, in Node · budget 300 ms']);
for (const [name, r] of Object.entries(result.imports)) {
  rows.push(
    [
      `import ${name} ${r.megabytes.toFixed(0)} MB: app's import, not saved`,
      `${r.appMBps.toFixed(1)} MB/s`,
      `${r.appVsCeiling.toFixed(2)}× wasm read_csv (goal ≥ 0.60×) · ${r.appVsNative.toFixed(2)}× native (goal ≥ 0.45×) · ${r.appVsPapaparse.toFixed(2)}× papaparse · peak heap ${r.appPeakHeapMB.toFixed(0)} MB · engine memory after it ${r.engineMemoryMB.toFixed(0)} MB · ${r.rows.app} rows`,
    ],
    [
      `import ${name}: through the Data view, saved`,
      r.dataViewMBps === null ? 'not run' : `${r.dataViewMBps.toFixed(1)} MB/s`,
      r.dataViewVsCeiling === null ? '' : `${r.dataViewVsCeiling.toFixed(2)}× wasm read_csv · ${r.dataViewVsNative?.toFixed(2)}× native · until the summary: the file and its snapshot saved in IndexedDB too · ${r.rows.dataView} rows`,
    ],
    [`import ${name}: papaparse → Arrow → DuckDB`, `${r.papaparseMBps.toFixed(1)} MB/s`, `peak heap ${r.papaparsePeakHeapMB.toFixed(0)} MB · ${r.rows.papaparse} rows`],
    [`import ${name}: read_csv ceiling`, `${r.ceilingMBps.toFixed(1)} MB/s`, `${r.rows.ceiling} rows`],
    [`import ${name}: native read_csv, 1 thread`, `${r.nativeMBps.toFixed(1)} MB/s`, `@duckdb/node-api · ${r.rows.native} rows`],
  );
}
{
  const utf8 = result.imports['UTF-8 long'];
  const gbk = result.imports['GB18030 long'];
  if (utf8 && gbk) rows.push(['import GB18030 beside UTF-8', `${(gbk.appMBps / utf8.appMBps).toFixed(2)}×`, 'the app\'s MB/s of each file · goal ≥ 0.50×']);
}
for (const [name, r] of Object.entries(result.interactions)) {
  // The import entry carries its time, the engine's memory after it and the file's bytes.
  if (name.endsWith(', import')) rows.push([name + ' through the Data view, saved', `${(r.median / 1000).toFixed(1)} s`, `${(r.samples / 1e3 / r.median).toFixed(1)} MB/s of a ${(r.samples / 1e6).toFixed(0)} MB file · engine memory after it ${(r.p95 / 1e6).toFixed(0)} MB`]);
  else rows.push([name, `${Math.round(r.median)} ms`, `p95 ${Math.round(r.p95)} ms · budget p95 ${name.startsWith('10M') ? 300 : 150} ms · ${r.samples} changes`]);
}
for (const r of restart) {
  const m = r.rows >= 1e6 ? `${r.rows / 1e6} M` : `${r.rows / 1e3} k`;
  if (r.savedReadyMs === null) rows.push([`reload with ${m} observations saved`, 'failed', r.error ?? '']);
  else
    rows.push([
      `reload with ${m} observations saved`,
      `${Math.round(r.savedReadyMs)} ms`,
      `${(r.savedReadyMs / r.emptyReadyMs).toFixed(2)}× empty reload (${Math.round(r.emptyReadyMs)} ms) · goal ≤ ${r.rows >= 1e7 ? '2.00' : '1.30'}× · snapshot ${r.snapshotMB?.toFixed(1)} MB of a ${r.fileMB.toFixed(0)} MB file · import ${r.importSeconds?.toFixed(0)} s`,
    ]);
}
if (soak) {
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  const ratio = (a: number, b: number) => `${(b / a).toFixed(3)}×`;
  rows.push(
    [`present: ${soak.changes} slide changes`, `${soak.seconds.toFixed(0)} s`, `${soak.slides} slides a cycle · live ECharts instances max ${soak.maxLiveCharts}, at end ${soak.liveChartsAtEnd}`],
    ['present: heap after first cycle', mb(soak.afterFirstCycle.used), `objects ${mb(soak.afterFirstCycle.data)} · compiled code ${mb(soak.afterFirstCycle.code)}`],
    ['present: heap at end', mb(soak.atEnd.used), `${ratio(soak.afterFirstCycle.used, soak.atEnd.used)} first cycle · objects ${mb(soak.atEnd.data)} (${ratio(soak.afterFirstCycle.data, soak.atEnd.data)}, budget 1.10×) · code ${mb(soak.atEnd.code)}`],
  );
}
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nhqd-dashboard bench · median of ${RUNS} runs · 1920×1080 headless Chromium\n`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${note}`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
console.log('\nwritten: bench-results/latest.json');
