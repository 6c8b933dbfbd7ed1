// Cell values of docs/data-format.md section 7: missing markers, thousands separators, percent signs,
// full-width digits and stray blanks (text.ts). TypeScript serves the sniffer and preview; `number-sql.ts`
// builds the SQL macro the load uses from the same constants.

import { collapseBlank, translate, trimBlank } from './text';

/** Cells that mean "no value": they produce no row and are not errors. Compared case-insensitively. */
// ':' is Eurostat's and '.' Destatis' mark for a value that is not available.
export const MISSING_MARKERS: readonly string[] = ['', '.', '..', '...', ':', '-', '--', '—', '–', 'na', 'n/a', 'null', 'none', '无', '…'];

export const NUMBER_FULLWIDTH_FROM = '０１２３４５６７８９．，－＋％';
export const NUMBER_FULLWIDTH_TO = '0123456789.,-+%';

/**
 * Plain decimal, or one with comma thousands groups; optional sign, exponent and percent sign. A
 * point may end the digits (`12.`, as spreadsheets write a whole number with a decimal point):
 * DuckDB's cast reads it so, and the import's fast path is that cast.
 */
export const NUMBER_RE = '[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d*)?(?:[eE][-+]?\\d+)? ?%?';

/** Blanks trimmed, ASCII digits and signs, blanks inside as one space (`45\u00a0%` is `45 %`). */
export function cleanNumberText(raw: string): string {
  return collapseBlank(translate(trimBlank(raw), NUMBER_FULLWIDTH_FROM, NUMBER_FULLWIDTH_TO));
}

export function isMissing(raw: string | null | undefined): boolean {
  return raw == null || MISSING_MARKERS.includes(cleanNumberText(raw).toLowerCase());
}

const NUMBER = new RegExp(`^${NUMBER_RE}$`);

/** A finite number, or null when the cell is missing or not a number. Use `isMissing` to tell which. */
export function parseNumber(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const text = cleanNumberText(raw);
  if (!NUMBER.test(text) || !/\d/.test(text)) return null;
  const value = Number(text.replace(/[,% ]/g, ''));
  return Number.isFinite(value) ? value : null;
}
