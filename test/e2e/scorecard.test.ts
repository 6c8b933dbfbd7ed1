import { afterAll, describe, expect, it } from 'vitest';
import { latestAtOrBefore, readSampleRows, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';
import { csvFile } from './support/imports';

afterAll(closeBrowser);

const observations = sampleObservations();
const entities = readSampleRows('entities.csv');

describe('district and branch scorecards', () => {
  it('opens a district from the overview ranking, with its indices, tiles, trends and branches', async () => {
    const w = await openPage('/?period=2025', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const first = w.page.locator('[data-testid=score]').first();
    const id = await first.getAttribute('data-entity');
    const composite = await first.getAttribute('data-composite');
    await first.locator('a').click();
    await w.page.waitForURL(new RegExp(`/district/${id}\\?period=2025`));
    const district = entities.find((e) => e.entity_id === id)!;
    await w.page.getByRole('heading', { level: 1, name: new RegExp(district.name as string) }).waitFor();
    // The same composite as on the overview: one method, one set of peers.
    const score = w.page.locator(`[data-testid=score][data-entity="${id}"]`);
    expect(await score.getAttribute('data-composite')).toBe(composite);

    const tile = w.page.locator('[data-testid=kpi][data-indicator=public_satisfaction]');
    const [latest] = latestAtOrBefore(observations, id!, 'public_satisfaction', 2025);
    const yearAgo = observations.find((o) => o.entity_id === id && o.indicator_id === 'public_satisfaction' && o.period === '2024H2');
    expect(await tile.innerText()).toContain(latest!.value.toFixed(1));
    const yoy = latest!.value - yearAgo!.value;
    expect(await tile.locator('[data-testid=kpi-yoy]').innerText()).toContain(`${yoy > 0 ? '+' : '-'}${Math.abs(yoy).toFixed(1)} 个百分点`);

    const trends = w.page.locator('.trends [data-testid=chart][data-kind=line]');
    const withData = new Set(observations.filter((o) => o.entity_id === id).map((o) => o.indicator_id));
    expect(await trends.count()).toBe(withData.size);

    const branches = entities.filter((e) => e.parent_id === id && e.level === 'branch');
    const rows = w.page.locator('[data-testid=descendant-row]');
    expect(await rows.count()).toBeGreaterThanOrEqual(branches.length);
    await w.page.fill('[data-testid=descendant-search]', branches[0]!.name as string);
    expect(await rows.count()).toBe(1);
    await rows.first().locator('a').click();
    await w.page.waitForURL(new RegExp(`/branch/${branches[0]!.entity_id}`));
    await w.page.locator(`[data-testid=score][data-entity="${branches[0]!.entity_id}"]`).waitFor();
    const crumbs = await w.page.getByRole('navigation', { name: '位置' }).innerText();
    expect(crumbs).toContain('云澜市');
    expect(crumbs).toContain(district.name as string);
    expect(crumbs).toContain(branches[0]!.name as string);
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await w.context.close();
  });
});

describe('printing a scorecard', () => {
  it('draws a trend chart below the fold with the new period once it is scrolled to, as a fresh page draws it', async () => {
    // Charts out of sight take a period change when they come into view (EChart.vue).
    const shoot = async (page: import('playwright-core').Page) => {
      const chart = page.locator('.trends__chart [data-testid=chart]').last();
      await chart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      return chart.screenshot();
    };
    const fresh = await openPage('/district/d01?period=2021', { width: 1366, height: 768 });
    await waitReady(fresh.page);
    const expected = await shoot(fresh.page);
    await fresh.context.close();

    const w = await openPage('/district/d01?period=2025', { width: 1366, height: 768 });
    await waitReady(w.page);
    const before = await shoot(w.page);
    expect(before.equals(expected), 'the 2025 chart differs from the 2021 one').toBe(false);
    // Back to the top, where the period is chosen: the chart is far out of sight.
    await w.page.locator('h1').scrollIntoViewIfNeeded();
    await w.page.waitForTimeout(300);
    expect(await w.page.locator('.trends__chart [data-testid=chart]').last().evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(1500);
    await w.page.locator('[data-testid=scorecard-period]').selectOption('2021');
    await w.page.waitForURL(/period=2021/);
    await w.page.locator('.entity[data-busy=false]').waitFor();
    expect((await shoot(w.page)).equals(expected)).toBe(true);
    await w.context.close();
  });

  it('prints on A4 without controls', async () => {
    const w = await openPage('/district/d01?period=2025', { width: 1366, height: 768 });
    await waitReady(w.page);
    await w.page.locator('[data-testid=score]').waitFor();
    await w.page.emulateMedia({ media: 'print' });
    for (const selector of ['.nav', '[data-testid=chart-png]', '[data-testid=dataset-picker]', '[data-testid=descendant-search]']) {
      const shown = await w.page.locator(selector).first().isVisible();
      expect({ selector, shown }).toEqual({ selector, shown: false });
    }
    expect(await w.page.locator('[data-testid=kpi]').first().isVisible()).toBe(true);
    const pdf = await w.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
    await w.context.close();
  });

  it('lists a district of 250 branches 100 at a time, and searches all of them', async () => {
    const w = await openPage('/data', { width: 1366, height: 768 });
    await waitReady(w.page);
    const names = Array.from({ length: 250 }, (_, i) => `百支部区第${i + 1}支部`);
    const lines = ['区县,支部,指标,年份,数值', '百支部区,,群众满意度,2025,80.0', ...names.map((n, i) => `百支部区,${n},群众满意度,2025,${(60 + ((i * 37) % 40)).toFixed(1)}`)];
    await w.page.setInputFiles('[data-testid=import-input]', [csvFile('百个支部.csv', lines.join('\n') + '\n')]);
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    const id = (await summary.getAttribute('data-dataset')) ?? '';
    await w.page.goto(new URL(`/district/${encodeURIComponent('u:百支部区')}?datasets=${encodeURIComponent(id)}`, w.page.url()).href);
    await waitReady(w.page);
    const rows = w.page.locator('[data-testid=descendant-row]');
    const more = w.page.locator('[data-testid=descendant-more]');
    await more.waitFor();
    expect(await rows.count()).toBe(100);
    expect(await more.innerText()).toContain('显示 100 个，共 250 个');
    // Search covers every branch, not only the rows drawn.
    const drawn = new Set((await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim()));
    const hidden = names.find((n) => !drawn.has(n))!;
    await w.page.fill('[data-testid=descendant-search]', hidden);
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining(hidden)]);
    expect(await more.count()).toBe(0);
    await w.page.fill('[data-testid=descendant-search]', '');
    await w.page.locator('[data-testid=descendant-show-more]').click();
    await expect.poll(() => rows.count()).toBe(200);
    expect(await w.page.locator('[data-testid=descendant-show-more]').innerText()).toBe('再显示 50 个');
    await w.page.locator('[data-testid=descendant-show-all]').click();
    await expect.poll(() => rows.count()).toBe(250);
    expect(await more.count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
