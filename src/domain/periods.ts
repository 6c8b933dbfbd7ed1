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
}

export const PERIOD_PATTERNS: readonly PeriodPattern[] = [
  { grain: 'year', re: '(?:FY ?)?(\\d{4})(?:年度|年)?', year: 1 },
  { grain: 'half', re: '(\\d{4})年?[-/ ]?H([12])', year: 1, part: 2 },
  { grain: 'half', re: 'H([12])[-/ ]?(\\d{4})', year: 2, part: 1 },
  { grain: 'quarter', re: '(\\d{4})[-/ ]?Q([1-4])', year: 1, part: 2 },
  { grain: 'quarter', re: 'Q([1-4])[-/ ]?(\\d{4})', year: 2, part: 1 },
  { grain: 'quarter', re: '(\\d{4})年?第?([1-4])季度?', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})[-/.]([0-9]{1,2})', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})年([0-9]{1,2})月', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})M([0-9]{1,2})', year: 1, part: 2 },
  { grain: 'month', re: '(\\d{4})([0-9]{2})', year: 1, part: 2 },
];

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;
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

export function normalPeriod(grain: Grain, year: number, part: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (grain === 'year') return String(year);
  if (part < 1 || part > PART_MAX[grain]) return null;
  if (grain === 'half') return `${year}H${part}`;
  if (grain === 'quarter') return `${year}Q${part}`;
  return `${year}-${String(part).padStart(2, '0')}`;
}

export function periodStart(grain: Grain, year: number, part: number): string {
  const month = grain === 'year' ? 1 : grain === 'half' ? part * 6 - 5 : grain === 'quarter' ? part * 3 - 2 : part;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

const COMPILED = PERIOD_PATTERNS.map((p) => ({ ...p, regex: new RegExp(`^${p.re}$`) }));

/** Parses one spelling, or returns null when it is not a period we accept. */
export function parsePeriod(raw: string): Period | null {
  const text = cleanPeriodText(raw);
  for (const p of COMPILED) {
    const m = p.regex.exec(text);
    if (!m) continue;
    const year = Number(m[p.year]);
    const part = p.part === undefined ? 0 : Number(m[p.part]);
    const period = normalPeriod(p.grain, year, part);
    return period === null ? null : { period, grain: p.grain, start: periodStart(p.grain, year, part) };
  }
  return null;
}

/** Grain of a period already in normal form. */
export function grainOf(period: string): Grain {
  if (period.includes('H')) return 'half';
  if (period.includes('Q')) return 'quarter';
  if (period.includes('-')) return 'month';
  return 'year';
}

/** Year of a period in normal form. */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}
