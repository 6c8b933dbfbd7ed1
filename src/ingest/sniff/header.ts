import { isMissing, parseNumber } from '../../domain/numbers';
import { isPeriodText } from './profile';
import { guessRole } from '../roles';
import { trimBlank } from '../../domain/text';
import { nonEmpty, type CsvRecord } from './records';

// Where the header is, whether it looks like one, and the unit row under it.

/** Maximal runs of consecutive records with exactly `width` fields: [start, length]. */
function runsOfWidth(records: readonly CsvRecord[], width: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < records.length; i++) {
    if (records[i]?.fields.length !== width) continue;
    let j = i;
    while (records[j + 1]?.fields.length === width) j++;
    runs.push([i, j - i + 1]);
    i = j;
  }
  return runs;
}

/**
 * Index of the header record: the start of the first run of table-wide records that is as long as
 * the table's (at least 3 records), so that a couple of metadata lines that happen to have the
 * table's width do not win, and a ragged row further down does not cut the table in two.
 */
export function findHeader(records: readonly CsvRecord[], width: number): number {
  const runs = runsOfWidth(records, width);
  const longest = runs.reduce((max, [, n]) => Math.max(max, n), 0);
  const run = runs.find(([, n]) => n >= Math.min(longest, 3)) ?? runs[0];
  if (!run) return 0;
  // A header one field shorter or longer than its rows (only the data lines, or only the header,
  // end with a delimiter): the run then starts with a data record, and the header is just above.
  const above = records[run[0] - 1];
  const first = records[run[0]] as CsvRecord;
  const headerAbove = above && Math.abs(above.fields.length - width) === 1 && nonEmpty(above) >= 2 && looksLikeHeader(above.fields);
  if (headerAbove && hasPlainNumber(first.fields)) return run[0] - 1;
  // Title lines padded with delimiters to the table's width (Destatis' `Bevölkerung: …;;;;`, NBS'
  // `数据库：月度数据,,,,,,`) begin the run: their text is in the first field alone, and a header
  // names at least two columns.
  let h = run[0];
  const end = run[0] + run[1] - 1;
  while (h < end && isPaddedTitle(records[h] as CsvRecord)) h++;
  // Two header rows, the upper one a label over them all (`;Stichtag;Stichtag;…` over
  // `;31.12.2000;31.12.2001;…`): the lower one names the columns.
  const next = records[h + 1];
  if (h < end && next && isGroupLabel(records[h] as CsvRecord) && nonEmpty(next) >= 2 && !hasPlainNumber(next.fields) && looksLikeHeader(next.fields)) h++;
  return h;
}

const isPaddedTitle = (record: CsvRecord) => nonEmpty(record) === 1 && trimBlank(record.fields[0] ?? '') !== '';

/** A row whose filled cells all say the same (`Stichtag` over every date): a label over a header. */
function isGroupLabel(record: CsvRecord): boolean {
  const filled = record.fields.map(trimBlank).filter((f) => f !== '');
  return filled.length >= 2 && filled.every((f) => f === filled[0]);
}

/** A number that is not a period (`15.39`, `1,000`): found in data records, not in headers. */
function hasPlainNumber(fields: readonly string[]): boolean {
  return fields.some((f) => !isMissing(f) && parseNumber(f) !== null && !isPeriodText(f));
}

/** Header names are text or periods; a record of plain numbers is data, not a header. */
export function looksLikeHeader(fields: readonly string[]): boolean {
  const filled = fields.map(trimBlank).filter((f) => f !== '');
  const numbers = filled.filter((f) => parseNumber(f) !== null && !isPeriodText(f)).length;
  return filled.length > 0 && numbers <= filled.length / 2;
}

/**
 * A unit row (StatCan's `,"Persons",,,`): right under the header, the first (key) cell empty,
 * and every filled cell a word — not a number, not a period.
 */
export function isUnitRow(record: CsvRecord | undefined): boolean {
  if (!record || record.fields.length < 2 || trimBlank(record.fields[0] ?? '') !== '') return false;
  const filled = record.fields.map(trimBlank).filter((f) => !isMissing(f));
  return filled.length > 0 && filled.every((f) => parseNumber(f) === null && !isPeriodText(f));
}

/** The unit a unit row gives each of `width` columns: its cell, or '' where that is empty or a missing marker. */
export function unitsOfRow(record: CsvRecord, width: number): string[] {
  return Array.from({ length: width }, (_, i) => {
    const cell = trimBlank(record.fields[i] ?? '');
    return isMissing(cell) ? '' : cell;
  });
}

/** The one unit of a file from its unit row (`unitsOfRow`): the most common one; `mixed` when the columns differ. */
export function unitOfRow(units: readonly string[]): { unit: string; mixed: boolean } {
  const freq = new Map<string, number>();
  for (const u of units) if (u !== '') freq.set(u, (freq.get(u) ?? 0) + 1);
  const [unit = ''] = [...freq].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { unit, mixed: freq.size > 1 };
}

/** Code rows looked for under the header: INSEE has three (`idBank`, `Dernière mise à jour`, `Période`). */
const MAX_CODE_ROWS = 5;
const firstCell = (record: CsvRecord | undefined) => trimBlank(record?.fields[0] ?? '');

/** A code row's label: words (`idBank`, `Dernière mise à jour`), no digits, so never a mistyped period (`2023年13月`). */
const isLabel = (text: string) => /\p{L}/u.test(text) && !/[0-9０-９]/.test(text);

/**
 * Code rows under the header (INSEE's series exports): records whose first cell is a label where
 * the data below have periods, under a header whose first cell is a label too (`Libellé`, not
 * `年份`: a bad cell in a period column is no code row). How many there are, else 0.
 */
export function codeRowsAt(records: readonly CsvRecord[], header: number, start: number): number {
  if (guessRole(firstCell(records[header])) !== 'ignore') return 0;
  let n = 0;
  while (n < MAX_CODE_ROWS && isLabel(firstCell(records[start + n]))) n++;
  const below = records.slice(start + n, start + n + 3).filter((r) => nonEmpty(r) > 0);
  return n > 0 && below.length > 0 && below.every((r) => isPeriodText(firstCell(r))) ? n : 0;
}
