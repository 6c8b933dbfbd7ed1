import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

async function datasetRows(page: Page) {
  return page.locator('[data-testid=dataset-row]').evaluateAll((rows) =>
    rows.map((r) => ({ name: r.getAttribute('data-name'), rows: Number(r.getAttribute('data-rows')) })),
  );
}

const upload = ['地区,年份,故障测试指标', ...['甲地', '乙地', '丙地'].flatMap((r, i) => [2023, 2024, 2025].map((y) => `${r},${y},${10 * i + y - 2020}`))].join('\n');

describe('faults', () => {
  it('when the DuckDB worker dies mid-session, says so, restarts the engine and restores every dataset', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: '故障测试.csv', mimeType: 'text/csv', buffer: Buffer.from(upload) }]);
    const confirm = w.page.locator('[data-testid=import-confirm]');
    const summary = w.page.locator('[data-testid=import-summary]');
    await Promise.race([confirm.waitFor(), summary.waitFor()]);
    if (await confirm.isVisible()) await confirm.click();
    await summary.waitFor();
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset-row]').length === 5);
    const before = await datasetRows(w.page);
    expect(before.find((d) => d.name === '故障测试')?.rows).toBe(9);

    // Kill the engine's worker from inside, as a crash would: no error event, no answer ever again.
    const engineWorker = w.page.workers().find((x) => x.url().includes('duckdb-worker'));
    expect(engineWorker, 'the DuckDB worker').toBeDefined();
    await engineWorker!.evaluate('self.close()');

    const notice = w.page.locator('[data-testid=engine-recovery]');
    await notice.and(w.page.locator('[data-phase=restarting]')).waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toContain('分析引擎意外停止');
    await notice.and(w.page.locator('[data-phase=restored]')).waitFor({ timeout: 90_000 });
    expect(await notice.innerText()).toContain('1 个导入的数据集已恢复');
    mkdirSync('test-results', { recursive: true });
    await w.page.screenshot({ path: 'test-results/engine-restored.png' });
    await waitReady(w.page);
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid=dataset-row]').length === 5);
    expect(await datasetRows(w.page)).toEqual(before);

    // The session goes on: the upload and the sample are queried on the new engine.
    const id = await w.page.locator('[data-testid=dataset-row][data-name=故障测试]').getAttribute('data-dataset');
    await w.page.locator('[data-testid=nav-overview]').click();
    await w.page.locator('[data-testid=chart][data-kind=line]').first().waitFor();
    await w.page.goto(new URL(`/?datasets=${encodeURIComponent(id ?? '')}`, w.page.url()).href);
    await waitReady(w.page);
    await expect.poll(() => w.page.locator('[data-testid=chart][data-kind=line]').first().getAttribute('data-points')).toBe('9');
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await w.context.close();
  });
});
