import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, openPage, waitReady, type PageWatch } from './support/app';
import { GUARD_SCRIPT, guardReport, hoverCharts, takeTooltips, type GuardReport, type Tooltip } from './support/guard';

afterAll(closeBrowser);

// Names, indicator labels and units from an upload are text everywhere, and never change a
// query's meaning. One hostile file is imported once; then every view is visited with it in view
// (mostly by following the app's own links, since each page load restarts the engine), every
// chart is swept for tooltips, and every page is checked for what must never happen.

const LONG_NAME = '超长名称'.repeat(5) + 'abcdefghij'.repeat(198); // 2,000 characters
/** A NUL byte past the part of the file that is sniffed for binary content: imported as it is. */
const NUL_NAME = 'Nul\u0000Name';
const ENTITIES = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  "{{ constructor.constructor('window.__pwned=4')() }}",
  '"; DROP TABLE observations; --',
  "O'Brien\\path",
  "Robert'); DELETE FROM entities WHERE ''=''; --\\",
  LONG_NAME,
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  "-2+3+cmd|' /C calc'!A0",
  'a/b?c=d&e=f#g%2F..%00',
  NUL_NAME,
];
const INDICATORS = [
  { name: '<img src=x onerror=window.__pwned=5>占比', unit: '<b>%</b>' },
  { name: '<script>window.__pwned=6</script>', unit: '{{ 7*7 }}' },
  { name: '=HYPERLINK("http://evil.example","指标")', unit: 'javascript:window.__pwned=7' },
  { name: `"; DROP TABLE indicators; -- \\'`, unit: "'万元'--;" },
  { name: "{{ constructor.constructor('window.__pwned=8')() }}", unit: '@x' },
];
const PERIODS = ['2021', '2022', '2023'];
const ROWS = ENTITIES.length * INDICATORS.length * PERIODS.length;
const value = (e: number, i: number, p: number) => Math.round((20 + ((e * 7 + i * 13) % 50) + p * 3.5) * 10) / 10;

const METADATA = '数据库：<script>window.__pwned=9</script>';
const NOTE = "注：<img src=x onerror=window.__pwned=10> {{ constructor.constructor('window.__pwned=11')() }}";
const FILE_NAME = '<img src=x onerror=window.__pwned=12>.csv';
const DATASET_NAME = '<img src=x onerror=window.__pwned=12>';
const APP_TITLE = '高质量发展指标看板';

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Long format, a metadata line above the table and a note below it, every text hostile. */
function hostileCsv(entities: readonly string[]): string {
  const lines = [METADATA, '地区,指标,单位,年份,数值'];
  entities.forEach((e, ei) =>
    INDICATORS.forEach((ind, ii) => PERIODS.forEach((p, pi) => lines.push([e, ind.name, ind.unit, p, String(value(ei, ii, pi))].map(csvCell).join(',')))),
  );
  lines.push(NOTE);
  return lines.join('\r\n') + '\r\n';
}

const id = (name: string) => `u:${name}`;
const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

let w: PageWatch;
let datasetId = '';
let samplesBefore: string[] = [];
const tooltips: Tooltip[] = [];
/** What the guard saw on each page before it was left (a page load starts a new record). */
const reports: (GuardReport & { url: string; title: string; csp: string[] })[] = [];

async function collect(): Promise<void> {
  reports.push({ url: w.page.url(), title: await w.page.title(), csp: await w.cspViolations(), ...(await guardReport(w.page)) });
}

/** A page load: only where no link of the app leads with the datasets in view. */
async function visit(path: string): Promise<void> {
  await collect();
  await w.page.goto(new URL(w.page.url()).origin + path);
  await waitReady(w.page);
}

async function hover(charts?: string, columns?: number, rows?: number): Promise<void> {
  expect(await hoverCharts(w.page, charts, columns, rows)).toBeGreaterThan(0);
  tooltips.push(...(await takeTooltips(w.page)));
}

/** The element whose attribute holds exactly `value` (CSS selectors cannot name a NUL). */
async function withAttr(selector: string, name: string, value: string): Promise<Locator> {
  const values = await w.page.locator(selector).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), name);
  const index = values.indexOf(value);
  expect(index, `${selector} [${name}=${value.slice(0, 40)}]`).toBeGreaterThanOrEqual(0);
  return w.page.locator(selector).nth(index);
}

async function sampleRows(page: Page): Promise<string[]> {
  return page.locator('[data-testid=dataset-row]').evaluateAll((rows) =>
    rows.filter((r) => r.getAttribute('data-dataset')?.startsWith('sample-')).map((r) => `${r.getAttribute('data-dataset')}:${r.getAttribute('data-rows')}`),
  );
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const event = w.page.waitForEvent('download');
  await click();
  const d = await event;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
/** Parses an exported CSV; every cell a spreadsheet would evaluate must start with an apostrophe. */
function neutralisedRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  for (const row of rows) for (const c of row) if (!NUMBER.test(c)) expect(c, `cell ${c.slice(0, 40)}`).not.toMatch(/^[=+\-@\t\r]/);
  return rows;
}
/** The text behind a neutralised cell: the apostrophe is the only change. */
const plain = (c: string | undefined) => (c !== undefined && /^'[=+\-@\t\r]/.test(c) ? c.slice(1) : (c ?? ''));
const sorted = (values: Iterable<string>) => [...values].sort();

describe('hostile names, labels and units', () => {
  it('imports the hostile file with exact counts, refuses an early NUL as not text, and leaves the samples as they were', async () => {
    w = await openPage('/data', { width: 1600, height: 1000 }, GUARD_SCRIPT);
    await waitReady(w.page);
    samplesBefore = await sampleRows(w.page);
    expect(samplesBefore).toHaveLength(4);

    // A NUL byte in the first part of a file is what binary files hold: the file is refused whole.
    await w.page.setInputFiles('[data-testid=import-input]', [file('nul.csv', hostileCsv([NUL_NAME, ...ENTITIES.slice(0, 2)]))]);
    const refusal = w.page.locator('[data-testid=import-error][data-reason=binary]');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain('不是文本文件');
    await w.page.locator('[data-testid=import-draft][data-status=refused] .draft__close').click();
    expect(await sampleRows(w.page)).toEqual(samplesBefore);

    const csv = hostileCsv(ENTITIES);
    expect(Buffer.from(csv).indexOf(0)).toBeGreaterThan(8192);
    await w.page.setInputFiles('[data-testid=import-input]', [file(FILE_NAME, csv)]);
    const confirm = w.page.locator('[data-testid=import-confirm]');
    const summary = w.page.locator('[data-testid=import-summary]');
    // Confident detection imports at once; otherwise the file is confirmed as it was read.
    await w.page.locator('[data-testid=import-summary], [data-testid=import-confirm]').first().waitFor({ timeout: 30_000 });
    if (await confirm.count()) await confirm.click();
    await summary.waitFor({ timeout: 30_000 });
    const counts = await summary.evaluate((s) => ({ ...(s as HTMLElement).dataset }));
    expect(counts).toMatchObject({
      rows: String(ROWS),
      rejected: '0',
      entities: String(ENTITIES.length),
      indicators: String(INDICATORS.length),
      periods: String(PERIODS.length),
    });
    datasetId = counts.dataset ?? '';
    expect(datasetId).toMatch(/^up-[a-z0-9-]+$/);
    const row = w.page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`);
    expect(await row.getAttribute('data-name')).toBe(DATASET_NAME);
    expect(await row.getAttribute('data-rows')).toBe(String(ROWS));
    expect(await row.locator('.datasets__name span').first().innerText()).toBe(DATASET_NAME);
    expect(await row.locator('.datasets__source').innerText()).toBe(FILE_NAME);
    expect(await sampleRows(w.page)).toEqual(samplesBefore);

    // Re-mapping shows the file's metadata line and note for review, as text; then it is cancelled.
    await row.locator('[data-testid=dataset-remap]').click();
    const review = w.page.locator('[data-testid=import-draft][data-status=review]');
    await review.waitFor();
    for (const s of await review.locator('details summary').all()) await s.click();
    expect(await review.locator('details pre').allInnerTexts()).toEqual([METADATA, NOTE]);
    await review.getByRole('button', { name: '取消' }).click();
    await review.waitFor({ state: 'detached' });
  });

  it('exports the dataset as CSV with formulas neutralised, every name otherwise intact and every value where the file put it', async () => {
    const row = w.page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`);
    const { name, bytes } = await download(() => row.locator('[data-testid=dataset-export]').click());
    expect(name).toMatch(/\.csv$/);
    expect(name).not.toMatch(/[/\\]/);
    const [header, ...rows] = neutralisedRows(bytes);
    expect(header).toEqual(['entity_id', 'entity', 'indicator_id', 'indicator', 'unit', 'period', 'value', 'flag']);
    expect(rows).toHaveLength(ROWS);
    // The file flags no value.
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['']));
    expect(sorted(new Set(rows.map((r) => r[0] as string)))).toEqual(sorted(ENTITIES.map(id)));
    expect(sorted(new Set(rows.map((r) => plain(r[1]))))).toEqual(sorted(ENTITIES));
    expect(sorted(new Set(rows.map((r) => r[2] as string)))).toEqual(sorted(INDICATORS.map((i) => id(i.name))));
    expect(sorted(new Set(rows.map((r) => plain(r[3]))))).toEqual(sorted(INDICATORS.map((i) => i.name)));
    expect(sorted(new Set(rows.map((r) => plain(r[4]))))).toEqual(sorted(INDICATORS.map((i) => i.unit)));
    for (const r of rows) {
      const e = ENTITIES.indexOf(plain(r[1]));
      const i = INDICATORS.findIndex((x) => x.name === plain(r[3]));
      expect(Number(r[6]), `${plain(r[1]).slice(0, 30)} · ${plain(r[3])} · ${r[5]}`).toBe(value(e, i, PERIODS.indexOf(r[5] as string)));
      expect(plain(r[4])).toBe(INDICATORS[i]?.unit);
    }
    const cells = new Set(rows.flatMap((r) => [r[1], r[3], r[4]]));
    for (const neutralised of [`'${ENTITIES[8]}`, `'${ENTITIES[9]}`, `'${ENTITIES[10]}`, `'${ENTITIES[11]}`, `'${INDICATORS[2]!.name}`, `'${INDICATORS[4]!.unit}`]) {
      expect(cells.has(neutralised), neutralised).toBe(true);
    }
  });

  it('shows every hostile indicator on the overview as text: picker, headings, URL, tables, tooltips, chart CSV and PNG', async () => {
    // Into view with the dataset picker: the hostile set on, the samples off.
    await w.page.click('[data-testid=nav-overview]');
    await waitReady(w.page);
    await w.page.click('[data-testid=dataset-picker]');
    expect(await w.page.locator('.picker__menu').innerText()).toContain(DATASET_NAME);
    await w.page.locator(`input[data-dataset="${datasetId}"]`).check();
    for (const s of samplesBefore) {
      const before = w.page.url();
      await w.page.locator(`input[data-dataset="${s.split(':')[0]}"]`).uncheck();
      await w.page.waitForURL((u) => u.href !== before);
    }
    await w.page.waitForURL((u) => u.searchParams.get('datasets') === datasetId);
    await w.page.click('[data-testid=dataset-picker]');
    expect(await w.page.locator('[data-testid=dataset-picker]').innerText()).toContain(DATASET_NAME);

    const picker = w.page.locator('[data-testid=indicator-picker]');
    const options = () => picker.locator('option').evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value}|${o.textContent}`));
    await expect.poll(async () => sorted(await options())).toEqual(sorted(INDICATORS.map((i) => `${id(i.name)}|${i.name}`)));
    const ranking = w.page.locator('section[data-panel=bar]');
    for (const ind of INDICATORS) {
      await picker.selectOption(id(ind.name));
      await expect.poll(() => new URL(w.page.url()).searchParams.get('indicator')).toBe(id(ind.name));
      await expect.poll(() => ranking.locator('h2, h3').first().innerText()).toContain(ind.name);
      await expect.poll(async () => Number(await ranking.locator('[data-testid=chart]').getAttribute('data-points'))).toBe(ENTITIES.length);
      await hover('section[data-panel=line] [data-testid=chart], section[data-panel=bar] [data-testid=chart]');
    }
    await hover('section[data-panel=heatmap] [data-testid=chart]');

    // The ranking as a table: every name exactly, the unit in the header.
    const last = INDICATORS.at(-1)!;
    await ranking.locator('[data-testid=chart-table-toggle]').click();
    const names = await ranking.locator('[data-testid=chart-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent ?? ''));
    expect(sorted(names)).toEqual(sorted(ENTITIES));
    expect(await ranking.locator('[data-testid=chart-table] thead').innerText()).toContain(`${last.name} (${last.unit})`);
    await ranking.locator('[data-testid=chart-table-toggle]').click();

    // Chart downloads: CSVs neutralised with every name, PNGs PNG, file names without a path.
    const trend = w.page.locator('section[data-panel=line]');
    const trendCsv = await download(() => trend.locator('[data-testid=chart-csv]').click());
    const [trendHeader, ...trendRows] = neutralisedRows(trendCsv.bytes);
    // Fourteen regions: the trend draws the best twelve.
    expect(trendHeader!.slice(1).map(plain).filter((n) => ENTITIES.includes(n))).toHaveLength(12);
    expect(trendRows).toHaveLength(PERIODS.length);
    const rankingCsv = await download(() => ranking.locator('[data-testid=chart-csv]').click());
    const [rankingHeader, ...rankingRows] = neutralisedRows(rankingCsv.bytes);
    expect(rankingHeader![2]).toBe(`${last.name} (${last.unit})`);
    expect(sorted(rankingRows.map((r) => plain(r[1])))).toEqual(sorted(ENTITIES));
    const heatCsv = await download(() => w.page.locator('section[data-panel=heatmap] [data-testid=chart-csv]').click());
    const [heatHeader, ...heatRows] = neutralisedRows(heatCsv.bytes);
    expect(sorted(heatHeader!.slice(1).map(plain))).toEqual(sorted(INDICATORS.map((i) => i.name)));
    expect(sorted(heatRows.map((r) => plain(r[0])))).toEqual(sorted(ENTITIES));
    for (const panel of [trend, ranking]) {
      const png = await download(() => panel.locator('[data-testid=chart-png]').click());
      expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      expect(png.name).toMatch(/\.png$/);
      expect(png.name).not.toMatch(/[/\\]/);
    }
    for (const csv of [trendCsv, rankingCsv, heatCsv]) expect(csv.name).not.toMatch(/[/\\]/);

    // The composite ranking links each entity by its id, percent-encoded, its name as text.
    const links = await w.page.locator('[data-testid=score]').evaluateAll((rows) =>
      rows.map((r) => ({ entity: r.getAttribute('data-entity') ?? '', href: r.querySelector('a')?.getAttribute('href') ?? '', text: r.querySelector('a')?.textContent })),
    );
    expect(sorted(links.map((l) => l.entity))).toEqual(sorted(ENTITIES.map(id)));
    for (const l of links) {
      expect(l.href.startsWith(`/district/${encodeURIComponent(l.entity)}?`), l.href.slice(0, 60)).toBe(true);
      expect(l.text).toBe(l.entity.slice(2));
    }
  });

  it('opens each hostile entity from the composite ranking: heading, breadcrumbs, charts and tooltips as text', async () => {
    for (const name of ENTITIES) {
      await (await withAttr('[data-testid=score]', 'data-entity', id(name))).locator('a').click();
      await w.page.waitForURL((u) => decodeURIComponent(u.pathname) === `/district/${id(name)}`);
      await expect.poll(() => w.page.locator('h1').evaluate((h) => h.firstChild?.textContent?.trim())).toBe(name.trim());
      expect(await w.page.locator('nav [aria-current=page]').evaluate((e) => e.textContent)).toBe(name);
      await expect.poll(() => w.page.locator('[data-testid=chart]').count()).toBe(INDICATORS.length + 1);
      for (const ind of INDICATORS) expect(await w.page.locator('.tiles').innerText()).toContain(ind.unit);
      await hover(undefined, 8, 12);
      await w.page.goBack();
      await w.page.locator('[data-testid=score]').first().waitFor();
    }
  });

  it('lists the hostile indicators and units in the scoring settings as text', async () => {
    await w.page.click('[data-testid=settings-link]');
    await w.page.waitForURL((u) => u.pathname === '/settings' && u.searchParams.get('datasets') === datasetId);
    await w.page.locator('tr[data-indicator]').first().waitFor();
    for (const ind of INDICATORS) {
      const row = await withAttr('tr[data-indicator]', 'data-indicator', id(ind.name));
      expect(await row.locator('td').first().evaluate((td) => td.textContent)).toBe(`${ind.name} ${ind.unit}`);
    }
  });

  it('compares hostile entities picked by name, keeps the choice in the URL exactly, and a link reproduces it', async () => {
    await visit(`/compare?datasets=${datasetId}&tab=table`);
    const table = w.page.locator('[data-testid=compare-table]');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(ENTITIES.length);
    // Those with a comma, quotes, SQL, a backslash, URL syntax and a NUL stay; the rest are unticked.
    const chosen = [ENTITIES[0], ENTITIES[4], ENTITIES[5], ENTITIES[6], ENTITIES[8], ENTITIES[12], NUL_NAME] as string[];
    for (const name of ENTITIES) {
      if (chosen.includes(name)) continue;
      const before = w.page.url();
      await (await withAttr('input[data-entity]', 'data-entity', id(name))).uncheck();
      await w.page.waitForURL((u) => u.href !== before);
    }
    const inUrl = (u: string) => new URL(u).searchParams.get('entities')?.split(',').map(decodeURIComponent) ?? [];
    expect(sorted(inUrl(w.page.url()))).toEqual(sorted(chosen.map(id)));
    const shown = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-entity')}|${r.querySelector('td')?.textContent}`));
    const expected = sorted(chosen.map((n) => `${id(n)}|${n}`));
    await expect.poll(async () => sorted(await shown())).toEqual(expected);

    const link = new URL(w.page.url());
    await visit(link.pathname + link.search);
    await table.waitFor();
    await expect.poll(async () => sorted(await shown())).toEqual(expected);
    // A search by a hostile fragment finds its entity.
    await w.page.fill('[data-testid=entity-search]', "'); DELETE");
    await expect.poll(() => w.page.locator('input[data-entity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity')))).toEqual([id(ENTITIES[6]!)]);
    for (const tab of ['line', 'bar', 'slope', 'multiples']) {
      await w.page.click(`[data-testid=tab-${tab}]`);
      await w.page.locator('[data-testid=chart]').first().waitFor();
      await hover(undefined, 10, 16);
    }
  });

  it('plays a show of hostile slides from a link in Present, titles as text', async () => {
    const slides = ['ranking', 'heatmap', `trend:${encodeURIComponent(id(INDICATORS[1]!.name))}`, `district:${encodeURIComponent(id(LONG_NAME))}`, `district:${encodeURIComponent(id(NUL_NAME))}`].join(',');
    await visit(`/present?datasets=${datasetId}&slides=${encodeURIComponent(slides)}&sec=600`);
    const title = w.page.locator('[data-testid=present-slide-title]');
    const expected: [string, string][] = [
      ['ranking', '综合指数排名'],
      ['heatmap', '指标得分'],
      ['trend', INDICATORS[1]!.name],
      ['district', LONG_NAME],
      ['district', NUL_NAME],
    ];
    for (const [i, [kind, text]] of expected.entries()) {
      const slide = w.page.locator(`[data-testid=present-slide][data-index="${i}"]`);
      await slide.waitFor();
      expect(await slide.getAttribute('data-kind')).toBe(kind);
      expect(await title.evaluate((t) => t.textContent)).toContain(text);
      if (await slide.locator('[data-testid=chart]').count()) await hover(undefined, 8, 12);
      await w.page.keyboard.press('ArrowRight');
    }
    expect(new URL(w.page.url()).searchParams.get('slides')).toBe(slides);
    // Esc leaves for the overview with the hostile set still in view.
    await w.page.keyboard.press('Escape');
    await w.page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('datasets') === datasetId);
    await waitReady(w.page);
  });

  it('ran nothing, injected nothing, asked nothing, sent nothing anywhere, and left the samples as they were', async () => {
    // Tooltips were drawn, hold the hostile names and units as text, and are plain elements only.
    expect(tooltips.length).toBeGreaterThan(0);
    const text = tooltips.map((t) => t.text).join('\n');
    for (const name of ENTITIES) expect(text, name.slice(0, 40)).toContain(name);
    for (const ind of INDICATORS) expect(text, ind.name).toContain(ind.name);
    for (const ind of INDICATORS) expect(text, ind.unit).toContain(ind.unit);
    expect(new Set(tooltips.flatMap((t) => t.tags))).toEqual(new Set(['div', 'span']));

    await w.page.click('[data-testid=nav-data]');
    await w.page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`).waitFor();
    expect(await sampleRows(w.page)).toEqual(samplesBefore);

    await collect();
    expect(reports.map((r) => new URL(r.url).pathname)).toEqual(['/settings', '/compare', '/compare', '/data']);
    for (const r of reports) {
      // The document title is the app's own, whatever the data: it never took a name.
      expect(new Set([r.title, ...r.titles]), r.url).toEqual(new Set([APP_TITLE]));
      expect(r.pwned, r.url).toBeUndefined();
      expect(r.dialogs, r.url).toEqual([]);
      expect(r.injected, r.url).toEqual([]);
      expect(r.csp, r.url).toEqual([]);
    }
    expect(w.foreignRequests).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });
});
