import type { Page } from 'playwright-core';
import { mulberry32 } from '../sample/random';
import { heapAfterGc } from './heap';

// A person using the dashboard for hours, compressed: random navigation between every view,
// control changes, Present slides, and imports of small files that are later removed. After
// every action the app must settle with no error; at checkpoints the live ECharts instances must
// equal the chart boxes on screen that hold one (`data-drawn`: a chart out of sight is created
// later), so none leaked, and the heap is read after garbage collection.
// Shared by the browser test (sized for CI) and `npm run soak` (longer).

export interface LongRunCheckpoint {
  action: number;
  liveCharts: number;
  chartsOnScreen: number;
  /** JS heap after GC without compiled code (heap.ts), bytes, read on the Data view. */
  heap: number;
  /** Compiled code, bytes: it grows while V8 warms up, and is reported apart. */
  code: number;
}

export interface LongRunResult {
  seed: number;
  actions: number;
  counts: Record<string, number>;
  checkpoints: LongRunCheckpoint[];
  errors: string[];
  seconds: number;
}

async function settle(page: Page): Promise<void> {
  // Settled: the app is ready, no view is querying, and every view shows what its link asks
  // (`data-settled`: a view whose catalog is still coming is not busy yet, but not done either).
  // Polled with evaluate (the CSP refuses the eval that waitForFunction with a string would need).
  for (let i = 0; i < 300; i++) {
    const done = await page.evaluate(
      `document.querySelector('#app[data-state=ready]:not([data-navigating])') !== null && document.querySelector('[data-busy=true], [data-settled=false]') === null`,
    );
    if (done) return;
    await page.waitForTimeout(20);
  }
  throw new Error('the app did not settle within 6 s');
}


/** Goes to a view through the navigation when the control is not on screen. */
async function reach(page: Page, selector: string, nav: string): Promise<void> {
  if ((await page.locator(selector).count()) > 0) return;
  await page.locator(`[data-testid=${nav}]`).click();
  await settle(page);
}

async function pickOption(page: Page, selector: string, random: () => number, nav: string): Promise<boolean> {
  await reach(page, selector, nav);
  const select = page.locator(selector).first();
  if ((await select.count()) === 0 || (await select.isDisabled())) return false;
  const values = await select.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  if (values.length === 0) return false;
  await select.selectOption(values[Math.floor(random() * values.length)] as string);
  return true;
}

function smallCsv(n: number): string {
  const lines = ['地区,年份,长跑测试指标' + n];
  for (let i = 0; i < 6; i++) for (const y of [2023, 2024, 2025]) lines.push(`长跑地区${i},${y},${(n * 7 + i * 3 + y) % 100}`);
  return lines.join('\n');
}

/**
 * Drops a file on the Data view as a person drags one from the desktop. Not setInputFiles: the
 * file input's handle stays referenced by the DevTools protocol, and with it the whole detached
 * Data view of every visit, which would read as a leak of the app.
 */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/csv' }));
    document.querySelector('[data-testid=drop-zone]').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  })()`);
}

type Action = (page: Page, random: () => number, n: number) => Promise<boolean>;

const ACTIONS: [string, number, Action][] = [
  ['nav-overview', 3, async (p) => (await p.locator('[data-testid=nav-overview]').click(), true)],
  ['nav-compare', 2, async (p) => (await p.locator('[data-testid=nav-compare]').click(), true)],
  ['nav-data', 1, async (p) => (await p.locator('[data-testid=nav-data]').click(), true)],
  ['overview-indicator', 4, (p, r) => pickOption(p, '[data-testid=indicator-picker]', r, 'nav-overview')],
  ['overview-period', 2, (p, r) => pickOption(p, '[data-testid=period-picker]', r, 'nav-overview')],
  ['compare-indicator', 2, (p, r) => pickOption(p, '[data-testid=compare-indicator]', r, 'nav-compare')],
  [
    'district',
    3,
    async (p, r) => {
      const selector = 'main a[href^="/district/"], main a[href^="/branch/"]';
      await reach(p, selector, 'nav-overview');
      const links = p.locator(selector);
      const n = await links.count();
      if (n === 0) return false;
      await links.nth(Math.floor(r() * n)).click();
      return true;
    },
  ],
  [
    'present',
    1,
    async (p, r) => {
      await p.locator('[data-testid=nav-present]').click();
      await p.locator('[data-testid=present-slide]').waitFor();
      for (let i = 0, k = 1 + Math.floor(r() * 4); i < k; i++) await p.keyboard.press('ArrowRight');
      await p.keyboard.press('Escape');
      await p.locator('[data-testid=nav-overview]').waitFor();
      return true;
    },
  ],
  [
    'import',
    1,
    async (p, _r, n) => {
      await p.locator('[data-testid=nav-data]').click();
      await p.locator('[data-testid=drop-zone]').waitFor();
      await dropFile(p, `long-run-${n}.csv`, smallCsv(n));
      // The newest draft is this file's (the Data view lists drafts newest first).
      const draft = p.locator(`[data-testid=import-draft][data-file="long-run-${n}.csv"]`);
      const confirm = draft.locator('[data-testid=import-confirm]');
      const summary = draft.locator('[data-testid=import-summary]');
      await Promise.race([confirm.waitFor(), summary.waitFor()]);
      if (await confirm.isVisible()) await confirm.click();
      await summary.waitFor();
      return true;
    },
  ],
  [
    'remove-upload',
    1,
    async (p) => {
      await p.locator('[data-testid=nav-data]').click();
      await settle(p);
      const rows = p.locator('[data-testid=dataset-row][data-name^="long-run-"]');
      if ((await rows.count()) === 0) return false;
      const id = await rows.first().getAttribute('data-dataset');
      await p.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-remove]`).click();
      // Gone from the list, as the person sees it (the Data view is busy meanwhile, too).
      await p.locator(`[data-testid=dataset-row][data-dataset="${id}"]`).waitFor({ state: 'detached' });
      return true;
    },
  ],
];

/**
 * Growth of the heap in bytes per action: the least-squares slope through the checkpoints after
 * the first (which still carries the warm-up: code compiled, chunks loaded, the first drafts).
 * A leak of a few hundred bytes per action shows over a long run however the GC timing falls.
 */
export function heapSlope(checkpoints: readonly LongRunCheckpoint[]): number {
  const points = checkpoints.slice(1);
  if (points.length < 2) return 0;
  const mx = points.reduce((s, c) => s + c.action, 0) / points.length;
  const my = points.reduce((s, c) => s + c.heap, 0) / points.length;
  const sxy = points.reduce((s, c) => s + (c.action - mx) * (c.heap - my), 0);
  const sxx = points.reduce((s, c) => s + (c.action - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Runs `actions` random actions from a ready page; `errors` gathers page errors seen meanwhile. */
export async function runLongRun(page: Page, actions: number, seed: number, checkpointEvery = 250): Promise<LongRunResult> {
  // The sample generator's seeded generator: a failing run replays from its printed seed.
  const random = mulberry32(seed);
  const total = ACTIONS.reduce((s, a) => s + a[1], 0);
  const counts: Record<string, number> = {};
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const checkpoints: LongRunCheckpoint[] = [];
  const started = Date.now();
  for (let n = 1; n <= actions; n++) {
    let x = random() * total;
    const [name, , act] = ACTIONS.find((a) => (x -= a[1]) < 0) ?? (ACTIONS[0] as (typeof ACTIONS)[number]);
    let done: boolean;
    try {
      done = await act(page, random, n);
      await settle(page);
    } catch (error) {
      // Which action of the seeded run failed, so that it can be replayed and looked at.
      throw new Error(`action ${n} (${name}) of seed ${seed}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
    }
    counts[done ? name : `${name} (not possible here)`] = (counts[done ? name : `${name} (not possible here)`] ?? 0) + 1;
    if (n % checkpointEvery === 0 || n === actions) {
      // Both counts in one evaluate, so that they are of the same moment of the page.
      const { liveCharts, chartsOnScreen } = await page.evaluate(() => ({
        liveCharts: Number(document.getElementById('app')?.dataset.liveCharts ?? 0),
        chartsOnScreen: document.querySelectorAll('[data-testid=chart][data-drawn]').length,
      }));
      // The heap is read on one view every time (the Data view, no charts): read wherever the run
      // happens to be, a scorecard's twenty charts against an empty page would swamp any trend.
      await page.locator('[data-testid=nav-data]').click();
      await settle(page);
      const heap = await heapAfterGc(page);
      checkpoints.push({ action: n, liveCharts, chartsOnScreen, heap: heap.data, code: heap.code });
    }
  }
  page.off('pageerror', onError);
  return { seed, actions, counts, checkpoints, errors, seconds: (Date.now() - started) / 1000 };
}
