import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readSampleRows } from '../support/sample-csv';
import { fakeZip, renamePart, surveyWorkbook, WORKBOOK_ROWS } from '../support/workbook';
import { closeBrowser, openPage, waitReady } from './support/app';
import { datasetRows, expectNoErrors, settledDraft } from './support/imports';

afterAll(closeBrowser);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const entities = new Map(readSampleRows('entities.csv').map((e) => [e.name, e.entity_id]));

async function upload(page: Page, name: string, buffer: Buffer | Uint8Array) {
  await page.setInputFiles('[data-testid=import-input]', [{ name, mimeType: XLSX, buffer: Buffer.from(buffer) }]);
  return settledDraft(page, name);
}

describe('Excel workbooks', () => {
  it('imports the table of a workbook with a title, merged headers, dates and formulas, through the same mapping as a CSV', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const draft = await upload(w.page, '满意度调查.xlsx', await surveyWorkbook());
    // Two sheets: the table's is picked, and the choice is offered.
    expect(await draft.getAttribute('data-status')).toBe('review');
    const picker = draft.locator('[data-testid=import-sheet]');
    expect(await picker.locator('option').allInnerTexts()).toEqual(['说明（1 行 × 1 列）', '满意度（9 行 × 4 列）']);
    expect(await picker.inputValue()).toBe('1');
    await draft.locator('[data-testid=import-confirm]').click();
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const dataset = (await datasetRows(w.page)).find((d) => d.name === '满意度调查');
    expect(dataset?.rows).toBe(WORKBOOK_ROWS.length * 2);

    // Each value under its indicator, each year a period, the formula's saved result.
    const sql = `SELECT entity_id, period, indicator_name_zh, value FROM observations_named WHERE dataset_id = '${dataset?.id}' ORDER BY entity_id, period, indicator_name_zh`;
    await w.page.goto(`${new URL(w.page.url()).origin}/sql?q=${encodeURIComponent(sql)}`);
    await waitReady(w.page);
    const result = w.page.locator('[data-testid=sql-result]');
    await result.waitFor();
    const cells = await result.locator('[role=row]:not([aria-rowindex="1"])').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent?.trim())));
    const expected = WORKBOOK_ROWS.flatMap(([name, year, mass, business]) => [
      [entities.get(name), String(year), '满意度 群众满意度', String(Number(mass.toPrecision(15)))],
      [entities.get(name), String(year), '满意度 营商环境满意度', String(business)],
    ]).sort((a, b) => `${a[0]}${a[1]}${a[2]}`.localeCompare(`${b[0]}${b[1]}${b[2]}`));
    expect(cells).toEqual(expected);

    // Kept across a reload, as a CSV upload is.
    await w.page.goto(`${new URL(w.page.url()).origin}/data`);
    await waitReady(w.page);
    await expect.poll(async () => (await datasetRows(w.page)).find((d) => d.name === '满意度调查')?.rows, { timeout: 30_000 }).toBe(WORKBOOK_ROWS.length * 2);
    await expectNoErrors(w);
    await w.context.close();
  });

  it('reads another sheet when the person picks it', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const draft = await upload(w.page, '两张表.xlsx', await surveyWorkbook());
    await draft.locator('[data-testid=import-sheet]').selectOption('0');
    // The notes sheet is one line of text: read afresh, it has no table to import.
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 30_000 }).toMatch(/^(refused|review)$/);
    if ((await draft.getAttribute('data-status')) === 'review') expect(await draft.locator('[data-testid=import-sheet]').inputValue()).toBe('0');
    else expect(await draft.innerText()).toMatch(/表头|数值|空/);
    await expectNoErrors(w);
    await w.context.close();
  });

  it('refuses a zip bomb, a huge shared-strings table, external links and a file that is no workbook, and nothing changes', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const before = await datasetRows(w.page);
    const real = new Uint8Array(await surveyWorkbook());
    const cases: [string, Uint8Array, string][] = [
      ['压缩炸弹.xlsx', fakeZip([['xl/workbook.xml', 100, 200], ['xl/worksheets/sheet1.xml', 2000, 900 * 1024 ** 2]], 30), '解压后过大'],
      ['共享字符串.xlsx', fakeZip([['xl/workbook.xml', 100, 200], ['xl/sharedStrings.xml', 100 * 1024 ** 2, 400 * 1024 ** 2]], 30), '共享字符串'],
      ['外部链接.xlsx', renamePart(real, 'xl/worksheets/sheet1.xml', 'xl/externalLinks/s1.xml'), '外部链接'],
      ['不是工作簿.xlsx', fakeZip([['word/document.xml', 10, 10]], 30), '不是能读取的 Excel 工作簿'],
    ];
    for (const [name, bytes, words] of cases) {
      const draft = await upload(w.page, name, bytes);
      expect(await draft.getAttribute('data-status'), name).toBe('refused');
      expect(await draft.innerText(), name).toContain(words);
    }
    expect(await datasetRows(w.page)).toEqual(before);
    await expectNoErrors(w);
    await w.context.close();
  });
});
