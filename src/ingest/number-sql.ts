import { sqlString } from '../engine/sql';
import { MISSING_MARKERS, NUMBER_FULLWIDTH_FROM, NUMBER_FULLWIDTH_TO, NUMBER_RE } from './numbers';

// SQL twins of `isMissing` and `parseNumber`. The fast path (a plain number) costs one TRY_CAST;
// only cells that fail it go through the cleaning steps.
const cleaned = `translate(regexp_replace(s, '^[\\s\\x{00a0}\\x{3000}]+|[\\s\\x{00a0}\\x{3000}]+$', '', 'g'), ${sqlString(
  NUMBER_FULLWIDTH_FROM,
)}, ${sqlString(NUMBER_FULLWIDTH_TO)})`;

export const NUMBER_MACRO_SQL = [
  `CREATE OR REPLACE MACRO hqd_number_clean(s) AS ${cleaned}`,
  `CREATE OR REPLACE MACRO hqd_missing(s) AS s IS NULL OR lower(hqd_number_clean(s)) IN (${MISSING_MARKERS.map(sqlString).join(', ')})`,
  `CREATE OR REPLACE MACRO hqd_number_slow(c) AS CASE
    WHEN regexp_matches(c, ${sqlString(`^${NUMBER_RE}$`)}) AND regexp_matches(c, '\\d')
    THEN TRY_CAST(regexp_replace(c, '[,% ]', '', 'g') AS DOUBLE) END`,
  `CREATE OR REPLACE MACRO hqd_finite(x) AS CASE WHEN isfinite(x) THEN x END`,
  `CREATE OR REPLACE MACRO hqd_number(s) AS hqd_finite(COALESCE(
    TRY_CAST(s AS DOUBLE),
    hqd_number_slow(hqd_number_clean(s))))`,
].join(';\n');
