import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MILLION_ROWS, millionCsv } from '../support/million-csv';
import { closeBrowser, openPage, waitReady } from './support/app';
import { csvFile, datasetRows, expectNoErrors, settledDraft } from './support/imports';

afterAll(closeBrowser);

// A million observations (36 MB) through the Data view: the progress says how far DuckDB has read
// into the file, about how many rows that is and how long is left; the dataset then holds every
// row, and the engine's memory line shows what they take.

const ROWS = MILLION_ROWS;

/** Records every state of the progress line into `window.__read`, from now on. */
function recordProgress(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { __read: Seen[] }).__read = seen;
    new MutationObserver(() => {
      const line = document.querySelector<HTMLElement>('[data-testid=import-progress][data-read]');
      if (!line) return;
      seen.push({
        read: Number(line.dataset.read),
        size: Number(line.dataset.size),
        text: line.querySelector('[data-testid=import-read]')?.textContent ?? '',
        eta: line.dataset.eta !== undefined,
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-read', 'data-eta'] });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __read: Seen[] }).__read);

interface Seen {
  read: number;
  size: number;
  text: string;
  eta: boolean;
}

describe('a large import', () => {
  it('shows the bytes and rows read and the time left, then holds every row, read in place, in little memory', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    // Every state of the progress line, recorded as it changes: a test that looked now and then
    // could miss a fast import's progress altogether.
    await recordProgress(w.page);
    const memoryLine = w.page.locator('[data-testid=engine-memory]');
    await memoryLine.waitFor();
    const usedBefore = Number(await memoryLine.getAttribute('data-used'));
    const versionBefore = await memoryLine.getAttribute('data-version');
    const bytes = Buffer.from(millionCsv());
    await w.page.setInputFiles('[data-testid=import-input]', [csvFile('百万行.csv', bytes)]);
    const draft = await settledDraft(w.page, '百万行.csv', 180_000);
    expect(await draft.getAttribute('data-status')).toBe('done');
    expect((await datasetRows(w.page)).find((r) => r.name === '百万行')?.rows).toBe(ROWS);
    // Once saved, the million rows are read from their snapshot, not held in the engine's own
    // table (where they took more than 10 MB): the memory line, read again after the import,
    // shows little more than before.
    await expect.poll(() => memoryLine.getAttribute('data-version'), { timeout: 30_000 }).not.toBe(versionBefore);
    expect(Number(await memoryLine.getAttribute('data-used')) - usedBefore).toBeLessThan(5 * 1024 ** 2);
    expect(await memoryLine.innerText()).toMatch(/^分析引擎内存：已用 [\d.]+ (?:MB|GB)，上限 [\d.]+ (?:MB|GB)。$/);

    const seen = await progressSeen(w.page);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.size))).toEqual(new Set([bytes.length]));
    // Both passes over the file were shown, each as far as the end of the file.
    const texts = seen.map((s) => s.text);
    expect(texts.some((t) => t.startsWith('第 1 遍（共 2 遍）'))).toBe(true);
    expect(texts.some((t) => t.startsWith('第 2 遍（共 2 遍）'))).toBe(true);
    expect(Math.max(...seen.map((s) => s.read))).toBe(bytes.length);
    const last = texts.filter((t) => t.startsWith('第 2 遍')).at(-1) ?? '';
    // At the end of the file, the rows estimated from the sniffed start are near the truth (this
    // file's records grow longer as its values gain digits: the start has the shortest).
    const rows = Number(/约 ([\d,]+) 行/.exec(last)?.[1]?.replace(/,/g, ''));
    expect(Math.abs(rows - ROWS) / ROWS).toBeLessThan(0.1);
    expect(seen.some((s) => s.eta) && texts.some((t) => /剩余约 \d+ (?:分 \d+ )?秒/.test(t))).toBe(true);
    await expectNoErrors(w);
    await w.context.close();
  }, 240_000);

  it('stops in the middle of reading the file when cancelled, and changes nothing', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const before = await datasetRows(w.page);
    await recordProgress(w.page);
    // Two million rows (75 MB): the first pass alone takes seconds, so the cancel lands inside it.
    const path = join(tmpdir(), 'hqd-two-million.csv');
    writeFileSync(path, millionCsv(2 * ROWS));
    await w.page.setInputFiles('[data-testid=import-input]', path);
    await w.page.waitForFunction(() => ((window as unknown as { __read: Seen[] }).__read ?? []).some((s) => s.read > 0), null, { timeout: 120_000 });
    await w.page.click('[data-testid=import-cancel]');
    await w.page.locator('[data-testid=import-cancelled]').waitFor({ timeout: 120_000 });
    const seen = await progressSeen(w.page);
    // Interrupted where it was: the first pass never reached the end of the file, no second began.
    expect(Math.max(...seen.map((s) => s.read))).toBeLessThan(seen[0]?.size ?? 0);
    expect(seen.some((s) => s.text.startsWith('第 2 遍'))).toBe(false);
    expect(await datasetRows(w.page)).toEqual(before);
    // The engine goes on: a small file imports at once.
    await w.page.setInputFiles('[data-testid=import-input]', [csvFile('取消之后.csv', '地区,年份,指标,数值\n东湖区,2023,取消之后指标,1\n')]);
    expect(await (await settledDraft(w.page, '取消之后.csv')).getAttribute('data-status')).toBe('done');
    await expectNoErrors(w);
    await w.context.close();
  }, 240_000);
});
