// `npm run soak`: the long runs, larger than CI affords. Builds and serves the app, then drives
//   1. a session of random navigation, control changes, Present slides and imports
//      (SOAK_ACTIONS, default 2,000; SOAK_SEED, default 20251123), and
//   2. a Present show at 0.1 s per slide (SOAK_CHANGES, default 3,000 slide changes),
// and prints what a leak or a fault would show: errors, live chart instances, the heap.
import { spawnSync } from 'node:child_process';
import { launchChromium } from './lib/chromium';
import { heapSlope, runLongRun } from './lib/long-run';
import { runPresentSoak } from './lib/present-soak';
import { ROOT, startPreview } from './lib/preview';

const ACTIONS = Number(process.env.SOAK_ACTIONS ?? 2000);
const SEED = Number(process.env.SOAK_SEED ?? 20251123);
const CHANGES = Number(process.env.SOAK_CHANGES ?? 3000);
const EVERY = Number(process.env.SOAK_CHECKPOINT ?? 100);
/** Heap growth allowed per action: imports that are kept and the finished drafts listed, not a leak. */
const SLOPE_BUDGET = 2000;

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const preview = await startPreview();
const browser = await launchChromium();
const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
let failed = false;
try {
  console.log(`session: ${ACTIONS} random actions, seed ${SEED}`);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${preview.url}/`);
  await page.waitForSelector('#app[data-state=ready]', { timeout: 60_000 });
  const run = await runLongRun(page, ACTIONS, SEED, EVERY);
  console.log(`  ${run.seconds.toFixed(0)} s · ${JSON.stringify(run.counts)}`);
  for (const c of run.checkpoints) console.log(`  #${c.action}: live charts ${c.liveCharts}, charts on screen ${c.chartsOnScreen}, objects ${mb(c.heap)}, code ${mb(c.code)}`);
  console.log(`  errors: ${run.errors.length === 0 ? 'none' : run.errors.join(' | ')}`);
  const leaked = run.checkpoints.filter((c) => c.liveCharts !== c.chartsOnScreen);
  const slope = heapSlope(run.checkpoints);
  console.log(`  heap growth: ${(slope / 1000).toFixed(2)} KB per action (least squares after the first checkpoint; budget ${SLOPE_BUDGET / 1000} KB)`);
  failed ||= run.errors.length > 0 || leaked.length > 0 || slope > SLOPE_BUDGET;
  await page.close();

  console.log(`present: ${CHANGES} slide changes at 0.1 s`);
  const show = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await show.goto(`${preview.url}/present?sec=0.1`);
  const soak = await runPresentSoak(show, CHANGES, 3_600_000);
  console.log(`  ${soak.changes} changes over ${soak.slides} slides in ${soak.seconds.toFixed(0)} s · live charts max ${soak.maxLiveCharts}, at end ${soak.liveChartsAtEnd}`);
  console.log(`  heap after first cycle ${mb(soak.afterFirstCycle.used)} (objects ${mb(soak.afterFirstCycle.data)}, code ${mb(soak.afterFirstCycle.code)})`);
  console.log(`  heap at end            ${mb(soak.atEnd.used)} (objects ${mb(soak.atEnd.data)}, code ${mb(soak.atEnd.code)}) · objects ${(soak.atEnd.data / soak.afterFirstCycle.data).toFixed(3)}×`);
  failed ||= soak.atEnd.data > soak.afterFirstCycle.data * 1.1 || soak.maxLiveCharts > 2;
} finally {
  await browser.close();
  await preview.stop();
}
console.log(failed ? 'soak: FAILED' : 'soak: passed');
process.exit(failed ? 1 : 0);
