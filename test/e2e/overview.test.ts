import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { latestAtOrBefore, readSampleRows, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const observations = sampleObservations();
const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district');

describe('overview with the bundled sample', () => {
  it('paints the shell while loading, then becomes ready with no foreign request, CSP violation or error', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    const states = await w.page.evaluate(() => (window as unknown as { __states: string[] }).__states);
    // The header is on screen while the engine is still loading; ready comes last.
    expect(states).toContain('loading+shell');
    expect(states.indexOf('loading+shell')).toBeLessThan(states.indexOf('ready+shell'));
    expect(states.at(-1)).toBe('ready+shell');
    expect(await w.page.getByRole('banner').innerText()).toContain('高质量发展指标看板');
    expect(await w.page.getByRole('banner').innerText()).toContain('示例数据');
    expect(w.foreignRequests).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('shows the city headline values from the sample with change and target in words', async () => {
    const w = await openPage('/?period=2025');
    await waitReady(w.page);
    const [latest, previous] = latestAtOrBefore(observations, 'city', 'public_satisfaction', 2025);
    const tile = w.page.locator('[data-testid=kpi][data-indicator=public_satisfaction]');
    const text = await tile.innerText();
    expect(text).toContain('群众满意度');
    expect(text).toContain(latest!.value.toFixed(1));
    const delta = latest!.value - previous!.value;
    expect(text).toContain(`${delta > 0 ? '+' : '-'}${Math.abs(delta).toFixed(1)} 个百分点`);
    expect(text).toContain('目标 95.0%');
    expect(text).toMatch(/已达标|接近目标|未达标/);
    expect(await w.page.locator('[data-testid=kpi]').count()).toBe(6);
    await w.context.close();
  });

  it('draws the trend (city and every district) and the district ranking of the chosen indicator', async () => {
    const w = await openPage('/?indicator=hightech_share&period=2025');
    await waitReady(w.page);
    const expectedPoints = observations.filter(
      (o) => o.indicator_id === 'hightech_share' && (o.entity_id === 'city' || districts.some((d) => d.entity_id === o.entity_id)),
    ).length;
    const line = w.page.locator('[data-testid=chart][data-kind=line]');
    const bar = w.page.locator('[data-testid=chart][data-kind=bar]');
    expect(Number(await line.getAttribute('data-points'))).toBe(expectedPoints);
    expect(Number(await bar.getAttribute('data-points'))).toBe(districts.length);
    expect(await w.page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await w.page.getByRole('heading', { name: '高新技术产业占比 · 2025 年各区县排名' }).count()).toBe(1);
    await w.context.close();
  });

  it('ranks the districts by composite index with stars, and colours the indicator scores in a heatmap', async () => {
    const w = await openPage('/?period=2025', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const entries = await w.page.locator('[data-testid=score]').evaluateAll((rows) =>
      rows.map((r) => ({ entity: r.getAttribute('data-entity'), composite: Number(r.getAttribute('data-composite')), stars: r.getAttribute('data-stars'), text: r.textContent ?? '' })),
    );
    expect(entries.map((e) => e.entity).sort()).toEqual(districts.map((d) => d.entity_id).sort());
    expect(entries.map((e) => e.composite)).toEqual([...entries.map((e) => e.composite)].sort((a, b) => b - a));
    for (const e of entries) {
      expect(Number(e.stars)).toBeGreaterThanOrEqual(1);
      expect(Number(e.stars)).toBeLessThanOrEqual(5);
    }
    // Districts below 90% public satisfaction in 2025H2 are capped at three stars, and say why.
    const gated = districts.filter((d) => (latestAtOrBefore(observations, d.entity_id as string, 'public_satisfaction', 2025)[0]?.value ?? 100) < 90);
    expect(gated.length).toBeGreaterThan(0);
    for (const d of gated) {
      const e = entries.find((x) => x.entity === d.entity_id);
      expect(Number(e?.stars)).toBeLessThanOrEqual(3);
      expect(e?.text).toContain('群众满意度');
    }
    const heat = w.page.locator('[data-testid=chart][data-kind=heatmap]');
    const districtValues = new Set(observations.filter((o) => districts.some((d) => d.entity_id === o.entity_id)).map((o) => `${o.entity_id}|${o.indicator_id}`));
    expect(Number(await heat.getAttribute('data-points'))).toBe(districtValues.size);
    expect(await w.page.locator('[data-testid=trend-counts]').innerText()).toMatch(/\d+ 按趋势可达标.*\d+ 有风险.*\d+ 难以达标/s);
    await w.context.close();
  });

  it('offers every chart as a table, a CSV and a 2× PNG with title and source', async () => {
    const w = await openPage('/?indicator=hightech_share&period=2025', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const panel = w.page.locator('section[data-panel=bar]').first();
    const points = Number(await panel.locator('[data-testid=chart]').getAttribute('data-points'));
    const box = await panel.locator('[data-testid=chart]').boundingBox();

    const png = w.page.waitForEvent('download');
    await panel.locator('[data-testid=chart-png]').click();
    const bytes = readFileSync(await (await png).path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(2 * Math.floor(box!.width));

    const csv = w.page.waitForEvent('download');
    await panel.locator('[data-testid=chart-csv]').click();
    const text = readFileSync(await (await csv).path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(points + 1);

    await panel.locator('[data-testid=chart-table-toggle]').click();
    expect(await panel.locator('[data-testid=chart-table] tbody tr').count()).toBe(points);
    expect(await panel.locator('footer').innerText()).toContain('产业占比（示例数据）');
    await w.context.close();
  });

  it('scores only the datasets picked into view, and keeps the choice in the URL', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await w.page.click('[data-testid=dataset-picker]');
    await w.page.locator('input[data-dataset=sample-satisfaction]').uncheck();
    await w.page.waitForURL((u) => {
      const ids = new URL(u).searchParams.get('datasets')?.split(',') ?? [];
      return ids.length === 3 && !ids.includes('sample-satisfaction');
    });
    await w.page.locator('[data-testid=kpi][data-indicator=public_satisfaction]').waitFor({ state: 'detached' });
    expect(await w.page.locator('[data-testid=kpi][data-indicator=hightech_share]').count()).toBe(1);
    await w.context.close();
  });

  it('keeps indicator and period in the URL, so a link reproduces the view', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await w.page.selectOption('[data-testid=indicator-picker]', 'online_service_rate');
    await w.page.selectOption('[data-testid=period-picker]', '2022');
    await w.page.waitForURL(/indicator=online_service_rate/);
    await w.page.waitForURL(/period=2022/);
    await w.page.getByRole('heading', { name: '政务服务网办率 · 2022 年各区县排名' }).waitFor();
    const link = w.page.url();
    await w.context.close();

    const again = await openPage(new URL(link).pathname + new URL(link).search);
    await waitReady(again.page);
    expect(await again.page.locator('[data-testid=indicator-picker]').inputValue()).toBe('online_service_rate');
    expect(await again.page.locator('[data-testid=period-picker]').inputValue()).toBe('2022');
    const [value2022] = latestAtOrBefore(observations, 'city', 'online_service_rate', 2022);
    expect(await again.page.locator('[data-testid=kpi][data-indicator=online_service_rate]').count()).toBeLessThanOrEqual(1);
    const rankingHeading = again.page.getByRole('heading', { name: '政务服务网办率 · 2022 年各区县排名' });
    expect(await rankingHeading.count()).toBe(1);
    expect(value2022?.period).toBe('2022');
    await again.context.close();
  });

  it('clicking a KPI tile focuses the charts on that indicator', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await w.page.locator('[data-testid=kpi][data-indicator=weak_village_income]').click();
    await w.page.waitForURL(/indicator=weak_village_income/);
    await w.page.getByRole('heading', { name: /薄弱村集体稳定经营收入 · \d{4} 年各区县排名/ }).waitFor();
    expect(await w.page.locator('[data-testid=kpi][data-indicator=weak_village_income]').getAttribute('aria-pressed')).toBe('true');
    await w.context.close();
  });

  it('switches to English and remembers the choice after a reload', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await w.page.click('[data-testid=locale-switch]');
    await w.page.getByText('High-Quality Development Dashboard').waitFor();
    expect(await w.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await w.page.locator('[data-testid=nav-overview]').innerText()).toBe('Overview');
    await w.page.reload();
    await waitReady(w.page);
    expect(await w.page.getByRole('banner').innerText()).toContain('Sample data');
    expect(await w.page.locator('[data-testid=kpi]').first().innerText()).not.toMatch(/群众|高新/);
    await w.context.close();
  });

  it('shows a readable error screen when the engine cannot start', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    // The engine's worker script cannot be fetched (a proxy or a half-copied install would do this).
    await w.context.route(/duckdb-browser-.*worker.*\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await w.page.reload();
    await w.page.waitForSelector('#app[data-state=error]', { timeout: 60_000 });
    const message = await w.page.locator('[data-testid=engine-error]').innerText();
    expect(message).toContain('分析引擎未能启动');
    expect(message).toContain('重新加载');
    await w.context.close();
  });
});
