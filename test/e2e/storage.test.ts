import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const csv = ['地区,年份,存储测试指标', ...Array.from({ length: 400 }, (_, i) => `地区${i},${2000 + (i % 20)},${i}.5`)].join('\n');

describe('browser storage on the Data view', () => {
  it('shows what the saved data takes and what is left, and counts a new upload in', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const figures = w.page.locator('[data-testid=storage-figures]');
    await figures.waitFor();
    expect(await figures.innerText()).toMatch(/^浏览器存储：本站已用 [\d.]+ (KB|MB|GB)，尚可再存 [\d.]+ (KB|MB|GB)。/);
    const before = Number(await figures.getAttribute('data-used'));
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: '存储测试.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    const confirm = w.page.locator('[data-testid=import-confirm]');
    const summary = w.page.locator('[data-testid=import-summary]');
    await Promise.race([confirm.waitFor(), summary.waitFor()]);
    if (await confirm.isVisible()) await confirm.click();
    await summary.waitFor();
    // The upload (its file and mapping) is saved in IndexedDB: the figure grows by at least the file.
    await expect.poll(async () => Number(await figures.getAttribute('data-used')) - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(Buffer.byteLength(csv) / 2);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
