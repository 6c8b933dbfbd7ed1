import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, waitReady, type PageWatch } from './support/app';
import { GUARD_SCRIPT, hoverCharts, takeTooltips } from './support/guard';
import { EUROSTAT_POPULATION } from '../support/publisher-files';

afterAll(closeBrowser);

// Publisher files in the browser: a Eurostat TSV imports without a question, its flags kept and
// shown (import summary, chart table, tooltip, CSV exports); a Destatis table is proposed as
// Destatis, and switching the preset changes how it is read.


const DESTATIS = [
  'GENESIS-Tabelle: 52411-0010',
  'Beantragte Insolvenzverfahren: Bundesländer, Stichtag',
  'Bundesländer;31.12.2021;31.12.2022',
  'Bayern;1814;1992',
  'Bremen;98;-',
  'Saarland;.;175',
  '__________',
  '(C)opyright Statistisches Bundesamt (Destatis), 2024',
].join('\r\n');

const file = (name: string, content: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content) : content });

async function downloaded(w: PageWatch, click: () => Promise<void>): Promise<string> {
  const event = w.page.waitForEvent('download');
  await click();
  return readFileSync(await (await event).path(), 'utf8');
}

describe('publisher files', () => {
  it('imports a Eurostat TSV with its flags, and shows each flag in the table view, the tooltip and the CSVs', async () => {
    const w = await openPage('/data', { width: 1366, height: 768 }, GUARD_SCRIPT);
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [file('estat_demo_pjan.tsv', EUROSTAT_POPULATION)]);
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor({ timeout: 30_000 });
    // Packed keys and flags were read without a question: no review was needed.
    expect(await w.page.locator('[data-testid=import-confirm]').count()).toBe(0);
    expect(await summary.getAttribute('data-rows')).toBe('13');
    expect(await summary.getAttribute('data-flagged')).toBe('4');
    expect(await summary.innerText()).toContain('4 个值带有发布机构的标记');
    const id = (await summary.getAttribute('data-dataset')) ?? '';

    const exported = await downloaded(w, () => w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-export]`).click());
    const lines = exported.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('entity_id,entity,indicator_id,indicator,unit,period,value,flag');
    expect(lines.filter((l) => l.endsWith(',bep'))).toEqual([expect.stringContaining(',FR,') as string]);

    await w.page.goto(new URL(w.page.url()).origin + `/?datasets=${encodeURIComponent(id)}&period=2016`);
    await waitReady(w.page);
    const trend = w.page.locator('section[data-panel=line]');
    await hoverCharts(w.page, 'section[data-panel=line] [data-testid=chart]');
    const tips = (await takeTooltips(w.page)).map((t) => t.text);
    expect(tips.some((t) => t.includes('p 临时数据'))).toBe(true);
    await trend.locator('[data-testid=chart-table-toggle]').click();
    const marks = await trend.locator('[data-testid=table-flag]').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
    expect(marks).toContainEqual(['bep', 'b 序列中断 · e 估计值 · p 临时数据']);
    const csv = await downloaded(w, () => trend.locator('[data-testid=chart-csv]').click());
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    expect(header).toContain('FR,FR 标记');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('proposes Destatis for a GENESIS table, and reads "-" as missing once the person switches to generic', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const bytes = Buffer.from(DESTATIS, 'latin1');
    await w.page.setInputFiles('[data-testid=import-input]', [file('insolvenzen.csv', bytes), file('insolvenzen-generic.csv', bytes)]);
    const publishers = w.page.locator('[data-testid=mapping-publisher]');
    await expect.poll(() => publishers.count(), { timeout: 30_000 }).toBe(2);
    expect(await publishers.evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual(['destatis', 'destatis']);
    await publishers.nth(1).selectOption('generic');
    for (const draft of ['insolvenzen.csv', 'insolvenzen-generic.csv']) {
      await w.page.locator(`[data-testid=import-draft][data-file="${draft}"] [data-testid=import-confirm]`).click();
      await w.page.locator(`[data-testid=import-draft][data-file="${draft}"] [data-testid=import-summary]`).waitFor();
    }
    const rows = await w.page
      .locator('[data-testid=import-summary]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rows'))));
    // Bremen 2022 is zero under Destatis' conventions, and no value under the general rules.
    expect(rows).toEqual([5, 4]);
    await w.context.close();
  });
});
