import ExcelJS from 'exceljs';
import { csvLine } from './table-csv';
import { checkWorkbookZip, type WorkbookRefusal } from './zip-check';

/**
 * A worksheet of an .xlsx workbook as CSV text, for the CSV path's sniffing and mapping:
 * - numbers as numbers (to Excel's 15 significant digits, so 0.1 + 0.2 is 0.3 as Excel shows it);
 * - dates as periods, as precise as their format shows them (`yyyy` a year, `yyyy-mm` a month);
 * - formulas as the values Excel saved with them; rich text and links as their text;
 * - merged cells as their value in every cell they cover, so a header cell merged over two
 *   columns names both, except a title merged across the whole table, kept once;
 * - a header of two rows (a group merged over the columns under it) as one row of combined names.
 */
export class WorkbookRefused extends Error {
  constructor(
    readonly reason: WorkbookRefusal | 'no-sheet' | 'unreadable',
    detail = '',
  ) {
    super(detail || reason);
    this.name = 'WorkbookRefused';
  }
}

export interface SheetInfo {
  name: string;
  rows: number;
  columns: number;
}

export interface WorkbookCsv {
  sheets: SheetInfo[];
  /** Index in `sheets` of the sheet written. */
  sheet: number;
  csv: string;
}

type CellValue = ExcelJS.CellValue;

/** How precise a date format is: a year, a month or a day (literal text and colours left out). */
function datePrecision(format: string): 'year' | 'month' | 'day' {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  if (/d/.test(bare)) return 'day';
  if (/m/.test(bare.replace(/h+:?m+|m+:?s+/g, ''))) return 'month';
  return 'year';
}

function dateText(date: Date, format: string): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const precision = datePrecision(format);
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function cellText(value: CellValue, format = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, format);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null, format);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, format);
  if ('error' in value) return value.error;
  return '';
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(ref: string): Range | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1] as string), bottom: Number(m[4]), right: col(m[3] as string) };
}

/** The sheet as a grid of texts, merges filled as described above; rows and columns from 1. */
export function sheetGrid(sheet: ExcelJS.Worksheet): string[][] {
  const rows = sheet.rowCount;
  const columns = sheet.columnCount;
  const grid: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    const texts: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      texts.push(cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value, cell.numFmt).trim());
    }
    grid.push(texts);
  }
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  for (const ref of merges) {
    const range = parseRange(ref);
    if (!range) continue;
    const value = grid[range.top - 1]?.[range.left - 1] ?? '';
    // A title over the whole width, alone on its row, stays in its first cell.
    const title = range.top === range.bottom && range.left === 1 && range.right >= columns;
    if (title) continue;
    for (let r = range.top; r <= Math.min(range.bottom, rows); r++) for (let c = range.left; c <= Math.min(range.right, columns); c++) (grid[r - 1] as string[])[c - 1] = value;
  }
  return combineGroupHeader(grid, merges.map(parseRange).filter((m): m is Range => m !== null));
}

const NUMBER = /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?%?$/i;

/**
 * A group row over a header row becomes one row: where a merge spans columns of row r and row r+1
 * names those columns, each column is named "group sub" (or once, where both say the same, as a
 * cell merged down both rows does).
 */
function combineGroupHeader(grid: string[][], merges: readonly Range[]): string[][] {
  for (const m of merges) {
    if (m.top !== m.bottom || m.right <= m.left) continue;
    const r = m.top - 1;
    const group = grid[r];
    const sub = grid[r + 1];
    if (!group || !sub) continue;
    const texts = (row: string[]) => row.filter((t) => t !== '');
    // Both rows are header rows: text, no plain numbers, and the row under the group names its columns.
    if (texts(group).some((t) => NUMBER.test(t)) || texts(sub).length < 2) continue;
    const underGroup = sub.slice(m.left - 1, m.right);
    if (underGroup.some((t) => t === '' || NUMBER.test(t) && !/^\d{4}$/.test(t))) continue;
    const combined = group.map((g, c) => {
      const s = sub[c] ?? '';
      return g === s || s === '' ? g : g === '' ? s : `${g} ${s}`;
    });
    return [...grid.slice(0, r), combined, ...grid.slice(r + 2)];
  }
  return grid;
}

/**
 * The workbook's sheets, and sheet `index` as CSV; unless asked, the visible sheet with the most
 * cells, since offices often put a sheet of notes first.
 */
export async function workbookToCsv(buffer: ArrayBuffer, index?: number): Promise<WorkbookCsv> {
  const refusal = checkWorkbookZip(new Uint8Array(buffer));
  if (refusal) throw new WorkbookRefused(refusal);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer);
  } catch (error) {
    throw new WorkbookRefused('unreadable', error instanceof Error ? error.message : String(error));
  }
  const sheets = workbook.worksheets.map((s) => ({ name: s.name, rows: s.actualRowCount, columns: s.actualColumnCount }));
  const size = (i: number) => (workbook.worksheets[i]?.state === 'visible' ? (sheets[i]?.rows ?? 0) * (sheets[i]?.columns ?? 0) : -1);
  const chosen = index ?? sheets.reduce((best, _, i) => (size(i) > size(best) ? i : best), 0);
  const sheet = workbook.worksheets[chosen];
  if (!sheet || sheets[chosen]?.rows === 0) throw new WorkbookRefused('no-sheet');
  const grid = sheetGrid(sheet);
  // Rows with nothing in them are left out; a table's notes under it stay, as in a CSV.
  const csv = grid.filter((row) => row.some((t) => t !== '')).map((row) => csvLine(row)).join('');
  return { sheets, sheet: chosen, csv };
}
