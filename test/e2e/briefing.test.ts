import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openPage, waitReady } from './support/app';
import { csvFile, expectNoErrors } from './support/imports';

afterAll(closeBrowser);

// What leadership reads first: the briefing on the overview and on a district, each sentence a
// link to its number; the value each indicator alone needs for the next star; how stable each rank is.

const lines = (page: import('playwright-core').Page) =>
  page.locator('[data-testid=briefing-line]').evaluateAll((els) => els.map((e) => ({ rule: (e as HTMLElement).dataset.rule, target: (e as HTMLElement).dataset.target, text: e.textContent?.trim() ?? '' })));
const ranges = (page: import('playwright-core').Page) =>
  page.waitForFunction(() => document.querySelectorAll('[data-testid=rank-range]').length > 0).then(() =>
    page.locator('[data-testid=rank-range]').evaluateAll((els) => els.map((e) => { const d = (e as HTMLElement).dataset; return { entity: d.entity, rank: Number(d.rank), low: Number(d.low), high: Number(d.high), text: e.textContent?.trim() }; })),
  );

describe('briefing', () => {
  it('opens the overview with a briefing that agrees with the ranking; a sentence leads to its number; it copies as text', async () => {
    const w = await openPage('/?period=2025');
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
    await waitReady(w.page);
    const said = await lines(w.page);
    const first = said.find((l) => l.rule === 'leaders');
    const rows = await w.page.locator('.ranking [data-testid=score]').evaluateAll((els) => els.map((e) => ({ entity: (e as HTMLElement).dataset.entity, name: e.querySelector('.ranking__name')?.textContent?.trim() ?? '', composite: Number((e as HTMLElement).dataset.composite) })));
    const scored = rows.filter((r) => Number.isFinite(r.composite));
    // The best and the worst the sentence names are the ranking's first and last.
    expect(first?.text).toContain(`${scored[0]?.name}综合指数最高（${scored[0]?.composite.toFixed(1)}`);
    expect(first?.text).toContain(`${scored[scored.length - 1]?.name}最低`);
    // 南港区 and 白沙县 are capped by 群众满意度 in the sample.
    expect(said.find((l) => l.rule === 'gate')?.text).toBe('南港区、白沙县因群众满意度低于门槛，星级受限。');

    // Each range holds its rank; the ranking shows one per row.
    const r = await ranges(w.page);
    expect(r.length).toBe(rows.length);
    for (const x of r) expect(x.low <= x.rank && x.rank <= x.high).toBe(true);
    expect(r.map((x) => x.rank)).toEqual(rows.map((_, k) => k + 1));

    // A sentence is a link: it takes focus to the element that holds its number.
    await w.page.locator('[data-testid=briefing-line][data-rule=gate] a').click();
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('briefing-scores');

    await w.page.locator('[data-testid=briefing-copy]').click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid=briefing-copy]')?.textContent?.includes('已复制'));
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toEqual(['述评 · 云澜市 · 2025', ...said.map((l) => l.text)]);
    await expectNoErrors(w);
    await w.context.close();
  });

  it('gives a gated district the gate to reach for its next star, and its rank with the range other weights give', async () => {
    const w = await openPage('/district/d03?period=2025');
    await waitReady(w.page);
    const said = await lines(w.page);
    expect(said.map((l) => l.rule)).toEqual(expect.arrayContaining(['rank', 'gate', 'nextStar']));
    expect(said.find((l) => l.rule === 'gate')?.text).toBe('因群众满意度 86.6% 低于门槛 90.0%，星级最高为三星。');
    expect(said.find((l) => l.rule === 'nextStar')?.text).toBe('距四星最近的一步：群众满意度达到 90.0%。');
    // Only the gated indicator can lift the cap; the others say they cannot alone.
    const steps = await w.page.locator('[data-testid=next-star]').evaluateAll((els) => els.map((e) => { const d = (e as HTMLElement).dataset; return { entity: d.entity, indicator: d.indicator, needed: d.needed, text: e.textContent ?? '' }; }));
    expect(steps[0]).toMatchObject({ entity: 'd03', indicator: 'public_satisfaction', needed: '90' });
    expect(steps.slice(1).every((s) => s.needed === '' && s.text.includes('单项无法达到'))).toBe(true);
    const [own] = await ranges(w.page);
    expect(own?.entity).toBe('d03');
    expect(own?.text).toMatch(/^第 5 名（(\d+)–(\d+)）$|^第 5 名（稳定）$/);
    await w.page.locator('[data-testid=briefing-line][data-rule=nextStar] a').click();
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('briefing-next-star');
    await expectNoErrors(w);
    await w.context.close();
  });

  it('briefs an imported dataset and gives its entities the value for their next star', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const regions = ['甲区', '乙区', '丙区', '丁区', '戊区'];
    const text = ['地区,年份,就业率,网办率', ...regions.flatMap((r, k) => [`${r},2023,${60 + 5 * k},${70 + 2 * k}`, `${r},2024,${62 + 6 * k},${75 - 3 * k}`])].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [csvFile('区域指标.csv', text)]);
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor({ timeout: 30_000 });
    const id = await summary.getAttribute('data-dataset');
    await w.page.goto(`${baseUrl()}/?datasets=${id}&period=2024`);
    await waitReady(w.page);
    const said = await lines(w.page);
    // No targets: scored min–max among the five.
    expect(said.find((l) => l.rule === 'leaders')?.text).toMatch(/^2024 年，5 个.+中.+综合指数最高（.+），.+最低（.+）。$/);
    expect(said.find((l) => l.rule === 'moves')).toBeDefined();
    expect((await ranges(w.page)).length).toBe(5);
    // The lowest-ranked entity's page: a value for its next star.
    await w.page.locator('.ranking__name').last().click();
    await waitReady(w.page);
    await w.page.locator('[data-testid=next-star]').first().waitFor();
    const needed = await w.page.locator('[data-testid=next-star]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.needed ?? ''));
    expect(needed.some((n) => n !== '' && Number.isFinite(Number(n)))).toBe(true);
    expect((await lines(w.page)).find((l) => l.rule === 'rank')?.text).toContain('在 5 个');
    await expectNoErrors(w);
    await w.context.close();
  });

  it('sets each tile and the table against the comparison chosen, kept in the link', async () => {
    const w = await openPage('/district/d03?period=2025');
    await waitReady(w.page);
    const line = (id: string) => w.page.locator(`[data-testid=kpi][data-indicator=${id}] [data-testid=kpi-against]`);
    expect(await line('public_satisfaction').getAttribute('data-against')).toBe('previous');
    await w.page.locator('[data-testid=compare-with] label', { hasText: '目标' }).click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid=kpi-against]')?.getAttribute('data-against') === 'target');
    // 86.6% against 95.0%: 8.4 points short, in red words, not colour alone.
    expect(await line('public_satisfaction').innerText()).toMatch(/▼\s*-8\.4 个百分点\s*目标 95\.0%/);
    expect(new URL(w.page.url()).searchParams.get('vs')).toBe('target');
    await w.page.locator('[data-testid=compare-with] label', { hasText: '同级平均' }).click();
    await w.page.waitForFunction(() => document.querySelector('[data-testid=kpi-against]')?.getAttribute('data-against') === 'peers');
    expect(await line('public_satisfaction').innerText()).toContain('较云澜市各区县平均');
    // The breakdown table follows the same choice.
    await w.page.locator('.breakdown__how summary').click();
    expect(await w.page.locator('.breakdown__how thead').innerText()).toContain('对比同级平均');
    expect(await w.page.locator('[data-testid=breakdown-against][data-indicator=public_satisfaction]').innerText()).toMatch(/^▼ -\d+\.\d 个百分点$/);
    // A link with vs= opens with it.
    await w.page.goto(`${baseUrl()}/?period=2025&vs=yearAgo`);
    await waitReady(w.page);
    expect(await w.page.locator('[data-testid=kpi-against]').first().getAttribute('data-against')).toBe('yearAgo');
    expect(await w.page.locator('[data-testid=compare-with] input[data-value=yearAgo]').isChecked()).toBe(true);
    await expectNoErrors(w);
    await w.context.close();
  });

  it('is a slide in Present, saying what the overview says', async () => {
    const w = await openPage('/?period=2025');
    await waitReady(w.page);
    const said = (await lines(w.page)).map((l) => l.text);
    await w.page.goto(`${baseUrl()}/present?period=2025&slides=briefing,kpis&sec=600`);
    await waitReady(w.page);
    const slide = w.page.locator('[data-testid=present-slide][data-kind=briefing]');
    await slide.waitFor();
    expect(await slide.locator('[data-testid=present-briefing] li').allInnerTexts()).toEqual(said);
    expect(await slide.getAttribute('aria-label')).toBe('述评 · 2025 年');
    await expectNoErrors(w);
    await w.context.close();
  });

  it('briefs a branch among its sibling branches', async () => {
    const w = await openPage('/branch/b001?period=2025');
    await waitReady(w.page);
    const rank = (await lines(w.page)).find((l) => l.rule === 'rank');
    expect(rank?.text).toMatch(/^2025 年，.+在 \d+ 个支部中排第 \d+ 名，综合指数 \d+\.\d，[一二三四五]星/);
    expect(await w.page.locator('[data-testid=rank-range][data-entity=b001]').count()).toBe(1);
    await expectNoErrors(w);
    await w.context.close();
  });
});
