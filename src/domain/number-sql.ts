import { sqlString } from '../engine/sql';
import { MISSING_MARKERS, NUMBER_FULLWIDTH_FROM, NUMBER_FULLWIDTH_TO, NUMBER_RE } from './numbers';
import { collapseBlankSql, trimBlankSql } from './text-sql';

// SQL twins of `isMissing` and `parseNumber`. The fast path (a plain number) costs one TRY_CAST;
// only cells that fail it go through the cleaning steps.
const cleaned = collapseBlankSql(
  `translate(${trimBlankSql('s')}, ${sqlString(NUMBER_FULLWIDTH_FROM)}, ${sqlString(NUMBER_FULLWIDTH_TO)})`,
);

export const NUMBER_MACRO_SQL = [
  `CREATE OR REPLACE MACRO hqd_number_clean(s) AS ${cleaned}`,
  // CASE, not OR/COALESCE: DuckDB evaluates a CASE branch only for the rows that reach it, so the
  // regex cleaning runs on the few cells that are not plain numbers, not on every cell.
  // list_contains, not IN: DuckDB plans `x IN (many constants)` as a join, which computes x for
  // every row ahead of the CASE; that cleaned every cell of a file (1.4 s per million cells).
  `CREATE OR REPLACE MACRO hqd_missing(s) AS CASE WHEN s IS NULL THEN true WHEN TRY_CAST(s AS DOUBLE) IS NOT NULL THEN false
    ELSE list_contains([${MISSING_MARKERS.map(sqlString).join(', ')}], lower(hqd_number_clean(s))) END`,
  // A huge exponent casts to infinity, which parseNumber refuses as no number: so does this.
  `CREATE OR REPLACE MACRO hqd_number_slow(c) AS CASE
    WHEN regexp_matches(c, ${sqlString(`^${NUMBER_RE}$`)}) AND regexp_matches(c, '\\d')
      AND isfinite(TRY_CAST(regexp_replace(c, '[,% ]', '', 'g') AS DOUBLE))
    THEN TRY_CAST(regexp_replace(c, '[,% ]', '', 'g') AS DOUBLE) END`,
  // TRY_CAST alone would accept 'inf' and 'nan'; the slow path never yields them.
  `CREATE OR REPLACE MACRO hqd_number(s) AS CASE
    WHEN TRY_CAST(s AS DOUBLE) IS NULL THEN hqd_number_slow(hqd_number_clean(s))
    WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE) END`,
].join(';\n');
