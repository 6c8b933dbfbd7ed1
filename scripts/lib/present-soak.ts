import type { Page } from 'playwright-core';
import { heapAfterGc, type HeapFigures } from './heap';

export type { HeapFigures };

// Runs a Present show unattended and watches what a long meeting would: how many ECharts
// instances are alive at each slide change, and the JS heap (after garbage collection) once the
// first full cycle has played and again at the end. Shared by the browser test and `npm run bench`.

export interface SoakResult {
  changes: number;
  slides: number;
  /** Most ECharts instances alive at once, sampled at every change. */
  maxLiveCharts: number;
  liveChartsAtEnd: number;
  afterFirstCycle: HeapFigures;
  atEnd: HeapFigures;
  seconds: number;
}

// Installed in the page: counts slide changes (each change mounts a new slide element) and the
// live chart count at each.
const WATCH = `(() => {
  const w = window;
  w.__soak = { changes: 0, maxLive: 0, last: null };
  new MutationObserver(() => {
    const slide = document.querySelector('[data-testid=present-slide]');
    if (slide && slide !== w.__soak.last) {
      if (w.__soak.last !== null) w.__soak.changes++;
      w.__soak.last = slide;
    }
    const live = Number(document.getElementById('app')?.getAttribute('data-live-charts') ?? 0);
    if (live > w.__soak.maxLive) w.__soak.maxLive = live;
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live-charts'] });
})()`;

/**
 * The heap with the show paused (so no slide is half-built), after three collections. V8 keeps
 * compiling hot functions for the first few hundred changes; that code is counted apart, so a
 * leak of objects is not hidden by it nor mistaken for it.
 */
async function measureHeap(page: Page): Promise<HeapFigures> {
  await page.keyboard.press('Space');
  await page.waitForTimeout(500);
  try {
    return await heapAfterGc(page);
  } finally {
    await page.keyboard.press('Space');
  }
}

// Polled with evaluate: waitForFunction with a string would need 'unsafe-eval', which our CSP refuses.
async function waitChanges(page: Page, n: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (((await page.evaluate('window.__soak.changes')) as number) < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} slide changes in ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
}

/** `page` must show a Present view that advances by itself (a short `sec`). */
export async function runPresentSoak(page: Page, changes: number, timeoutMs = 600_000): Promise<SoakResult> {
  await page.waitForSelector('[data-testid=present-slide]', { timeout: 60_000 });
  await page.evaluate(WATCH);
  const slides = Number((await page.locator('[data-testid=present-counter]').innerText()).split('/')[1]?.trim() ?? 0);
  const started = Date.now();
  await waitChanges(page, slides, timeoutMs);
  const afterFirstCycle = await measureHeap(page);
  await waitChanges(page, changes, timeoutMs);
  const seconds = (Date.now() - started) / 1000;
  const atEnd = await measureHeap(page);
  const soak = (await page.evaluate('({ changes: window.__soak.changes, maxLive: window.__soak.maxLive })')) as { changes: number; maxLive: number };
  const liveChartsAtEnd = Number((await page.getAttribute('#app', 'data-live-charts')) ?? 0);
  return { changes: soak.changes, slides, maxLiveCharts: soak.maxLive, liveChartsAtEnd, afterFirstCycle, atEnd, seconds };
}
