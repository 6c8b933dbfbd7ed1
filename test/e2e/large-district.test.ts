import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openPage, waitReady } from './support/app';
import { csvFile, datasetRows, expectNoErrors, settledDraft } from './support/imports';

afterAll(closeBrowser);

// A district of 300 branches: more entities than a view fetches as rows, so its scorecard holds
// its observations as codes (src/queries/view-cache.ts) and answers a period change from them.
// What the page shows must be what the file says.

const BRANCHES = 300;
const own = { 2022: 50.5, 2023: 60.5, 2024: 72 } as const;
const branchValue = (b: number, year: number) => 10 + b + (year - 2022) * 0.5;

function districtCsv(): string {
  const lines = ['区县,支部,指标,年份,数值'];
  for (const [year, value] of Object.entries(own)) lines.push(`大区,,大区指标,${year},${value}`);
  for (let b = 1; b <= BRANCHES; b++) for (const year of [2022, 2023, 2024]) lines.push(`大区,大区第${b}支部,大区指标,${year},${branchValue(b, year)}`);
  return lines.join('\n') + '\n';
}

describe('a district of hundreds of branches', () => {
  it('shows its own values and every branch, follows a period change, and is not called sample data', async () => {
    const w = await openPage('/data', { width: 1366, height: 768 });
    await waitReady(w.page);
    // The sample is in view here: it is marked so, in the header and under the page.
    expect(await w.page.locator('[data-testid=sample-badge]').count()).toBe(1);
    expect(await w.page.locator('[data-testid=sample-note]').innerText()).toContain('示例数据为合成数据');
    await w.page.setInputFiles('[data-testid=import-input]', [csvFile('大区.csv', districtCsv())]);
    expect(await (await settledDraft(w.page, '大区.csv', 60_000)).getAttribute('data-status')).toBe('done');
    const dataset = (await datasetRows(w.page)).find((r) => r.name === '大区');
    expect(dataset?.rows).toBe(3 + 3 * BRANCHES);

    await w.page.goto(`${baseUrl()}/district/${encodeURIComponent('u:大区')}?datasets=${encodeURIComponent(dataset!.id)}&period=2024`);
    await waitReady(w.page);
    const tile = w.page.locator('[data-testid=kpi]').first();
    await expect.poll(() => tile.innerText(), { timeout: 30_000 }).toContain('72.0');
    expect(await tile.locator('[data-testid=kpi-against]').innerText()).toContain('+11.5');
    // Only the upload is in view: nothing on the page says it is synthetic sample data.
    expect(await w.page.locator('[data-testid=sample-badge], [data-testid=sample-note]').count()).toBe(0);

    const more = w.page.locator('[data-testid=descendant-more]');
    expect(await more.innerText()).toContain(String(BRANCHES));
    await w.page.click('[data-testid=descendant-show-all]');
    const rows = w.page.locator('[data-testid=descendant-row]');
    await expect.poll(() => rows.count()).toBe(BRANCHES);
    await w.page.fill('[data-testid=descendant-search]', '大区第123支部');
    await expect.poll(() => rows.count()).toBe(1);

    await w.page.selectOption('[data-testid=scorecard-period]', '2023');
    await expect.poll(() => tile.innerText()).toContain('60.5');
    expect(await tile.locator('[data-testid=kpi-against]').innerText()).toContain('+10.0');
    // The branch's page, opened from the table, shows its own value of that year.
    await rows.first().locator('a').click();
    await w.page.waitForURL(/\/branch\//);
    await expect.poll(() => w.page.locator('[data-testid=kpi]').first().innerText()).toContain(branchValue(123, 2023).toFixed(1));
    await expectNoErrors(w);
    await w.context.close();
  }, 120_000);
});
