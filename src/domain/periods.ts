// Period spellings of docs/data-format.md section 6. The pattern table is the single source: the
// TypeScript parser (header detection, preview) and the SQL macro (the load) are both built from it.

import { collapseBlank, translate, trimBlank } from './text';

export type Grain = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodPattern {
  grain: Grain;
  /** RE2- and JavaScript-compatible, matched against the whole cleaned text. */
  re: string;
  year: number;
  /** Capture group of the half, quarter or month number. */
  part?: number;
  /**
   * Years of fewer than four digits or before the common era (OWID's `-10000`, `800`): read in a
   * period column, never taken for a sign that a column holds periods (see `parsePeriod`).
   */
  historical?: boolean;
}

export const PERIOD_PATTERNS: readonly PeriodPattern[] = [
  { grain: 'year', re: '(?:FY ?)?(\\d{4})(?:年度|年)?', year: 1 },
  { grain: 'half', re: '(\\d{4})年?[-/ ]?H([12])', year: 1, part: 2 },
  { grain: 'half', re: 'H([12])[-/ ]?(\\d{4})', year: 2, part: 1 },
  // Eurostat's semesters (`2023-S1`) and INSEE's trimestres (`2023-T1`).
  { grain: 'half', re: '(\\d{4})-?S([12])', year: 1, part: 2 },
  { grain: 'quarter', re: '(\\d{4})-?T([1-4])', year: 1, part: 2 },
  { grain: 'quarter', re: '(\\d{4})[-/ ]?Q([1-4])', year: 1, part: 2 },
  { grain: 'quarter', re: 'Q([1-4])[-/ ]?(\\d{4})', year: 2, part: 1 },
  { grain: 'quarter', re: '(\\d{4})年?第?([1-4])季度?', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})[-/.]([0-9]{1,2})', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})年([0-9]{1,2})月', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})M([0-9]{1,2})', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})([0-9]{2})', year: 1, part: 2 },
  { grain: 'year', re: '(-\\d{1,6}|\\d{1,3})', year: 1, historical: true },
];

/** The years a text must fall in to suggest a period column (sniffing); a period column reads back to `HISTORICAL_MIN_YEAR`. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;
export const HISTORICAL_MIN_YEAR = -999999;
const PART_MAX: Record<Grain, number> = { year: 0, half: 2, quarter: 4, month: 12 };

/** Full-width digits and letters that Chinese spreadsheets produce, mapped to ASCII. */
export const FULLWIDTH_FROM = '０１２３４５６７８９ＦＹＨＱＭｆｙｈｑｍ－／．';
export const FULLWIDTH_TO = '0123456789FYHQMfyhqm-/.';

export interface Period {
  period: string;
  grain: Grain;
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
}

/**
 * The same steps as `hqd_period_clean` in SQL: trim blanks, ASCII digits, upper case, Chinese
 * halves, blanks inside as one space, World Bank's ` [YR2023]` suffix dropped.
 */
export function cleanPeriodText(raw: string): string {
  const text = translate(trimBlank(raw), FULLWIDTH_FROM + '一二三四', FULLWIDTH_TO + '1234')
    .toUpperCase()
    .replace('上半年', 'H1')
    .replace('下半年', 'H2');
  return collapseBlank(text).replace(/ ?\[YR\d{4}\]$/, '');
}

export function normalPeriod(grain: Grain, year: number, part: number, historical = false): string | null {
  if (year < (historical ? HISTORICAL_MIN_YEAR : MIN_YEAR) || year > MAX_YEAR) return null;
  if (grain === 'year') return String(year);
  if (part < 1 || part > PART_MAX[grain]) return null;
  if (grain === 'half') return `${year}H${part}`;
  if (grain === 'quarter') return `${year}Q${part}`;
  return `${year}-${String(part).padStart(2, '0')}`;
}

/** ISO date as DuckDB writes one: four-digit years, and a year up to 0 as `0501-01-01 (BC)` for -500. */
export function isoDate(year: number, month: number, day: number): string {
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year > 0 ? `${String(year).padStart(4, '0')}-${md}` : `${String(1 - year).padStart(4, '0')}-${md} (BC)`;
}

export function periodStart(grain: Grain, year: number, part: number): string {
  const month = grain === 'year' ? 1 : grain === 'half' ? part * 6 - 5 : grain === 'quarter' ? part * 3 - 2 : part;
  return isoDate(year, month, 1);
}

const COMPILED = PERIOD_PATTERNS.map((p) => ({ ...p, regex: new RegExp(`^${p.re}$`) }));

/**
 * Parses one spelling, or returns null when it is not a period we accept. `historical` reads the
 * years a period column may hold (`-10000`, `800`, `1650`), as the load does; without it (the
 * sniffer asking whether a text looks like a period) only 1800–2200, so that `12` or `1500` in a
 * value column is not taken for a year.
 */
export function parsePeriod(raw: string, historical = false): Period | null {
  const text = cleanPeriodText(raw);
  for (const p of COMPILED) {
    if (p.historical && !historical) continue;
    const m = p.regex.exec(text);
    if (!m) continue;
    const year = Number(m[p.year]);
    const part = p.part === undefined ? 0 : Number(m[p.part]);
    const period = normalPeriod(p.grain, year, part, historical);
    return period === null ? null : { period, grain: p.grain, start: periodStart(p.grain, year, part) };
  }
  return null;
}

/** Grain of a period already in normal form (`-500` is a year: a month has its dash after four digits). */
export function grainOf(period: string): Grain {
  if (period.includes('H')) return 'half';
  if (period.includes('Q')) return 'quarter';
  if (period.charAt(4) === '-') return 'month';
  return 'year';
}

/** Year of a period in normal form. */
export function yearOf(period: string): number {
  return grainOf(period) === 'year' ? Number(period) : Number(period.slice(0, 4));
}
