import type { ColumnRole } from '../../domain/mapping';
import { isMissing, parseNumber } from '../../domain/numbers';
import { parseDate } from '../../domain/dates';
import { parsePeriod } from '../../domain/periods';
import { guessRole } from '../roles';
import { monthOf } from '../../domain/months';
import { swapDecimalMarks } from './decimal';

// Columns: what the header and the cells say about each one.

export interface Profile {
  index: number;
  header: string;
  headerPeriod: boolean;
  headerRole: ColumnRole;
  /** Identifier columns (`Country Code`, `行政区划代码`) are never values or names. */
  code: boolean;
  /** Notes beside the data (`备注`, `Annotations`, `Source`): text that is never a key or a value. */
  note: boolean;
  filled: number;
  numbers: number;
  periods: number;
  /** Cells that name a month (`January`, `3月`): with a year column beside, a period in two columns. */
  months: number;
}

const CODE_RE = /(?:\bcode\b|代码|编码|编号|^id$|_id$|^idbank$)/i;
// OWID names its annotation columns after the chart (`417485-annotations`).
const NOTE_RE = /^(?:备注|说明|注释|附注|注|来源|数据来源|资料来源|dernière mise à jour|last update|(?:.*[-_ ])?(?:notes?|annotations?|comments?|remarks?|footnotes?|sources?))$|^flags?$/i;
/** Rows looked at to profile the columns, and filled cells per column: enough to see each column's kind. */
const PROFILE_ROWS = 200;
const PROFILE_CELLS = 50;
/** Every period spelling holds a four-digit year; the check spares most cells the full parse. */
const YEAR_RE = /[0-9０-９]{4}/;
/** A period spelling or a date (dates.ts): the sniffer asks whether a text names a period, the load which. */
export const isPeriodText = (text: string) => YEAR_RE.test(text) && (parsePeriod(text) !== null || parseDate(text) !== null);

/** The publisher's own marks (publishers.ts): `x` is missing, `-` zero, for Destatis. */
export interface CellMarks {
  missing: readonly string[];
  zero: readonly string[];
}
const NO_MARKS: CellMarks = { missing: [], zero: [] };

export function profileColumns(headers: readonly string[], rows: readonly string[][], decimalComma = false, marks: CellMarks = NO_MARKS): Profile[] {
  const isMark = (list: readonly string[], cell: string) => list.length > 0 && list.includes(cell.trim().toLowerCase());
  return headers.map((header, index) => {
    const p: Profile = {
      index,
      header,
      headerPeriod: header !== '' && isPeriodText(header),
      headerRole: guessRole(header),
      code: CODE_RE.test(header),
      note: NOTE_RE.test(header.trim()),
      filled: 0,
      numbers: 0,
      periods: 0,
      months: 0,
    };
    for (const row of rows.slice(0, PROFILE_ROWS)) {
      const cell = row[index] ?? '';
      const zero = isMark(marks.zero, cell);
      if (cell === '' || (!zero && (isMissing(cell) || isMark(marks.missing, cell)))) continue;
      if (p.filled === PROFILE_CELLS) break;
      p.filled++;
      if (zero || parseNumber(decimalComma ? swapDecimalMarks(cell) : cell) !== null) p.numbers++;
      if (isPeriodText(cell)) p.periods++;
      else if (monthOf(cell) !== null) p.months++;
    }
    return p;
  });
}

export const isNumeric = (p: Profile) => p.filled > 0 && p.numbers >= 0.8 * p.filled;
export const isPeriodic = (p: Profile) => p.filled > 0 && p.periods >= 0.9 * p.filled;
export const isText = (p: Profile) => p.filled > 0 && p.numbers < 0.5 * p.filled && p.periods < 0.5 * p.filled;
export const isMonthly = (p: Profile) => p.filled > 0 && p.months === p.filled;
export const isEmptyColumn = (p: Profile) => p.filled === 0;
/** A column that can carry values under its header: numbers, or nothing yet in the rows seen. */
export const canMeasure = (p: Profile) => p.header !== '' && !p.code && !p.note && (isNumeric(p) || isEmptyColumn(p));
