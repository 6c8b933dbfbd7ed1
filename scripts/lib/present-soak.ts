import type { CDPSession, Page } from 'playwright-core';

// Runs a Present show unattended and watches what a long meeting would: how many ECharts
// instances are alive at each slide change, and the JS heap (after garbage collection) once the
// first full cycle has played and again at the end. Shared by the browser test and `npm run bench`.

export interface HeapFigures {
  /** V8's used heap, bytes, as the DevTools memory panel reports it. */
  used: number;
  /** The part of it that is compiled code (bytecode, optimised code and their metadata). */
  code: number;
  /** Everything else: the objects a leak would be made of. */
  data: number;
}

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

/** Self sizes of the heap snapshot's nodes, split into compiled code and the rest. */
async function codeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const code = snap.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += width) if (snap.nodes[i + typeAt] === code) bytes += snap.nodes[i + sizeAt] ?? 0;
  return bytes;
}

/**
 * The heap with the show paused (so no slide is half-built), after three collections. V8 keeps
 * compiling hot functions for the first few hundred changes; that code is counted apart, so a
 * leak of objects is not hidden by it nor mistaken for it.
 */
async function measureHeap(page: Page): Promise<HeapFigures> {
  await page.keyboard.press('Space');
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const code = await codeBytes(cdp);
    return { used: usedSize, code, data: usedSize - code };
  } finally {
    await cdp.detach();
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
