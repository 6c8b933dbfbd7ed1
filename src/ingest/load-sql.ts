import { sqlIdent, sqlString } from '../engine/sql';
import type { ImportMapping } from './mapping';
import { periodMapSql } from './period-sql';

// Pure SQL builders of the load. A file becomes rows in three steps, all inside one transaction:
//   stage     read_csv of the registered UTF-8 file, every column as text under a generic name c0…cN
//   resolved  one row per value cell (wide layouts unpivoted), its raw keys resolved against the
//             catalog once per distinct text, with a value or the reason it was refused
//   insert    new entities and indicators, then the canonical rows
// Few statements on purpose: in DuckDB-wasm each statement has a fixed cost that dwarfs the work
// on a file of a few thousand rows.

export const STAGE = 'hqd_stage';

const col = (i: number) => `c${i}`;

export function stageSql(file: string, mapping: ImportMapping): string {
  const { read } = mapping;
  const columns = mapping.columns.map((_, i) => `${sqlString(col(i))}: 'VARCHAR'`).join(', ');
  // `rec` numbers the records in file order; `rowid` cannot serve, it is not dense inside a transaction.
  return `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS rec, * FROM read_csv(${sqlString(file)},
    delim = ${sqlString(read.delimiter)}, quote = '"', escape = '"', header = false,
    skip = ${Math.max(0, Math.floor(read.headerRow)) + 1}, auto_detect = false, columns = {${columns}},
    null_padding = true, strict_mode = false, parallel = false)`;
}

/** Header text → indicator name and unit: `第二产业比重_%`, `GDP(亿元)`, `人口（万人）`. */
export function splitNameUnit(header: string): { name: string; unit: string } {
  const text = header.trim();
  const bracket = /^(.+?)\s*[(（\[]([^()（）[\]]{1,12})[)）\]]$/.exec(text);
  if (bracket) return { name: (bracket[1] as string).trim(), unit: (bracket[2] as string).trim() };
  const underscore = /^(.+)_([^_]{1,8})$/.exec(text);
  // Latin units are short (USD, kg, km): a longer word after an underscore is part of a snake_case name.
  if (underscore && /^(?:[%‰$€£¥]|.*[\u4e00-\u9fff].*|[A-Za-z$€£¥]{1,4})$/.test(underscore[2] as string))
    return { name: (underscore[1] as string).trim(), unit: (underscore[2] as string).trim() };
  return { name: text, unit: '' };
}

interface Key {
  entity: string;
  branch: string;
  indicator: string;
  period: string;
  unit: string;
}

function keyColumn(mapping: ImportMapping, role: 'entity' | 'branch' | 'indicator' | 'period' | 'unit'): string {
  const i = mapping.columns.findIndex((c) => c.role === role);
  return i < 0 ? 'CAST(NULL AS VARCHAR)' : col(i);
}

/** One row per value cell: `rec` (0-based data record), raw key texts, raw value, source column. */
export function cellsSelect(mapping: ImportMapping): string {
  const keys: Key = {
    entity: keyColumn(mapping, 'entity'),
    branch: keyColumn(mapping, 'branch'),
    indicator: keyColumn(mapping, 'indicator'),
    period: keyColumn(mapping, 'period'),
    unit: keyColumn(mapping, 'unit'),
  };
  if (keys.indicator.startsWith('CAST(NULL')) keys.indicator = sqlString(mapping.indicator.name);
  if (keys.unit.startsWith('CAST(NULL')) keys.unit = sqlString(mapping.indicator.unit);
  const limit = `rec < ${Math.max(0, Math.floor(mapping.read.dataRows))}`;

  if (mapping.layout === 'long') {
    const v = mapping.columns.findIndex((c) => c.role === 'value');
    const valueName = v < 0 ? '' : (mapping.columns[v] as { name: string }).name;
    return `SELECT rec, ${keys.entity} AS entity_raw,
      ${keys.branch} AS branch_raw, ${keys.indicator} AS indicator_raw, ${keys.period} AS period_raw,
      ${keys.unit} AS unit_raw, ${v < 0 ? 'CAST(NULL AS VARCHAR)' : col(v)} AS value_raw, ${sqlString(valueName)} AS value_column
      FROM ${STAGE} WHERE ${limit}`;
  }

  // Wide layouts: the measure columns' headers are the varying key.
  const measures = mapping.columns.flatMap((c, i) => (c.role === 'measure' ? [{ i, name: c.name }] : []));
  const headerList = `[${measures.map((m) => sqlString(m.name)).join(', ')}]::VARCHAR[]`;
  const valueList = `[${measures.map((m) => col(m.i)).join(', ')}]::VARCHAR[]`;
  const split = measures.map((m) => splitNameUnit(m.name));
  // Two headers with one name and different units (进出口总额_亿元人民币, 进出口总额_万美元) are two
  // indicators: they keep their whole header as the name rather than merge.
  const clash = (name: string) => split.filter((s) => s.name === name).length > 1;
  const unitList = `[${split.map((s) => sqlString(s.unit || mapping.indicator.unit)).join(', ')}]::VARCHAR[]`;
  const nameList = `[${split.map((s, i) => sqlString(clash(s.name) ? (measures[i] as { name: string }).name : s.name)).join(', ')}]::VARCHAR[]`;
  const varying =
    mapping.layout === 'wide-indicator'
      ? { ...keys, indicator: 'unnest(' + nameList + ')', unit: 'unnest(' + unitList + ')' }
      : mapping.layout === 'wide-period'
        ? { ...keys, period: `unnest(${headerList})` }
        : { ...keys, entity: `unnest(${headerList})` };
  return `SELECT rec, ${varying.entity} AS entity_raw,
    ${varying.branch} AS branch_raw, ${varying.indicator} AS indicator_raw, ${varying.period} AS period_raw,
    ${varying.unit} AS unit_raw, unnest(${valueList}) AS value_raw, unnest(${headerList}) AS value_column
    FROM ${STAGE} WHERE ${limit}`;
}

/** Trims names and strips footnote marks stuck to them (`Nunavut 5`, `北京①`, `Canada*`). */
export const NAME_MACRO_SQL = `CREATE OR REPLACE MACRO hqd_name(s) AS NULLIF(regexp_replace(trim(regexp_replace(s,
  '^[\\s\\x{3000}]+|[\\s\\x{3000}]+$', '', 'g')), '(\\s+\\d{1,2})+$|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡①②③④⑤⑥⑦⑧⑨⑩]+$', ''), '')`;

export interface ResolveOptions {
  datasetId: string;
  entityLevel: string;
  direction: 1 | -1;
}

export const RESOLVED = 'hqd_resolved';

/**
 * One statement: cells → resolved rows, each with its canonical keys and either a value or the
 * reason it was refused. Periods, entities and indicators are resolved once per distinct raw text.
 * New entities get ids `u:<name>` (and `<parent id>/<branch>`), so two uploads naming the same
 * province share one entity; new indicators get `u:<name>`. A missing cell has reason 'missing'
 * and is neither a row nor an error.
 */
export function resolvedSql(mapping: ImportMapping): string {
  return `CREATE OR REPLACE TEMP TABLE ${RESOLVED} AS
    WITH cells AS (${cellsSelect(mapping)}),
    pm AS (${periodMapSql('SELECT DISTINCT period_raw FROM cells')}),
    named AS (SELECT entity_raw, branch_raw, hqd_name(entity_raw) AS ename, hqd_name(branch_raw) AS bname
      FROM (SELECT DISTINCT entity_raw, branch_raw FROM cells) d),
    parent AS (SELECT named.*, COALESCE(
        (SELECT min(e.entity_id) FROM entities e WHERE e.entity_id = named.ename),
        (SELECT min(e.entity_id) FROM entities e WHERE e.name = named.ename),
        'u:' || named.ename) AS parent_id FROM named WHERE ename IS NOT NULL),
    em AS (SELECT entity_raw, branch_raw, ename, bname, parent_id,
        CASE WHEN bname IS NULL THEN parent_id ELSE COALESCE(
          (SELECT min(e.entity_id) FROM entities e WHERE e.parent_id = parent.parent_id AND (e.name = bname OR e.entity_id = bname)),
          parent_id || '/' || bname) END AS entity_id
      FROM parent),
    inamed AS (SELECT indicator_raw, unit_raw, hqd_name(indicator_raw) AS iname
      FROM (SELECT indicator_raw, min(unit_raw) AS unit_raw FROM cells GROUP BY indicator_raw) d),
    im AS (SELECT indicator_raw, iname, trim(COALESCE(unit_raw, '')) AS unit, COALESCE(
        (SELECT min(i.indicator_id) FROM indicators i WHERE i.indicator_id = iname),
        (SELECT min(i.indicator_id) FROM indicators i WHERE lower(i.name_zh) = lower(iname) OR lower(i.name_en) = lower(iname)),
        'u:' || iname) AS indicator_id
      FROM inamed WHERE iname IS NOT NULL),
    joined AS (SELECT c.rec, c.value_column, c.value_raw, c.period_raw, c.entity_raw, c.indicator_raw,
        pm.period, em.entity_id, em.parent_id, em.ename, em.bname, im.indicator_id, im.iname, im.unit,
        hqd_missing(c.value_raw) AS missing, hqd_number(c.value_raw) AS value
      FROM cells c
      LEFT JOIN pm ON pm.period_raw IS NOT DISTINCT FROM c.period_raw
      LEFT JOIN em ON em.entity_raw IS NOT DISTINCT FROM c.entity_raw AND em.branch_raw IS NOT DISTINCT FROM c.branch_raw
      LEFT JOIN im ON im.indicator_raw IS NOT DISTINCT FROM c.indicator_raw),
    judged AS (SELECT *, CASE
        WHEN missing THEN 'missing'
        WHEN period IS NULL THEN 'period'
        WHEN entity_id IS NULL THEN 'entity'
        WHEN indicator_id IS NULL THEN 'indicator'
        WHEN value IS NULL THEN 'number' END AS reason
      FROM joined)
    SELECT * REPLACE (CASE WHEN reason IS NULL AND copy > 1 THEN 'duplicate' ELSE reason END AS reason)
    FROM (SELECT *, row_number() OVER (PARTITION BY reason IS NULL, entity_id, indicator_id, period ORDER BY rec) AS copy FROM judged) numbered`;
}

/** The statements that write what `resolvedSql` accepted: new entities and indicators, then rows. */
export function insertSql(options: ResolveOptions): string[] {
  const good = `FROM ${RESOLVED} WHERE reason IS NULL`;
  return [
    `INSERT INTO entities
      SELECT DISTINCT parent_id, ename, ${sqlString(options.entityLevel)}, NULL ${good} AND parent_id NOT IN (SELECT entity_id FROM entities)
      UNION ALL
      SELECT DISTINCT entity_id, bname, 'branch', parent_id ${good} AND bname IS NOT NULL AND entity_id NOT IN (SELECT entity_id FROM entities)`,
    `INSERT INTO indicators (indicator_id, name_zh, name_en, category, unit, direction, decimals, source)
      SELECT indicator_id, min(iname), min(iname), 'other', min(unit), ${options.direction === -1 ? -1 : 1}, 2, ''
      ${good} AND indicator_id NOT IN (SELECT indicator_id FROM indicators) GROUP BY indicator_id`,
    `INSERT INTO observations
      SELECT ${sqlString(options.datasetId)}, entity_id, indicator_id, period, hqd_period_start(period), hqd_grain(period), value
      ${good} ORDER BY rec`,
  ];
}

/** Counts of what a load added and refused, in one pass over the resolved rows. */
export const SUMMARY_SQL = `SELECT
    CAST(count(*) FILTER (WHERE reason IS NULL) AS INTEGER) AS rows,
    CAST(count(*) FILTER (WHERE reason IS NOT NULL AND reason <> 'missing') AS INTEGER) AS rejected,
    CAST(count(DISTINCT entity_id) FILTER (WHERE reason IS NULL) AS INTEGER) AS entities,
    CAST(count(DISTINCT indicator_id) FILTER (WHERE reason IS NULL) AS INTEGER) AS indicators,
    CAST(count(DISTINCT period) FILTER (WHERE reason IS NULL) AS INTEGER) AS periods
  FROM ${RESOLVED}`;

export function rejectsSql(limit: number): string {
  return `SELECT rec, value_column AS col,
      CASE reason WHEN 'period' THEN COALESCE(period_raw, '') WHEN 'entity' THEN COALESCE(entity_raw, '')
        WHEN 'indicator' THEN COALESCE(indicator_raw, '') ELSE COALESCE(value_raw, '') END AS val, reason
    FROM ${RESOLVED} WHERE reason IS NOT NULL AND reason <> 'missing' ORDER BY rec, value_column LIMIT ${Math.floor(limit)}`;
}

export function dropTempSql(): string[] {
  return [STAGE, RESOLVED].map((t) => `DROP TABLE IF EXISTS ${sqlIdent(t)}`);
}
