import { sqlIdent, sqlString } from '../engine/sql';
import type { ImportMapping } from './mapping';
import { periodMapSql } from './period-sql';

// Pure SQL builders of the load. A file becomes rows in four steps, all inside one transaction:
//   stage   read_csv of the registered UTF-8 file, every column as text under a generic name c0…cN
//   cells   one row per value cell with its raw key texts (wide layouts are unpivoted here)
//   maps    distinct raw periods, entities and indicators resolved once each (not once per row)
//   insert  canonical rows, new entities and indicators, rejects with their reasons

export const STAGE = 'hqd_stage';
export const CELLS = 'hqd_cells';
export const REJECTS = 'hqd_rejects';

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
export function cellsSql(mapping: ImportMapping): string {
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
    return `CREATE OR REPLACE TEMP TABLE ${CELLS} AS SELECT rec, ${keys.entity} AS entity_raw,
      ${keys.branch} AS branch_raw, ${keys.indicator} AS indicator_raw, ${keys.period} AS period_raw,
      ${keys.unit} AS unit_raw, ${v < 0 ? 'CAST(NULL AS VARCHAR)' : col(v)} AS value_raw, ${sqlString(valueName)} AS value_column
      FROM ${STAGE} WHERE ${limit}`;
  }

  // Wide layouts: the measure columns' headers are the varying key.
  const measures = mapping.columns.flatMap((c, i) => (c.role === 'measure' ? [{ i, name: c.name }] : []));
  const headerList = `[${measures.map((m) => sqlString(m.name)).join(', ')}]::VARCHAR[]`;
  const valueList = `[${measures.map((m) => col(m.i)).join(', ')}]::VARCHAR[]`;
  const unitList = `[${measures.map((m) => sqlString(splitNameUnit(m.name).unit || mapping.indicator.unit)).join(', ')}]::VARCHAR[]`;
  const nameList = `[${measures.map((m) => sqlString(splitNameUnit(m.name).name)).join(', ')}]::VARCHAR[]`;
  const varying =
    mapping.layout === 'wide-indicator'
      ? { ...keys, indicator: 'unnest(' + nameList + ')', unit: 'unnest(' + unitList + ')' }
      : mapping.layout === 'wide-period'
        ? { ...keys, period: `unnest(${headerList})` }
        : { ...keys, entity: `unnest(${headerList})` };
  return `CREATE OR REPLACE TEMP TABLE ${CELLS} AS SELECT rec, ${varying.entity} AS entity_raw,
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

/**
 * Statements that resolve the cells against the catalog and write the canonical rows. New entities
 * get ids `u:<name>` (and `<parent id>/<branch>`), so that two uploads naming the same province
 * share one entity; new indicators get `u:<name>`.
 */
export function resolveSql(options: ResolveOptions): string[] {
  const dataset = sqlString(options.datasetId);
  return [
    `CREATE OR REPLACE TEMP TABLE hqd_period_map AS ${periodMapSql(`SELECT DISTINCT period_raw FROM ${CELLS}`)}`,
    `CREATE OR REPLACE TEMP TABLE hqd_entity_map AS
      WITH raw AS (SELECT DISTINCT entity_raw, branch_raw FROM ${CELLS}),
      named AS (SELECT entity_raw, branch_raw, hqd_name(entity_raw) AS ename, hqd_name(branch_raw) AS bname FROM raw),
      parent AS (SELECT named.*, COALESCE(
          (SELECT min(e.entity_id) FROM entities e WHERE e.entity_id = named.ename),
          (SELECT min(e.entity_id) FROM entities e WHERE e.name = named.ename),
          'u:' || named.ename) AS parent_id FROM named WHERE ename IS NOT NULL)
      SELECT entity_raw, branch_raw, ename, bname, parent_id,
        CASE WHEN bname IS NULL THEN parent_id ELSE COALESCE(
          (SELECT min(e.entity_id) FROM entities e WHERE e.parent_id = parent.parent_id AND (e.name = bname OR e.entity_id = bname)),
          parent_id || '/' || bname) END AS entity_id
      FROM parent`,
    `CREATE OR REPLACE TEMP TABLE hqd_indicator_map AS
      WITH raw AS (SELECT indicator_raw, min(unit_raw) AS unit_raw FROM ${CELLS} GROUP BY indicator_raw),
      named AS (SELECT indicator_raw, unit_raw, hqd_name(indicator_raw) AS iname FROM raw)
      SELECT indicator_raw, iname, trim(COALESCE(unit_raw, '')) AS unit, COALESCE(
        (SELECT min(i.indicator_id) FROM indicators i WHERE i.indicator_id = iname),
        (SELECT min(i.indicator_id) FROM indicators i WHERE lower(i.name_zh) = lower(iname) OR lower(i.name_en) = lower(iname)),
        'u:' || iname) AS indicator_id
      FROM named WHERE iname IS NOT NULL`,
    `CREATE OR REPLACE TEMP TABLE hqd_resolved AS
      SELECT c.rec, c.value_column, c.value_raw, c.period_raw, c.entity_raw, c.indicator_raw,
        pm.period, em.entity_id, im.indicator_id,
        hqd_missing(c.value_raw) AS missing, hqd_number(c.value_raw) AS value
      FROM ${CELLS} c
      LEFT JOIN hqd_period_map pm ON pm.period_raw IS NOT DISTINCT FROM c.period_raw
      LEFT JOIN hqd_entity_map em ON em.entity_raw IS NOT DISTINCT FROM c.entity_raw AND em.branch_raw IS NOT DISTINCT FROM c.branch_raw
      LEFT JOIN hqd_indicator_map im ON im.indicator_raw IS NOT DISTINCT FROM c.indicator_raw`,
    // A missing cell is no row and no error; anything else that cannot be read is a reject.
    `CREATE OR REPLACE TEMP TABLE ${REJECTS} AS
      WITH bad AS (
        SELECT rec, value_column AS col, COALESCE(period_raw, '') AS val, 'period' AS reason FROM hqd_resolved WHERE NOT missing AND period IS NULL
        UNION ALL SELECT rec, value_column, COALESCE(entity_raw, ''), 'entity' FROM hqd_resolved WHERE NOT missing AND period IS NOT NULL AND entity_id IS NULL
        UNION ALL SELECT rec, value_column, COALESCE(indicator_raw, ''), 'indicator' FROM hqd_resolved WHERE NOT missing AND period IS NOT NULL AND entity_id IS NOT NULL AND indicator_id IS NULL
        UNION ALL SELECT rec, value_column, value_raw, 'number' FROM hqd_resolved WHERE NOT missing AND period IS NOT NULL AND entity_id IS NOT NULL AND indicator_id IS NOT NULL AND value IS NULL
      )
      SELECT * FROM bad`,
    `CREATE OR REPLACE TEMP TABLE hqd_good AS
      SELECT *, row_number() OVER (PARTITION BY entity_id, indicator_id, period ORDER BY rec) AS copy
      FROM hqd_resolved WHERE NOT missing AND period IS NOT NULL AND entity_id IS NOT NULL AND indicator_id IS NOT NULL AND value IS NOT NULL`,
    `INSERT INTO ${REJECTS} SELECT rec, value_column, value_raw, 'duplicate' FROM hqd_good WHERE copy > 1`,
    `INSERT INTO entities
      SELECT DISTINCT parent_id, ename, ${sqlString(options.entityLevel)}, NULL FROM hqd_entity_map
      WHERE parent_id NOT IN (SELECT entity_id FROM entities) AND entity_id IN (SELECT entity_id FROM hqd_good)`,
    `INSERT INTO entities
      SELECT DISTINCT entity_id, bname, 'branch', parent_id FROM hqd_entity_map
      WHERE bname IS NOT NULL AND entity_id NOT IN (SELECT entity_id FROM entities) AND entity_id IN (SELECT entity_id FROM hqd_good)`,
    `INSERT INTO indicators (indicator_id, name_zh, name_en, category, unit, direction, decimals, source)
      SELECT DISTINCT ON (indicator_id) indicator_id, iname, iname, 'other', unit, ${options.direction === -1 ? -1 : 1}, 2, ''
      FROM hqd_indicator_map
      WHERE indicator_id NOT IN (SELECT indicator_id FROM indicators) AND indicator_id IN (SELECT indicator_id FROM hqd_good)`,
    `INSERT INTO observations
      SELECT ${dataset}, entity_id, indicator_id, period, hqd_period_start(period), hqd_grain(period), value
      FROM hqd_good WHERE copy = 1 ORDER BY rec`,
  ];
}

export function dropTempSql(): string[] {
  return [STAGE, CELLS, REJECTS, 'hqd_period_map', 'hqd_entity_map', 'hqd_indicator_map', 'hqd_resolved', 'hqd_good'].map(
    (t) => `DROP TABLE IF EXISTS ${sqlIdent(t)}`,
  );
}
