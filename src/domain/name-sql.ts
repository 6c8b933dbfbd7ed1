import { sqlString } from '../engine/sql';
import { footnoteRe } from './names';
import { BLANK_CLASS_RE2, trimBlankSql } from './text-sql';

// SQL rules for the names of entities, branches and indicators, applied by the load's resolve
// step: the twins of `trimmedName` and `shortName` in names.ts.

/**
 * `hqd_trim`: trimmed text or NULL. `hqd_name`: also without footnote marks stuck to the end
 * (`Nunavut 5`, `北京①`, `Canada*`); the resolve step uses it only where it merges no two names.
 */
export const NAME_MACRO_SQL = `CREATE OR REPLACE MACRO hqd_trim(s) AS NULLIF(${trimBlankSql('s')}, '');
CREATE OR REPLACE MACRO hqd_name(s) AS NULLIF(${trimBlankSql(`regexp_replace(hqd_trim(s), ${sqlString(footnoteRe(BLANK_CLASS_RE2))}, '')`)}, '')`;
