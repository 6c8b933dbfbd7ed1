import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { median } from './interaction';

// Reload with a researcher's upload saved, beside a reload with nothing saved, in the same fresh
// profile: the difference is what bringing the saved dataset back costs.

export interface RestartResult {
  rows: number;
  fileMB: number;
  importSeconds: number | null;
  /** The record's snapshot in IndexedDB, MB. */
  snapshotMB: number | null;
  emptyReadyMs: number;
  savedReadyMs: number | null;
  error: string | null;
}

/** `rows` observations, long form: 5,000 districts × 20 indicators × as many years as it takes. */
async function writeRowsCsv(rows: number): Promise<string> {
  const path = join(tmpdir(), `bench-restart-${rows}.csv`);
  if (existsSync(path) && statSync(path).size > rows * 20) return path;
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write('entity,indicator,period,value\n');
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `District ${i % 5000},indicator_${Math.floor(i / 5000) % 20},${2025 - Math.floor(i / 100_000)},${(next() * 1000).toFixed(2)}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  return path;
}

const readyAt = (page: Page) => page.evaluate(`performance.getEntriesByName('hqd:ready')[0]?.startTime ?? NaN`) as Promise<number>;

async function reloads(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.waitForSelector('#app[data-state=ready]', { timeout: 300_000 });
    times.push(await readyAt(page));
  }
  return times;
}

const SNAPSHOT_BYTES = `new Promise((resolve) => {
  const open = indexedDB.open('hqd-dashboard');
  open.onsuccess = () => {
    const all = open.result.transaction('datasets').objectStore('datasets').getAll();
    all.onsuccess = () => { open.result.close(); resolve(all.result.reduce((s, r) => s + (r.snapshot ? r.snapshot.bytes.size : 0), 0)); };
  };
})`;

export async function restartBench(browser: Browser, url: string, sizes: readonly number[], runs: number): Promise<RestartResult[]> {
  const results: RestartResult[] = [];
  for (const rows of sizes) {
    const path = await writeRowsCsv(rows);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const result: RestartResult = { rows, fileMB: statSync(path).size / 1e6, importSeconds: null, snapshotMB: null, emptyReadyMs: NaN, savedReadyMs: null, error: null };
    try {
      await page.goto(url + '/data');
      await page.waitForSelector('#app[data-state=ready]', { timeout: 120_000 });
      result.emptyReadyMs = median(await reloads(page, runs));
      const t0 = Date.now();
      await page.setInputFiles('[data-testid=import-input]', path);
      const draft = page.locator('[data-testid=import-draft]').first();
      // Polled with evaluate: waitForFunction with a string needs the eval the CSP refuses.
      while (!['done', 'refused'].includes((await draft.getAttribute('data-status')) ?? '')) {
        if (Date.now() - t0 > 1_800_000) throw new Error('import did not finish within 30 minutes');
        await page.waitForTimeout(500);
      }
      if ((await draft.getAttribute('data-status')) !== 'done') throw new Error(`import refused: ${(await draft.locator('[data-testid=import-error]').innerText()).trim()}`);
      result.importSeconds = (Date.now() - t0) / 1000;
      result.snapshotMB = ((await page.evaluate(SNAPSHOT_BYTES)) as number) / 1e6;
      result.savedReadyMs = median(await reloads(page, runs));
      const listed = Number(await page.locator('[data-testid=dataset-row][data-rows]').last().getAttribute('data-rows'));
      if (listed !== rows) throw new Error(`after the reload the upload has ${listed} rows, expected ${rows}`);
    } catch (error) {
      result.error = error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error);
    } finally {
      await context.close();
    }
    results.push(result);
  }
  return results;
}
