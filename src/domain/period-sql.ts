import { DATE_GRAIN_RULES, DATE_PATTERNS } from './dates';
import { FULLWIDTH_FROM, FULLWIDTH_TO, HISTORICAL_MIN_YEAR, MAX_YEAR, PERIOD_PATTERNS } from './periods';
import { sqlString } from '../engine/sql';
import { MONTH_NUMBERS } from './months';
import { collapseBlankSql, trimBlankSql } from './text-sql';

// SQL twin of `parsePeriods` (dates.ts), generated from the same pattern tables so the two cannot
// drift. A period column reads historical years, as `parsePeriod(text, true)` does.
// hqd_period_of(hqd_period_clean(text)) → normal form or NULL; hqd_period_start(normal) → DATE.
// Each macro is applied to a column, never to another macro's result inline: macro arguments are
// substituted textually, and nesting them multiplies the expression DuckDB has to plan.

const grainOfDates = `CASE ${DATE_GRAIN_RULES.map((r) => `WHEN bool_and(${r.sql}) THEN '${r.grain}'`).join(' ')}
  WHEN count(DISTINCT strftime(d, '%m-%d')) = 1 THEN 'year' END`;

/**
 * Distinct period texts (a `period_raw` column) → `period` (normal form or NULL) and `dated`: a
 * date that no grain fits, refused with its own reason. Dates take the grain all of them share.
 */
export function periodMapSql(distinctRaw: string): string {
  return `WITH cleaned AS (SELECT period_raw, hqd_period_clean(period_raw) AS c FROM (${distinctRaw}) d),
    spelled AS (SELECT period_raw, c, hqd_period_of(c) AS p FROM cleaned),
    dated AS (SELECT period_raw, p, CASE WHEN p IS NULL THEN hqd_date_of(c) END AS d FROM spelled),
    grain AS (SELECT ${grainOfDates} AS g FROM dated WHERE d IS NOT NULL),
    periods AS (SELECT period_raw, p, d, (SELECT g FROM grain) AS g FROM dated)
    SELECT period_raw, COALESCE(p, hqd_date_period(d, g)) AS period, p IS NULL AND d IS NOT NULL AND g IS NULL AS dated FROM periods`;
}

const translated = `replace(replace(upper(translate(${trimBlankSql('s')}, ${sqlString(FULLWIDTH_FROM + '一二三四')}, ${sqlString(
  FULLWIDTH_TO + '1234',
)})), '上半年', 'H1'), '下半年', 'H2')`;
const clean = `regexp_replace(${collapseBlankSql(translated)}, ' ?\\[YR\\d{4}\\]$', '')`;

function dateBranch(re: string, year: number, month: number, day: number): string {
  const pattern = sqlString(`^${re}$`);
  const part = (group: number) => `CAST(regexp_extract(c, ${pattern}, ${group}) AS INTEGER)`;
  return `WHEN regexp_matches(c, ${pattern}) THEN TRY_CAST(printf('%04d-%02d-%02d', ${part(year)}, ${part(month)}, ${part(day)}) AS DATE)`;
}

function branch(re: string, grain: string, year: number, part?: number): string {
  const pattern = sqlString(`^${re}$`);
  const y = `CAST(regexp_extract(c, ${pattern}, ${year}) AS INTEGER)`;
  const p = part === undefined ? '0' : `CAST(regexp_extract(c, ${pattern}, ${part}) AS INTEGER)`;
  return `WHEN regexp_matches(c, ${pattern}) THEN hqd_period_norm('${grain}', ${y}, ${p})`;
}

const monthOf = (s: string) => `CASE rtrim(lower(${trimBlankSql(s)}), '.') ${[...MONTH_NUMBERS].map(([name, n]) => `WHEN ${sqlString(name)} THEN ${n}`).join(' ')} END`;

export const PERIOD_MACRO_SQL = [
  // SQL twin of monthOf (months.ts).
  `CREATE OR REPLACE MACRO hqd_month_of(s) AS ${monthOf('s')}`,
  // A period written in two columns, the year and the month (GENESIS: "1991;January"): "1991-01".
  // Two period columns that are not that are read as one text, joined by a space.
  `CREATE OR REPLACE MACRO hqd_two_part_period(a, b) AS CASE
    WHEN hqd_month_of(b) IS NOT NULL THEN ${trimBlankSql('a')} || '-' || lpad(CAST(hqd_month_of(b) AS VARCHAR), 2, '0')
    WHEN hqd_month_of(a) IS NOT NULL THEN ${trimBlankSql('b')} || '-' || lpad(CAST(hqd_month_of(a) AS VARCHAR), 2, '0')
    ELSE concat_ws(' ', a, b) END`,
  `CREATE OR REPLACE MACRO hqd_period_clean(s) AS ${clean}`,
  `CREATE OR REPLACE MACRO hqd_period_norm(g, y, p) AS CASE
    WHEN y < ${HISTORICAL_MIN_YEAR} OR y > ${MAX_YEAR} THEN NULL
    WHEN g = 'year' THEN CAST(y AS VARCHAR)
    WHEN g = 'half' AND p BETWEEN 1 AND 2 THEN y || 'H' || p
    WHEN g = 'quarter' AND p BETWEEN 1 AND 4 THEN y || 'Q' || p
    WHEN g = 'month' AND p BETWEEN 1 AND 12 THEN y || '-' || lpad(CAST(p AS VARCHAR), 2, '0')
    ELSE NULL END`,
  `CREATE OR REPLACE MACRO hqd_period_of(c) AS CASE ${PERIOD_PATTERNS.map((p) => branch(p.re, p.grain, p.year, p.part)).join(' ')} ELSE NULL END`,
  `CREATE OR REPLACE MACRO hqd_date_of(c) AS CASE ${DATE_PATTERNS.map((p) => dateBranch(p.re, p.year, p.month, p.day)).join(' ')} ELSE NULL END`,
  `CREATE OR REPLACE MACRO hqd_date_period(d, g) AS CASE g
    WHEN 'year' THEN hqd_period_norm('year', year(d), 0)
    WHEN 'half' THEN hqd_period_norm('half', year(d), CASE WHEN month(d) <= 6 THEN 1 ELSE 2 END)
    WHEN 'quarter' THEN hqd_period_norm('quarter', year(d), quarter(d))
    WHEN 'month' THEN hqd_period_norm('month', year(d), month(d)) END`,
  // A month has its dash after the four digits of its year; '-500' is a year.
  `CREATE OR REPLACE MACRO hqd_grain(p) AS CASE
    WHEN contains(p, 'H') THEN 'half' WHEN contains(p, 'Q') THEN 'quarter' WHEN substr(p, 5, 1) = '-' THEN 'month' ELSE 'year' END`,
  `CREATE OR REPLACE MACRO hqd_period_start(p) AS make_date(CASE WHEN hqd_grain(p) = 'year' THEN CAST(p AS INTEGER) ELSE CAST(left(p, 4) AS INTEGER) END, CASE hqd_grain(p)
    WHEN 'year' THEN 1
    WHEN 'half' THEN CAST(right(p, 1) AS INTEGER) * 6 - 5
    WHEN 'quarter' THEN CAST(right(p, 1) AS INTEGER) * 3 - 2
    ELSE CAST(right(p, 2) AS INTEGER) END, 1)`,
].join(';\n');
