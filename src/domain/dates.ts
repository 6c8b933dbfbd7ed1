import { cleanPeriodText, normalPeriod, parsePeriod, periodStart, type Grain, type Period } from './periods';

// Dates as periods (docs/data-format.md section 6). Destatis and INSEE label a period by a day:
// `01.01.2021`, `2021-01-01`, or a reference day (Stichtag) `31.12.2021`. A day is not a grain of
// this dashboard, so a file's dates are read as the periods they begin or end, when all of them
// do: every date a 1 January is a year, every date the last day of a quarter a quarter. The grain
// is decided from all the dates of a file at once, in TypeScript here and in SQL (period-sql.ts)
// from the same tables.

export interface DatePattern {
  /** RE2- and JavaScript-compatible, matched against the whole cleaned text. */
  re: string;
  year: number;
  month: number;
  day: number;
}

export const DATE_PATTERNS: readonly DatePattern[] = [
  { re: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', day: 1, month: 2, year: 3 },
  { re: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', year: 1, month: 2, day: 3 },
  { re: '(\\d{4})/(\\d{1,2})/(\\d{1,2})', year: 1, month: 2, day: 3 },
  { re: '(\\d{4})年(\\d{1,2})月(\\d{1,2})日', year: 1, month: 2, day: 3 },
];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const COMPILED = DATE_PATTERNS.map((p) => ({ ...p, regex: new RegExp(`^${p.re}$`) }));
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A real calendar date (not 31.02.2021), or null. */
export function parseDate(raw: string): CalendarDate | null {
  const text = cleanPeriodText(raw);
  for (const p of COMPILED) {
    const m = p.regex.exec(text);
    if (!m) continue;
    const date = { year: Number(m[p.year]), month: Number(m[p.month]), day: Number(m[p.day]) };
    const valid = date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysIn(date.year, date.month);
    return valid ? date : null;
  }
  return null;
}

const isLast = (d: CalendarDate) => d.day === daysIn(d.year, d.month);

/**
 * The grain a file's dates stand for, the coarsest that fits all of them: their first days, or
 * their last days, of years, halves, quarters or months; or one day of each year (a fiscal
 * reference day). Null when no grain fits (days spread through months).
 */
export const DATE_GRAIN_RULES: readonly { grain: Grain; fits: (d: CalendarDate) => boolean; sql: string }[] = [
  { grain: 'year', fits: (d) => d.month === 1 && d.day === 1, sql: 'month(d) = 1 AND day(d) = 1' },
  { grain: 'half', fits: (d) => (d.month === 1 || d.month === 7) && d.day === 1, sql: 'month(d) IN (1, 7) AND day(d) = 1' },
  { grain: 'quarter', fits: (d) => d.month % 3 === 1 && d.day === 1, sql: 'month(d) % 3 = 1 AND day(d) = 1' },
  { grain: 'month', fits: (d) => d.day === 1, sql: 'day(d) = 1' },
  { grain: 'year', fits: (d) => d.month === 12 && d.day === 31, sql: 'month(d) = 12 AND day(d) = 31' },
  { grain: 'half', fits: (d) => (d.month === 6 || d.month === 12) && isLast(d), sql: 'month(d) IN (6, 12) AND d = last_day(d)' },
  { grain: 'quarter', fits: (d) => d.month % 3 === 0 && isLast(d), sql: 'month(d) % 3 = 0 AND d = last_day(d)' },
  { grain: 'month', fits: isLast, sql: 'd = last_day(d)' },
];

export function dateGrain(dates: readonly CalendarDate[]): Grain | null {
  if (dates.length === 0) return null;
  for (const rule of DATE_GRAIN_RULES) if (dates.every(rule.fits)) return rule.grain;
  const first = dates[0] as CalendarDate;
  return dates.every((d) => d.month === first.month && d.day === first.day) ? 'year' : null;
}

/** The period of a date at a grain: the one it lies in. */
export function datePeriod(date: CalendarDate, grain: Grain): Period | null {
  const part = grain === 'half' ? (date.month <= 6 ? 1 : 2) : grain === 'quarter' ? Math.ceil(date.month / 3) : grain === 'month' ? date.month : 0;
  const period = normalPeriod(grain, date.year, part, true);
  return period === null ? null : { period, grain, start: periodStart(grain, date.year, part) };
}

/**
 * The periods of a file's period texts, as the load reads them (the twin of `periodMapSql`):
 * each spelling on its own, each date at the grain all the file's dates share.
 */
export function parsePeriods(raws: readonly string[]): (Period | null)[] {
  const spelled = raws.map((r) => parsePeriod(r, true));
  const dates = raws.map((r, i) => (spelled[i] ? null : parseDate(r)));
  const grain = dateGrain(dates.filter((d): d is CalendarDate => d !== null));
  return spelled.map((p, i) => {
    const date = dates[i];
    return p ?? (date && grain ? datePeriod(date, grain) : null);
  });
}
