import { createWriteStream, existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * A hierarchical long file of `rows` observations (a multiple of 10,000): 25 districts with their
 * own values and branches under each (99 per district at 1,000,000 rows: 2,500 entities; 999 at
 * 10,000,000), 20 indicators, 20 years.
 */
export async function writeHierarchicalCsv(path: string, rows = 1_000_000): Promise<number> {
  const perDistrict = Math.max(1, Math.round(rows / (25 * 20 * 20)));
  const bytesPerRow = 34;
  if (existsSync(path) && Math.abs(statSync(path).size - rows * bytesPerRow) < rows * bytesPerRow * 0.25) return statSync(path).size;
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write('区县,支部,指标,年份,数值\n');
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let d = 1; d <= 25; d++) {
    const district = `区县${String(d).padStart(2, '0')}`;
    for (let b = 0; b < perDistrict; b++) {
      const branch = b === 0 ? '' : `${district}第${b}支部`;
      let chunk = '';
      for (let i = 1; i <= 20; i++)
        for (let y = 2006; y <= 2025; y++) chunk += `${district},${branch},指标${String(i).padStart(2, '0')},${y},${(40 + 40 * next() + (y - 2006)).toFixed(1)}\n`;
      await write(chunk);
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return statSync(path).size;
}

// Runs in the page: change a <select>, then wait until the view is no longer busy (its queries
// answered) and nothing has been drawn for 150 ms; the latency is from the change to the last
// chart drawn or the last change to the page, whichever is later. A district's period change
// redraws its tiles and tables, and a chart only where the chart's data changed.
const MEASURE = `async ([selector, value]) => {
  let changed = null;
  const observer = new MutationObserver(() => (changed = performance.now()));
  observer.observe(document.getElementById('app'), { subtree: true, childList: true, characterData: true, attributes: true });
  const t0 = performance.now();
  const el = document.querySelector(selector);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return await new Promise((resolve) => {
    const check = () => {
      const marks = performance.getEntriesByName('hqd:chart-drawn').filter((m) => m.startTime > t0);
      const drawn = marks.length ? marks[marks.length - 1].startTime : null;
      const newest = Math.max(drawn ?? -1, changed ?? -1);
      const busy = document.querySelector('[data-busy=true]') !== null;
      const done = (ms) => { observer.disconnect(); resolve(ms); };
      if (!busy && newest > t0 && performance.now() - newest > 150) done(newest - t0);
      else if (performance.now() - t0 > 15000) done(NaN);
      else setTimeout(check, 20);
    };
    check();
  });
}`;

export async function measureSelect(page: Page, selector: string, values: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const value of values) {
    const ms = (await page.evaluate(`(${MEASURE})(${JSON.stringify([selector, value])})`)) as number;
    times.push(ms);
  }
  return times;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
