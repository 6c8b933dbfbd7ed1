import { afterAll, describe, expect, it } from 'vitest';
import { readSampleRows, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const observations = sampleObservations();
const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district');

describe('compare', () => {
  it('compares chosen entities over a range in five views, and a link reproduces the view', async () => {
    const w = await openPage('/compare?indicator=hightech_share&from=2020&to=2023', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const line = w.page.locator('[data-testid=chart][data-kind=line]');
    await line.waitFor();
    const expected = observations.filter((o) => o.indicator_id === 'hightech_share' && districts.some((d) => d.entity_id === o.entity_id) && o.period >= '2020' && o.period <= '2023');
    expect(Number(await line.getAttribute('data-points'))).toBe(expected.length);

    // Drop all districts but one, then find a branch by name and add it: any level can be compared.
    for (const d of districts.slice(1)) await w.page.locator(`input[data-entity=${d.entity_id}]`).uncheck();
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('entities')?.split(',').length === 1);
    const branch = readSampleRows('entities.csv').find((e) => e.name === '西城区和平社区党支部')!;
    await w.page.fill('[data-testid=entity-search]', '和平社区');
    await w.page.locator(`input[data-entity=${branch.entity_id}]`).check();
    await w.page.waitForFunction(() => new URL(location.href).searchParams.get('entities')?.split(',').length === 2);
    await w.page.click('[data-testid=tab-table]');
    await w.page.click('[data-testid=mode-change]');
    await w.page.waitForURL(/tab=table/);
    await w.page.waitForURL(/mode=change/);
    const first = districts[0]!;
    const start = observations.find((o) => o.entity_id === first.entity_id && o.indicator_id === 'hightech_share' && o.period === '2020')!;
    const end = observations.find((o) => o.entity_id === first.entity_id && o.indicator_id === 'hightech_share' && o.period === '2023')!;
    const row = w.page.locator(`[data-testid=compare-table] tr[data-entity=${first.entity_id}]`);
    const delta = end.value - start.value;
    expect(await row.innerText()).toContain(`${delta >= 0 ? '+' : '-'}${Math.abs(delta).toFixed(1)} 个百分点`);

    const link = w.page.url();
    await w.context.close();
    const again = await openPage(new URL(link).pathname + new URL(link).search);
    await waitReady(again.page);
    await again.page.locator(`[data-testid=compare-table] tr[data-entity=${first.entity_id}]`).waitFor();
    expect(await again.page.locator('[data-testid=tab-table]').getAttribute('aria-selected')).toBe('true');
    for (const tab of ['slope', 'bar', 'multiples']) {
      await again.page.click(`[data-testid=tab-${tab}]`);
      await again.page.locator('[data-testid=chart]').first().waitFor();
    }
    expect(again.pageErrors).toEqual([]);
    await again.context.close();
  });
});
