import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWorkbookZip, zipEntries } from '../../../src/ingest/zip-check';
import { cellText, workbookToCsv, WorkbookRefused } from '../../../src/ingest/xlsx-csv';
import { fakeZip, renamePart, surveyWorkbook } from '../../support/workbook';

const arrayBuffer = (b: Buffer) => new Uint8Array(b).buffer;

describe('a workbook as CSV', () => {
  it('picks the first sheet with data, fills merged headers, combines a two-row header and reads dates, formulas and rich text', async () => {
    const book = await workbookToCsv(arrayBuffer(await surveyWorkbook()));
    expect(book.sheets.map((s) => s.name)).toEqual(['说明', '满意度']);
    // The sheet with the table, not the notes before it.
    expect(book.sheet).toBe(1);
    expect((await workbookToCsv(arrayBuffer(await surveyWorkbook()), 0)).csv).toBe('本表为示例，数据为虚构。\r\n');
    expect(book.csv.split('\r\n')).toEqual([
      '云澜市各区县满意度调查（2023—2024年）,,,',
      '单位：%,,,',
      '地区,年份,满意度 群众满意度,满意度 营商环境满意度',
      '东湖区,2023,91.5,88.2',
      '东湖区,2024,92.1,89.04',
      '西城区,2023,87.25,85',
      '西城区,2024,88.3,86.5',
      '注：满意度为抽样调查结果。,,,',
      '',
    ]);
  });

  it('reads a date as precisely as its format shows it', () => {
    const d = new Date(Date.UTC(2024, 5, 30));
    expect(cellText(d, 'yyyy"年"')).toBe('2024');
    expect(cellText(d, 'yyyy-mm')).toBe('2024-06');
    expect(cellText(d, 'yyyy"年"m"月"')).toBe('2024-06');
    expect(cellText(d, 'yyyy/m/d')).toBe('2024-06-30');
    expect(cellText(d, '[$-804]yyyy"年"')).toBe('2024');
  });

  it('refuses what is not a workbook, and a workbook that links to others', async () => {
    await expect(workbookToCsv(new TextEncoder().encode('a,b\n').buffer)).rejects.toMatchObject({ reason: 'not-workbook' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').getCell('A1').value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(zipEntries(bytes)?.some((e) => e.name === 'xl/workbook.xml')).toBe(true);
    expect(checkWorkbookZip(bytes)).toBeNull();
    // The same directory with one part renamed into xl/externalLinks/ (same length, so offsets hold).
    const linked = renamePart(bytes, 'xl/worksheets/sheet1.xml', 'xl/externalLinks/s1.xml');
    expect(checkWorkbookZip(linked)).toBe('external-links');
  });

  it('refuses a zip bomb and a huge shared-strings table from the directory alone', () => {
    expect(checkWorkbookZip(fakeZip([['xl/workbook.xml', 100, 200], ['xl/worksheets/sheet1.xml', 1000, 900 * 1024 ** 2]]))).toBe('zip-bomb');
    expect(checkWorkbookZip(fakeZip([['xl/workbook.xml', 100, 200], ['xl/sharedStrings.xml', 200 * 1024 ** 2, 300 * 1024 ** 2]]))).toBe('shared-strings');
    expect(checkWorkbookZip(fakeZip([['xl/workbook.xml', 100, 200], ['xl/worksheets/sheet1.xml', 1024 ** 2, 20 * 1024 ** 2]]))).toBeNull();
  });

  it('says an unreadable workbook is one', async () => {
    const error = await workbookToCsv(fakeZip([['xl/workbook.xml', 10, 10]]).buffer as ArrayBuffer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookRefused);
  });
});

