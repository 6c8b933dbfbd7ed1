import { FULLWIDTH_FROM, FULLWIDTH_TO, MAX_YEAR, MIN_YEAR, PERIOD_PATTERNS } from './periods';
import { sqlString } from '../engine/sql';
import { collapseBlankSql, trimBlankSql } from './text-sql';

// SQL twin of `parsePeriod`, generated from the same pattern table so the two cannot drift.
// hqd_period_of(hqd_period_clean(text)) → normal form or NULL; hqd_period_start(normal) → DATE.
// Each macro is applied to a column, never to another macro's result inline: macro arguments are
// substituted textually, and nesting them multiplies the expression DuckDB has to plan.
export function periodMapSql(distinctRaw: string): string {
  return `SELECT period_raw, hqd_period_of(c) AS period FROM (SELECT period_raw, hqd_period_clean(period_raw) AS c FROM (${distinctRaw}) d) cleaned`;
}

const translated = `replace(replace(upper(translate(${trimBlankSql('s')}, ${sqlString(FULLWIDTH_FROM + '一二三四')}, ${sqlString(
  FULLWIDTH_TO + '1234',
)})), '上半年', 'H1'), '下半年', 'H2')`;
const clean = `regexp_replace(${collapseBlankSql(translated)}, ' ?\\[YR\\d{4}\\]$', '')`;

function branch(re: string, grain: string, year: number, part?: number): string {
  const pattern = sqlString(`^${re}$`);
  const y = `CAST(regexp_extract(c, ${pattern}, ${year}) AS INTEGER)`;
  const p = part === undefined ? '0' : `CAST(regexp_extract(c, ${pattern}, ${part}) AS INTEGER)`;
  return `WHEN regexp_matches(c, ${pattern}) THEN hqd_period_norm('${grain}', ${y}, ${p})`;
}

export const PERIOD_MACRO_SQL = [
  `CREATE OR REPLACE MACRO hqd_period_clean(s) AS ${clean}`,
  `CREATE OR REPLACE MACRO hqd_period_norm(g, y, p) AS CASE
    WHEN y < ${MIN_YEAR} OR y > ${MAX_YEAR} THEN NULL
    WHEN g = 'year' THEN CAST(y AS VARCHAR)
    WHEN g = 'half' AND p BETWEEN 1 AND 2 THEN y || 'H' || p
    WHEN g = 'quarter' AND p BETWEEN 1 AND 4 THEN y || 'Q' || p
    WHEN g = 'month' AND p BETWEEN 1 AND 12 THEN y || '-' || lpad(CAST(p AS VARCHAR), 2, '0')
    ELSE NULL END`,
  `CREATE OR REPLACE MACRO hqd_period_of(c) AS CASE ${PERIOD_PATTERNS.map((p) => branch(p.re, p.grain, p.year, p.part)).join(' ')} ELSE NULL END`,
  `CREATE OR REPLACE MACRO hqd_grain(p) AS CASE
    WHEN contains(p, 'H') THEN 'half' WHEN contains(p, 'Q') THEN 'quarter' WHEN contains(p, '-') THEN 'month' ELSE 'year' END`,
  `CREATE OR REPLACE MACRO hqd_period_start(p) AS make_date(CAST(left(p, 4) AS INTEGER), CASE hqd_grain(p)
    WHEN 'year' THEN 1
    WHEN 'half' THEN CAST(right(p, 1) AS INTEGER) * 6 - 5
    WHEN 'quarter' THEN CAST(right(p, 1) AS INTEGER) * 3 - 2
    ELSE CAST(right(p, 2) AS INTEGER) END, 1)`,
].join(';\n');
