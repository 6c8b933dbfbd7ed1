// SQL rules for the names of entities, branches and indicators, applied by the load's resolve step.

/**
 * `hqd_trim`: trimmed text or NULL. `hqd_name`: also without footnote marks stuck to the end
 * (`Nunavut 5`, `北京①`, `Canada*`); the resolve step uses it only where it merges no two names.
 */
export const NAME_MACRO_SQL = `CREATE OR REPLACE MACRO hqd_trim(s) AS NULLIF(regexp_replace(s, '^[\\s\\x{3000}]+|[\\s\\x{3000}]+$', '', 'g'), '');
CREATE OR REPLACE MACRO hqd_name(s) AS NULLIF(regexp_replace(hqd_trim(s), '(\\s+\\d{1,2})+$|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡①②③④⑤⑥⑦⑧⑨⑩]+$', ''), '')`;
