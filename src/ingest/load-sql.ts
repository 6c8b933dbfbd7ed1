import { sqlIdent, sqlString } from '../engine/sql';
import { LOCAL_OBSERVATIONS } from '../engine/schema';
import type { Direction } from '../domain/indicator';
import type { ColumnMapping, ImportMapping } from '../domain/mapping';
import { FLAG_SUFFIX_RE } from '../domain/flags';
import { periodMapSql } from '../domain/period-sql';
import { conventionsOf } from '../domain/publishers';
import { trimBlank } from '../domain/text';
import { SCALE_RE } from './roles';
import { KEY_TABLES } from './key-tables';

// Pure SQL builders of the load. A file becomes rows in a few steps:
//   keys      one pass over the file's cells (wide layouts unpivoted) that counts each distinct raw
//             key and what the cells hold: values, text no rule reads, records of the wrong shape
//   maps      the raw keys resolved against the catalog once per distinct text
//   insert    new entities and indicators, then the canonical rows, in one transaction
// A clean file (every cell a value or a missing marker, every key resolved, every record whole) is
// read from the file itself a second time and inserted as it is read: no copy of the file is kept.
// Any refusal takes the staged way: the file copied into a table whose row ids number its records,
// every cell resolved into a table with its verdict, so that each refusal is reported by line.
// The cell rules (hqd_period_*, hqd_number, hqd_missing, hqd_trim, hqd_name) are the macros of
// src/domain, created at the first import (ensureImportMacros, src/engine/schema.ts).
// Few statements on purpose: in DuckDB-wasm each statement has a fixed cost that dwarfs the work
// on a file of a few thousand rows.

export const STAGE = 'hqd_stage';

const col = (i: number) => `c${i}`;

// Matches no real cell: an empty field reads as '' and only a field absent from a short record
// reads as NULL, which is how a short record is told from one with empty cells at its end.
const ABSENT = '\u0001\u0002';

/** Keys packed into the first field (`freq,unit,geo\TIME_PERIOD`): 1 when nothing is packed. */
const packedKeys = (mapping: ImportMapping) => Math.max(1, Math.floor(mapping.read.packed ?? 1));
const PACKED = 'hqd_packed';

/**
 * The staged column of the file's field `i`: the mapping's columns are the packed keys, then the
 * file's other fields, so field 0 is split and field i > 0 is column i + packed - 1.
 */
function fieldColumn(mapping: ImportMapping, i: number): string {
  const packed = packedKeys(mapping);
  return packed > 1 && i === 0 ? PACKED : col(i === 0 ? 0 : i + packed - 1);
}

/**
 * Why a staged record is not read as a whole: `shortRow` when its last usual field is absent
 * (`read.fields`, unknown for mappings saved before), `longRow` when a filled field lies past the
 * header (DuckDB keeps the first one in the overflow column and drops the rest). Reading such a
 * record would take its values from the wrong columns: `南港区,2023,得分,1,234` is not 1.
 */
function shapeSql(mapping: ImportMapping): string {
  const overflow = col(mapping.columns.length);
  const fileFields = mapping.columns.length - packedKeys(mapping) + 1;
  const fields = Math.min(mapping.read.fields ?? 0, fileFields);
  const short = fields > 0 ? `WHEN ${fieldColumn(mapping, fields - 1)} IS NULL THEN 'shortRow' ` : '';
  // A series' flag record (read.flagRows) is no data: its flags are read with the record above.
  const flags = mapping.read.flagRows ? `WHEN lower(hqd_trim(${fieldColumn(mapping, 0)})) = 'codes' THEN 'flagRow' ` : '';
  return `CASE ${flags}${short}WHEN hqd_trim(${overflow}) IS NOT NULL THEN 'longRow' END`;
}

/** The file's records as DuckDB reads them, every field as text, with the shape of each. */
function recordsSelect(file: string, mapping: ImportMapping): string {
  const { read } = mapping;
  const packed = packedKeys(mapping);
  const fileFields = mapping.columns.length - packed + 1;
  const columns = Array.from({ length: fileFields + 1 }, (_, i) => `${sqlString(i === fileFields ? col(mapping.columns.length) : fieldColumn(mapping, i))}: 'VARCHAR'`).join(', ');
  // A packed key absent from its field (`A,PC` under `freq,unit,geo`) is NULL, as a short record's field is.
  const split =
    packed > 1
      ? `* EXCLUDE (${PACKED}), ${Array.from({ length: packed }, (_, k) => `string_split(${PACKED}, ',')[${k + 1}] AS ${col(k)}`).join(', ')}`
      : '*';
  return `SELECT ${split}, ${shapeSql(mapping)} AS shape FROM read_csv(${sqlString(file)},
    delim = ${sqlString(read.delimiter)}, quote = '"', escape = '"', header = false,
    skip = ${Math.max(0, Math.floor(read.headerRow)) + 1}, auto_detect = false, columns = {${columns}},
    null_padding = true, nullstr = ${sqlString(ABSENT)}, strict_mode = false, parallel = false)`;
}

/**
 * The staged table. Built outside the import's transaction, so `rowid` numbers the records densely
 * in file order (reading is single-threaded and insertion order is preserved).
 */
export function stageSql(file: string, mapping: ImportMapping): string {
  return `CREATE OR REPLACE TEMP TABLE ${STAGE} AS ${recordsSelect(file, mapping)}`;
}

export const SOURCE = 'hqd_source';

/**
 * The records read from the file at each use, up to the last data record: a view, so a clean file
 * is never copied. LIMIT keeps the first records in file order, as the staged `rowid` bound does.
 */
export function sourceSql(file: string, mapping: ImportMapping): string {
  const rows = Math.max(0, Math.floor(mapping.read.dataRows));
  return `CREATE OR REPLACE TEMP VIEW ${SOURCE} AS ${recordsSelect(file, mapping)}${rows < Number.MAX_SAFE_INTEGER ? ` LIMIT ${rows}` : ''}`;
}

/** Where the cells are read from: the staged table, or the file itself (clean files, no line numbers). */
export type CellSource = 'staged' | 'streamed';

const dataLimit = (mapping: ImportMapping) => `rowid < ${Math.max(0, Math.floor(mapping.read.dataRows))}`;

export const RAGGED = 'hqd_ragged';

/**
 * Records refused whole, with their text as read (for the report). A record of blanks only (a
 * line of spaces in the table) is not a record anyone meant and is left out of the report.
 */
export function raggedSql(mapping: ImportMapping): string {
  const text = recordText(mapping);
  return `CREATE OR REPLACE TEMP TABLE ${RAGGED} AS SELECT CAST(rowid AS INTEGER) AS rec, shape AS reason,
      left(${text}, 200) || CASE WHEN shape = 'longRow' THEN ${sqlString(mapping.read.delimiter + '…')} ELSE '' END AS val
    FROM ${STAGE} WHERE ${dataLimit(mapping)} AND ${reportedRaggedSql(mapping, text)}`;
}

/**
 * A record refused whole (of the wrong shape, not a flag record) that is not blank: the records
 * the report lists and the keys pass counts. `text` is the record's text as read.
 */
function reportedRaggedSql(mapping: ImportMapping, text: string): string {
  return `shape IS NOT NULL AND shape <> 'flagRow' AND hqd_trim(replace(${text}, ${sqlString(mapping.read.delimiter)}, '')) IS NOT NULL`;
}

/** Words in brackets that qualify a series rather than measure it: OWID's `Population (historical estimates)`. */
const QUALIFIER_RE = /^(?:historical|historic|historical estimates|estimates?|estimated|projected|projections?|provisional|revised|forecasts?|nominal|real|total|adjusted|seasonally adjusted|trend)$/i;

/**
 * Header text → indicator name and unit: `第二产业比重_%`, `GDP(亿元)`, `人口（万人）`. The `s` flag:
 * a name may hold a line break (a wrapped spreadsheet header, `城镇\n人口(万人)`).
 */
export function splitNameUnit(header: string): { name: string; unit: string } {
  const text = trimBlank(header);
  const bracket = /^(.+?)\s*[(（\[]([^()（）[\]]{1,12})[)）\]]$/s.exec(text);
  if (bracket && !QUALIFIER_RE.test(trimBlank(bracket[2] as string))) return { name: trimBlank(bracket[1] as string), unit: trimBlank(bracket[2] as string) };
  const underscore = /^(.+)_([^_]{1,8})$/s.exec(text);
  // Latin units are short (USD, kg, km): a longer word after an underscore is part of a snake_case name.
  if (underscore && /^(?:[%‰$€£¥]|.*[\u4e00-\u9fff].*|[A-Za-z$€£¥]{1,4})$/.test(underscore[2] as string))
    return { name: trimBlank(underscore[1] as string), unit: trimBlank(underscore[2] as string) };
  return { name: text, unit: '' };
}

/**
 * The indicator of a wide-by-indicator measure column. Its unit is the header's (`GDP(亿元)`), else
 * the column's cell in the unit row, else (a mapping saved before columns had units) `fileUnit`.
 * `stated` is the unit the column itself gives; `fullName` tells it from a column of the same name
 * in another unit: the whole header, with the unit row's unit when the header names none.
 */
function measureIndicator(column: ColumnMapping, fileUnit: string): { name: string; unit: string; stated: string; fullName: string } {
  const own = splitNameUnit(column.name);
  const stated = own.unit || (column.unit ?? '');
  const fullName = own.unit || !stated ? column.name : `${own.name}(${stated})`;
  return { name: own.name, unit: own.unit || (column.unit ?? fileUnit), stated, fullName };
}

interface Key {
  entity: string;
  branch: string;
  indicator: string;
  period: string;
  unit: string;
}

function keyColumn(mapping: ImportMapping, role: 'entity' | 'branch' | 'indicator' | 'period' | 'unit' | 'flag'): string {
  const i = mapping.columns.findIndex((c) => c.role === role);
  return i < 0 ? 'CAST(NULL AS VARCHAR)' : col(i);
}

/**
 * The indicator key: its column, or several joined (`B1GQ · CP_MEUR`: the keys of a Eurostat
 * file beside its entity, an OECD file's subject and measure), blank parts left out.
 */
function indicatorColumn(mapping: ImportMapping): string {
  const parts = mapping.columns.flatMap((c, i) => (c.role === 'indicator' ? [col(i)] : []));
  if (parts.length < 2) return keyColumn(mapping, 'indicator');
  return `NULLIF(concat_ws(' · ', ${parts.map((p) => `hqd_trim(${p})`).join(', ')}), '')`;
}

/** The period key: its column, or two (a year and a month: hqd_two_part_period). */
function periodColumn(mapping: ImportMapping): string {
  const parts = mapping.columns.flatMap((c, i) => (c.role === 'period' ? [col(i)] : []));
  return parts.length === 2 ? `hqd_two_part_period(${parts[0]}, ${parts[1]})` : keyColumn(mapping, 'period');
}

/**
 * The unit key: its column, or IMF's `Scale` before `Units` as one unit (`Billions` and `U.S.
 * dollars` → `billion U.S. dollars`; the scale `Units` says nothing and is left out).
 */
function unitColumn(mapping: ImportMapping): string {
  const units = mapping.columns.flatMap((c, i) => (c.role === 'unit' ? [{ scale: SCALE_RE.test(trimBlank(c.name)), i }] : []));
  if (units.length < 2) return keyColumn(mapping, 'unit');
  const part = (u: { scale: boolean; i: number }) => {
    const text = `NULLIF(hqd_trim(${col(u.i)}), '')`;
    return u.scale ? `CASE lower(${text}) WHEN 'billions' THEN 'billion' WHEN 'millions' THEN 'million' WHEN 'thousands' THEN 'thousand' WHEN 'units' THEN NULL ELSE ${text} END` : text;
  };
  const ordered = [...units.filter((u) => u.scale), ...units.filter((u) => !u.scale)];
  return `NULLIF(concat_ws(' ', ${ordered.map(part).join(', ')}), '')`;
}

/** The text of a record of the wrong shape, as read: what the keys pass asks of it (is it blank?). */
function recordText(mapping: ImportMapping): string {
  return `concat_ws(${sqlString(mapping.read.delimiter)}, ${[...mapping.columns, null].map((_, i) => col(i)).join(', ')})`;
}

/**
 * One row per value cell of every record, whole or not (`shape`): `rec` (0-based data record;
 * NULL when streamed), raw key texts, raw value, source column by name and by position (`col`: two
 * columns of a wide file can carry one key, `2023` and `2023年`), and the text of a record of the
 * wrong shape.
 */
export function cellsSelect(mapping: ImportMapping, source: CellSource = 'staged'): string {
  const keys: Key = {
    entity: keyColumn(mapping, 'entity'),
    branch: keyColumn(mapping, 'branch'),
    indicator: indicatorColumn(mapping),
    period: periodColumn(mapping),
    unit: unitColumn(mapping),
  };
  if (keys.indicator.startsWith('CAST(NULL')) keys.indicator = sqlString(mapping.indicator.name);
  if (keys.entity.startsWith('CAST(NULL') && mapping.entity?.name) keys.entity = sqlString(mapping.entity.name);
  if (keys.unit.startsWith('CAST(NULL')) keys.unit = sqlString(mapping.indicator.unit);
  const staged = source === 'staged';
  const from = staged ? STAGE : SOURCE;
  const rec = staged ? 'CAST(rowid AS INTEGER)' : 'CAST(NULL AS INTEGER)';
  const where = staged ? ` WHERE ${dataLimit(mapping)}` : '';
  const shape = `shape, CASE WHEN shape IS NOT NULL THEN ${recordText(mapping)} END AS record_text`;

  if (mapping.layout === 'long') {
    const v = mapping.columns.findIndex((c) => c.role === 'value');
    const valueName = v < 0 ? '' : (mapping.columns[v] as { name: string }).name;
    return `SELECT ${rec} AS rec, ${keys.entity} AS entity_raw,
      ${keys.branch} AS branch_raw, ${keys.indicator} AS indicator_raw, ${keys.period} AS period_raw,
      ${keys.unit} AS unit_raw, ${v < 0 ? 'CAST(NULL AS VARCHAR)' : col(v)} AS value_raw, ${sqlString(valueName)} AS value_column,
      ${Math.max(0, v)} AS col, ${keyColumn(mapping, 'flag')} AS flag_raw, ${shape}
      FROM ${from}${where}`;
  }

  // Wide layouts: the measure columns' headers are the varying key.
  const measures = mapping.columns.flatMap((c, i) => (c.role === 'measure' ? [{ ...c, i }] : []));
  const headerList = `[${measures.map((m) => sqlString(m.name)).join(', ')}]::VARCHAR[]`;
  const valueList = `[${measures.map((m) => col(m.i)).join(', ')}]::VARCHAR[]`;
  const positionList = `[${measures.map((m) => m.i).join(', ')}]::INTEGER[]`;
  // A flag column right after a measure (INSEE's `Codes`) holds the flags of that measure's values;
  // with series in rows, the flag record under a series holds them, at the same positions.
  const flagOf = (i: number) =>
    mapping.read.flagRows ? `CASE WHEN hqd_next_shape = 'flagRow' THEN hqd_flag${i} END` : mapping.columns[i + 1]?.role === 'flag' ? col(i + 1) : 'NULL';
  // `rowid AS rowid`: a derived table has no row ids of its own, and the records keep theirs.
  // Flag records are read with the record above: only the staged records have an order to read them by.
  const records =
    mapping.read.flagRows && staged
      ? `(SELECT rowid AS rowid, *, lead(shape) OVER (ORDER BY rowid) AS hqd_next_shape, ${measures.map((m) => `lead(${col(m.i)}) OVER (ORDER BY rowid) AS hqd_flag${m.i}`).join(', ')} FROM ${STAGE})`
      : from;
  const flagList = `[${measures.map((m) => flagOf(m.i)).join(', ')}]::VARCHAR[]`;
  const split = measures.map((m) => measureIndicator(m, mapping.indicator.unit));
  // Two columns with one name and different units (进出口总额_亿元人民币, 进出口总额_万美元, or 进出口总额
  // twice over 亿元人民币 and 万美元 in the unit row) are two indicators, each named in full, rather
  // than merge. One header twice in one unit is one indicator twice (its second cell a duplicate).
  const clash = (name: string) => new Set(split.filter((s) => s.name === name).map((s) => s.stated)).size > 1;
  const unitList = `[${split.map((s) => sqlString(s.unit)).join(', ')}]::VARCHAR[]`;
  const nameList = `[${split.map((s) => sqlString(clash(s.name) ? s.fullName : s.name)).join(', ')}]::VARCHAR[]`;
  const varying =
    mapping.layout === 'wide-indicator'
      ? { ...keys, indicator: 'unnest(' + nameList + ')', unit: 'unnest(' + unitList + ')' }
      : mapping.layout === 'wide-period'
        ? { ...keys, period: `unnest(${headerList})` }
        : { ...keys, entity: `unnest(${headerList})` };
  return `SELECT ${rec} AS rec, ${varying.entity} AS entity_raw,
    ${varying.branch} AS branch_raw, ${varying.indicator} AS indicator_raw, ${varying.period} AS period_raw,
    ${varying.unit} AS unit_raw, unnest(${valueList}) AS value_raw, unnest(${headerList}) AS value_column,
    unnest(${positionList}) AS col, unnest(${flagList}) AS flag_raw, ${shape}
    FROM ${records}${where}`;
}

export interface ResolveOptions {
  datasetId: string;
  entityLevel: string;
  direction: Direction;
  /**
   * The schema an upload's rows are written to, coded as its snapshot keeps them (codedTablesSql);
   * without one they go to the session table, as the bundled samples do.
   */
  schema?: string;
}

/**
 * A name without its footnote mark, unless dropping the mark would merge two different names of
 * the same file (`District 1`, `District 2` are names, `Nunavut 5` is Nunavut with footnote 5).
 */
function cleanName(full: string, stripped: string, table: string): string {
  return `CASE WHEN ${stripped} IN (SELECT ${stripped} FROM ${table} GROUP BY ${stripped} HAVING count(DISTINCT ${full}) > 1) THEN ${full} ELSE ${stripped} END`;
}

/**
 * The text a value is read from: with a decimal comma, comma and point exchanged (`1.234,5` →
 * `1,234.5`). Missing markers and the report see the cell as written.
 */
function numberText(mapping: ImportMapping, cell: string): string {
  return mapping.read.decimal === ',' ? `translate(${cell}, ',.', '.,')` : cell;
}

const markerList = (markers: readonly string[]) => `[${markers.map((m) => sqlString(m.toLowerCase())).join(', ')}]::VARCHAR[]`;

/** The value of a cell's text (`value_text`): a number, the publisher's zero mark as 0, else NULL. */
function valueSql(mapping: ImportMapping): string {
  const number = `hqd_number(${numberText(mapping, 'value_text')})`;
  const { zeroMarkers } = conventionsOf(mapping.read.publisher);
  if (zeroMarkers.length === 0) return number;
  return `CASE WHEN list_contains(${markerList(zeroMarkers)}, lower(hqd_trim(value_text))) THEN 0 ELSE ${number} END`;
}

/** True when a cell's text means "no value": the general markers and the publisher's own. */
function missingSql(mapping: ImportMapping): string {
  const { missingMarkers } = conventionsOf(mapping.read.publisher);
  const general = 'hqd_missing(value_text)';
  return missingMarkers.length === 0 ? general : `(${general} OR list_contains(${markerList(missingMarkers)}, lower(hqd_trim(value_text))))`;
}

export const ALL_CELLS = 'hqd_all_cells';
export const CELLS = 'hqd_cells';
export const KEYS = 'hqd_keys';
export const RESOLVED = 'hqd_resolved';
const PERIOD_MAP = 'hqd_period_map';
const ENTITY_MAP = 'hqd_entity_map';
const INDICATOR_MAP = 'hqd_indicator_map';
const REPEATED = 'hqd_repeated';

/**
 * The cells with the text their value is read from and their flag: the flag column's, or (where
 * the publisher writes them so) the letters after the number, which the value is read without.
 * Views: materialising the cells would copy every value once more for nothing. `CELLS` holds the
 * cells of whole records, the only ones read.
 */
export function cellsViewSql(mapping: ImportMapping, source: CellSource): string[] {
  const suffix = sqlString(FLAG_SUFFIX_RE);
  const { valueFlags, plainFlags } = conventionsOf(mapping.read.publisher);
  const text = valueFlags ? `regexp_replace(value_raw, ${suffix}, '')` : 'value_raw';
  const suffixFlag = `NULLIF(lower(replace(regexp_extract(value_raw, ${suffix}, 1), '@', '')), '')`;
  const given = valueFlags ? `COALESCE(${suffixFlag}, hqd_trim(flag_raw))` : 'hqd_trim(flag_raw)';
  const flag = plainFlags.length > 0 ? `CASE WHEN list_contains(${markerList(plainFlags)}, lower(${given})) THEN NULL ELSE ${given} END` : given;
  return [
    `CREATE OR REPLACE TEMP VIEW ${ALL_CELLS} AS SELECT *, ${text} AS value_text, ${flag} AS flag FROM (${cellsSelect(mapping, source)}) cells`,
    `CREATE OR REPLACE TEMP VIEW ${CELLS} AS SELECT * EXCLUDE (shape, record_text) FROM ${ALL_CELLS} WHERE shape IS NULL`,
  ];
}

// GROUPING() of the keys pass's sets: a bit per key column not grouped, entity_raw the highest.
const BY_ENTITY = 0b00111;
const BY_INDICATOR = 0b11001;
const BY_PERIOD = 0b11110;
const WHOLE_FILE = 0b11111;

/**
 * One pass over every cell: each distinct raw key (entity with branch, indicator with unit,
 * period) with how many cells of whole records carry it (`cells`), how many of them hold a value
 * (`valued`) and how many hold text that is neither a value nor a missing marker (`unread`); and
 * for the whole file, the flagged values and the records of the wrong shape that are not blank
 * (`ragged`). The maps are made from it, and a clean file is told from one with refusals by it.
 */
export function keysSql(mapping: ImportMapping): string {
  const whole = 'shape IS NULL';
  return `CREATE OR REPLACE TEMP TABLE ${KEYS} AS
    SELECT GROUPING(entity_raw, branch_raw, indicator_raw, unit_raw, period_raw) AS g, entity_raw, branch_raw, indicator_raw, unit_raw, period_raw,
      CAST(count(*) FILTER (WHERE ${whole}) AS BIGINT) AS cells,
      CAST(count(value) FILTER (WHERE ${whole}) AS BIGINT) AS valued,
      CAST(count(*) FILTER (WHERE ${whole} AND value IS NULL AND NOT ${missingSql(mapping)}) AS BIGINT) AS unread,
      CAST(count(*) FILTER (WHERE ${whole} AND value IS NOT NULL AND flag IS NOT NULL) AS BIGINT) AS flagged,
      CAST(count(*) FILTER (WHERE ${reportedRaggedSql(mapping, 'record_text')}) AS BIGINT) AS ragged
    FROM (SELECT *, ${valueSql(mapping)} AS value FROM ${ALL_CELLS}) c
    GROUP BY GROUPING SETS ((entity_raw, branch_raw), (indicator_raw, unit_raw), (period_raw), ())`;
}

/**
 * The code of a canonical key in an upload's coded rows (src/ingest/key-tables.ts): one
 * per distinct key of the map, so that texts resolving to one key share it. Not dense over the
 * keys that carry a value, which only the key tables list; a code is a name, not a count.
 */
const codeOf = (key: string) => `CAST(dense_rank() OVER (ORDER BY ${key}) AS INTEGER)`;

/**
 * The raw keys resolved once per distinct text into small maps, so the per-row work is three hash
 * joins and the number parse. New entities get ids `u:<name>` (and `<parent id>/<branch>`), so
 * two uploads naming the same province share one entity; new indicators get `u:<name>`.
 */
export function mapsSql(): string[] {
  return [
    // Start date and grain are worked out once per distinct period, not once per row.
    `CREATE OR REPLACE TEMP TABLE ${PERIOD_MAP} AS SELECT period_raw, period, dated, hqd_period_start(period) AS period_start, hqd_grain(period) AS grain,
        ${codeOf('period')} AS period_key
      FROM (${periodMapSql(`SELECT period_raw FROM ${KEYS} WHERE g = ${BY_PERIOD} AND cells > 0`)}) m`,
    `CREATE OR REPLACE TEMP TABLE ${ENTITY_MAP} AS
      WITH raw AS (SELECT entity_raw, branch_raw FROM ${KEYS} WHERE g = ${BY_ENTITY} AND cells > 0),
      texts AS (SELECT entity_raw, branch_raw, hqd_trim(entity_raw) AS e_full, hqd_name(entity_raw) AS e_short,
        hqd_trim(branch_raw) AS b_full, hqd_name(branch_raw) AS b_short FROM raw),
      named AS (SELECT entity_raw, branch_raw, ${cleanName('e_full', 'e_short', 'texts')} AS ename, ${cleanName('b_full', 'b_short', 'texts')} AS bname FROM texts),
      parent AS (SELECT named.*, COALESCE(
          (SELECT min(e.entity_id) FROM entities e WHERE e.entity_id = named.ename),
          (SELECT min(e.entity_id) FROM entities e WHERE e.name = named.ename),
          'u:' || named.ename) AS parent_id FROM named WHERE ename IS NOT NULL)
      SELECT *, ${codeOf('entity_id')} AS entity FROM (SELECT entity_raw, branch_raw, ename, bname, parent_id,
        CASE WHEN bname IS NULL THEN parent_id ELSE COALESCE(
          (SELECT min(e.entity_id) FROM entities e WHERE e.parent_id = parent.parent_id AND (e.name = bname OR e.entity_id = bname)),
          parent_id || '/' || bname) END AS entity_id
      FROM parent)`,
    // One name in two units (`B1GQ` in CP_MEUR and in PC_GDP) is two indicators, each named with
    // its unit, as two such columns of a wide file are; blanks around a unit change nothing.
    `CREATE OR REPLACE TEMP TABLE ${INDICATOR_MAP} AS
      WITH raw AS (SELECT indicator_raw, unit_raw FROM ${KEYS} WHERE g = ${BY_INDICATOR} AND cells > 0),
      texts AS (SELECT indicator_raw, unit_raw, hqd_trim(unit_raw) AS unit, hqd_trim(indicator_raw) AS i_full, hqd_name(indicator_raw) AS i_short FROM raw),
      named AS (SELECT indicator_raw, unit_raw, unit, ${cleanName('i_full', 'i_short', 'texts')} AS base FROM texts),
      units AS (SELECT base, count(DISTINCT unit) AS units FROM named GROUP BY base),
      spelled AS (SELECT n.indicator_raw, n.unit_raw, n.unit, n.base,
        CASE WHEN u.units > 1 AND n.unit IS NOT NULL THEN n.base || '(' || n.unit || ')' ELSE n.base END AS iname
        FROM named n JOIN units u ON u.base IS NOT DISTINCT FROM n.base)
      SELECT *, ${codeOf('indicator_id')} AS indicator FROM (SELECT indicator_raw, unit_raw, iname, COALESCE(unit, '') AS unit, COALESCE(
        (SELECT min(i.indicator_id) FROM indicators i WHERE i.indicator_id = iname),
        (SELECT min(i.indicator_id) FROM indicators i WHERE lower(i.name_zh) = lower(iname) OR lower(i.name_en) = lower(iname)),
        'u:' || iname) AS indicator_id
      FROM spelled WHERE base IS NOT NULL)`,
  ];
}

// How a cell finds its keys in the maps. Plain equality keeps these hash joins fast; a NULL key
// finds no match, which is what a missing period, entity or indicator should do. A missing branch
// is '' on both sides.
const PERIOD_JOIN = (c: string) => `LEFT JOIN ${PERIOD_MAP} pm ON pm.period_raw = ${c}.period_raw`;
const ENTITY_JOIN = (c: string) => `LEFT JOIN ${ENTITY_MAP} em ON em.entity_raw = ${c}.entity_raw AND COALESCE(em.branch_raw, '') = COALESCE(${c}.branch_raw, '')`;
const INDICATOR_JOIN = (c: string) =>
  `LEFT JOIN ${INDICATOR_MAP} im ON im.indicator_raw = ${c}.indicator_raw AND COALESCE(im.unit_raw, '') = COALESCE(${c}.unit_raw, '')`;

/**
 * The joins of every cell, without the conditions that hold for all of them: a file without a
 * branch column has no branch on either side, one unit for the whole file is the same on both.
 * Each condition dropped is a hash and a compare less per cell.
 */
function cellJoins(mapping: ImportMapping): string {
  const branches = mapping.columns.some((c) => c.role === 'branch');
  const units = mapping.layout === 'wide-indicator' || mapping.columns.some((c) => c.role === 'unit');
  const entity = branches ? ENTITY_JOIN('c') : `LEFT JOIN ${ENTITY_MAP} em ON em.entity_raw = c.entity_raw`;
  const indicator = units ? INDICATOR_JOIN('c') : `LEFT JOIN ${INDICATOR_MAP} im ON im.indicator_raw = c.indicator_raw`;
  return `${PERIOD_JOIN('c')} ${entity} ${indicator}`;
}

/**
 * What stands between the file and a streamed insert, from the keys pass: cells that would be
 * refused for their text or for a key that does not resolve, and records of the wrong shape. All
 * zero is a clean file. A repeated key is found after the insert (repeatsSql).
 */
export const VERDICT_SQL = `SELECT
    (SELECT CAST(sum(unread) AS DOUBLE) FROM ${KEYS} WHERE g = ${WHOLE_FILE}) AS unread,
    (SELECT CAST(sum(ragged) AS DOUBLE) FROM ${KEYS} WHERE g = ${WHOLE_FILE}) AS ragged,
    (SELECT CAST(count(*) AS DOUBLE) FROM ${KEYS} k ${ENTITY_JOIN('k')} WHERE k.g = ${BY_ENTITY} AND k.valued + k.unread > 0 AND em.entity_id IS NULL)
    + (SELECT CAST(count(*) AS DOUBLE) FROM ${KEYS} k ${INDICATOR_JOIN('k')} WHERE k.g = ${BY_INDICATOR} AND k.valued + k.unread > 0 AND im.indicator_id IS NULL)
    + (SELECT CAST(count(*) AS DOUBLE) FROM ${KEYS} k ${PERIOD_JOIN('k')} WHERE k.g = ${BY_PERIOD} AND k.valued + k.unread > 0 AND pm.period IS NULL) AS unresolved`;

/** The statements that judge every cell of the staged file: each refusal with its reason and text. */
export function resolveSql(mapping: ImportMapping): string[] {
  return [
    raggedSql(mapping),
    // A missing cell has reason 'missing': neither a row nor an error.
    `CREATE OR REPLACE TEMP TABLE ${RESOLVED} AS
      WITH joined AS (
        SELECT c.rec, c.col, c.value_column, c.value_raw, c.period_raw, c.entity_raw, c.indicator_raw,
          c.value_text, c.flag, pm.period, pm.dated, pm.period_start, pm.grain, pm.period_key, em.entity_id, em.entity, im.indicator_id, im.indicator,
          ${valueSql(mapping)} AS value
        FROM ${CELLS} c
        ${cellJoins(mapping)}),
      judged AS (SELECT *, CASE
          WHEN value IS NULL AND ${missingSql(mapping)} THEN 'missing'
          WHEN period IS NULL AND dated THEN 'date'
          WHEN period IS NULL THEN 'period'
          WHEN entity_id IS NULL THEN 'entity'
          WHEN indicator_id IS NULL THEN 'indicator'
          WHEN value IS NULL THEN 'number' END AS reason
        FROM joined)
      SELECT rec, col, value_column, entity_id, indicator_id, period, period_start, grain, entity, indicator, period_key, value, flag, reason,
        CASE WHEN reason IN ('period', 'date') THEN period_raw WHEN reason = 'entity' THEN entity_raw
          WHEN reason = 'indicator' THEN indicator_raw WHEN reason = 'missing' THEN NULL
          -- Kept for accepted cells too: one of them may turn out to repeat an earlier record.
          ELSE value_raw END AS bad_text
      FROM judged`,
    // The same entity, indicator and period twice: the first cell in reading order (record, then
    // column) wins, later ones are refused. One aggregate finds the repeated keys (no sort of
    // every row); the update reads only those, and in a file without repeats touches nothing.
    `CREATE OR REPLACE TEMP TABLE ${REPEATED} AS SELECT entity_id, indicator_id, period, min([rec, col]) AS first_cell
      FROM ${RESOLVED} WHERE reason IS NULL GROUP BY entity_id, indicator_id, period HAVING count(*) > 1`,
    `UPDATE ${RESOLVED} SET reason = 'duplicate'
      FROM ${REPEATED} f
      WHERE ${RESOLVED}.reason IS NULL AND ${RESOLVED}.entity_id = f.entity_id AND ${RESOLVED}.indicator_id = f.indicator_id
        AND ${RESOLVED}.period = f.period AND [${RESOLVED}.rec, ${RESOLVED}.col] > f.first_cell
        AND EXISTS (SELECT 1 FROM ${REPEATED})`,
  ];
}

/** The entity ids of accepted rows: from the resolved cells, or (streamed) the keys that carry a value. */
function usedEntities(source: CellSource): string {
  return source === 'staged'
    ? `SELECT DISTINCT entity_id FROM ${RESOLVED} WHERE reason IS NULL`
    : `SELECT em.entity_id FROM ${KEYS} k ${ENTITY_JOIN('k')} WHERE k.g = ${BY_ENTITY} AND k.valued > 0`;
}

/**
 * An upload's coded tables in its schema, made before the import's transaction: the key tables of
 * the accepted rows (each canonical key once, with its code from the maps) and the empty table of
 * observations the insert fills. The layout of a snapshot (src/ingest/snapshot.ts): writing the
 * snapshot copies integers, and the view reads both the same way.
 */
export function codedTablesSql(schema: string, source: CellSource): string[] {
  const [entities, indicators, periods] = KEY_TABLES;
  const accepted = (columns: readonly string[], streamed: string) =>
    source === 'staged' ? `SELECT DISTINCT ${columns.join(', ')} FROM ${RESOLVED} WHERE reason IS NULL` : streamed;
  const mapped = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${c}`).join(', ');
  const entity = [entities.code, ...entities.columns];
  const indicator = [indicators.code, ...indicators.columns];
  const period = [periods.code, ...periods.columns];
  return [
    `CREATE SCHEMA ${schema}`,
    `CREATE TABLE ${schema}.${entities.table} AS ${accepted(entity, `SELECT DISTINCT ${mapped('em', entity)} FROM ${KEYS} k ${ENTITY_JOIN('k')} WHERE k.g = ${BY_ENTITY} AND k.valued > 0`)}`,
    `CREATE TABLE ${schema}.${indicators.table} AS ${accepted(indicator, `SELECT DISTINCT ${mapped('im', indicator)} FROM ${KEYS} k ${INDICATOR_JOIN('k')} WHERE k.g = ${BY_INDICATOR} AND k.valued > 0`)}`,
    `CREATE TABLE ${schema}.${periods.table} AS ${accepted(period, `SELECT DISTINCT ${mapped('pm', period)} FROM ${KEYS} k ${PERIOD_JOIN('k')} WHERE k.g = ${BY_PERIOD} AND k.valued > 0`)}`,
    // NOT NULL: a key that did not resolve, which the verdict rules out, breaks the insert rather than vanish.
    `CREATE TABLE ${schema}.observations (${entities.code} INTEGER NOT NULL, ${indicators.code} INTEGER NOT NULL, ${periods.code} INTEGER NOT NULL, value DOUBLE NOT NULL, flag VARCHAR)`,
  ];
}

/**
 * The canonical rows of what was accepted. Streamed: the file read again, each value as it is read;
 * left joins, so the planner keeps the maps as the hash tables (see load.ts), and a key that did not
 * resolve, which the verdict rules out, would break the NOT NULL of the table rather than vanish.
 * An upload's rows are its keys' codes: writing strings costs DuckDB-wasm most of an insert
 * (profiled under Node, 1 M rows: 830 ms with the five key columns, 300 ms with two numbers).
 */
export function observationsInsertSql(options: ResolveOptions, mapping: ImportMapping, source: CellSource): string {
  const { schema } = options;
  const [entities, indicators, periods] = KEY_TABLES;
  const codes = `${entities.code}, ${indicators.code}, ${periods.code}`;
  const into = schema
    ? `INSERT INTO ${schema}.observations (${codes}, value, flag)`
    : `INSERT INTO ${LOCAL_OBSERVATIONS} (dataset_id, entity_id, indicator_id, period, period_start, grain, value, flag)`;
  const keys = schema ? codes : `${sqlString(options.datasetId)}, entity_id, indicator_id, period, period_start, grain`;
  if (source === 'staged') return `${into} SELECT ${keys}, value, flag FROM ${RESOLVED} WHERE reason IS NULL`;
  const joined = schema ? `em.${entities.code}, im.${indicators.code}, pm.${periods.code}` : `${sqlString(options.datasetId)}, em.entity_id, im.indicator_id, pm.period, pm.period_start, pm.grain`;
  return `${into} SELECT ${joined}, c.value, c.flag
    FROM (SELECT *, ${valueSql(mapping)} AS value FROM ${CELLS}) c ${cellJoins(mapping)}
    WHERE c.value IS NOT NULL`;
}

/**
 * How many keys a streamed insert wrote twice. The keys pass cannot see them: two raw texts may
 * resolve to one key (`2020` and `2020年`). Coded rows are grouped by their codes; rows in the
 * session table by a hash of the key, so a collision can only send a clean file the staged way,
 * never let a repeat through.
 */
export function repeatsSql(options: ResolveOptions): string {
  const { schema } = options;
  const rows = schema
    ? `${schema}.observations GROUP BY ${KEY_TABLES.map((k) => k.code).join(', ')}`
    : `${LOCAL_OBSERVATIONS} WHERE dataset_id = ${sqlString(options.datasetId)} GROUP BY hash(entity_id, indicator_id, period)`;
  return `SELECT CAST(count(*) AS INTEGER) AS repeats FROM (SELECT 1 FROM ${rows} HAVING count(*) > 1)`;
}

/** New entities and indicators that accepted rows use; run after the observations are inserted. */
export function catalogInsertSql(options: ResolveOptions, source: CellSource): string[] {
  const used = `entity_id IN (${usedEntities(source)})`;
  const { schema } = options;
  const stats = (from: string, key: string) => `SELECT ${key}, bool_and(value = round(value)) AS whole, max(abs(value)) AS largest FROM ${from} GROUP BY ${key}`;
  const [, indicators] = KEY_TABLES;
  // Coded rows are grouped by their integer code, and only the few groups take the key's text.
  const values = schema
    ? `SELECT k.indicator_id, s.whole, s.largest FROM (${stats(`${schema}.observations`, indicators.code)}) s JOIN ${schema}.${indicators.table} k USING (${indicators.code})`
    : source === 'staged'
      ? stats(`${RESOLVED} WHERE reason IS NULL AND indicator_id NOT IN (SELECT indicator_id FROM indicators)`, 'indicator_id')
      : stats(`${LOCAL_OBSERVATIONS} WHERE dataset_id = ${sqlString(options.datasetId)} AND indicator_id NOT IN (SELECT indicator_id FROM indicators)`, 'indicator_id');
  return [
    `INSERT INTO entities
      SELECT DISTINCT parent_id, ename, ${sqlString(options.entityLevel)}, NULL FROM ${ENTITY_MAP}
      WHERE ${used} AND parent_id NOT IN (SELECT entity_id FROM entities)
      UNION ALL
      SELECT DISTINCT entity_id, bname, 'branch', parent_id FROM ${ENTITY_MAP}
      WHERE bname IS NOT NULL AND ${used} AND entity_id NOT IN (SELECT entity_id FROM entities)`,
    // Display decimals of a new indicator follow its data: whole numbers show none, large values one.
    `INSERT INTO indicators (indicator_id, name_zh, name_en, category, unit, direction, decimals, source)
      SELECT m.indicator_id, min(m.iname), min(m.iname), 'other', min(m.unit), ${options.direction === -1 ? -1 : 1},
        CASE WHEN bool_and(d.whole) THEN 0 WHEN max(d.largest) >= 100 THEN 1 ELSE 2 END, ''
      FROM ${INDICATOR_MAP} m
      JOIN (${values}) d ON d.indicator_id = m.indicator_id
      WHERE m.indicator_id NOT IN (SELECT indicator_id FROM indicators)
      GROUP BY m.indicator_id`,
  ];
}

/** Counts of what a load added and refused, in one pass over the resolved rows. */
export const SUMMARY_SQL = `SELECT
    CAST(count(*) FILTER (WHERE reason IS NULL) AS INTEGER) AS rows,
    CAST(count(*) FILTER (WHERE reason IS NOT NULL AND reason <> 'missing') AS INTEGER) AS rejected,
    CAST(count(*) FILTER (WHERE reason IS NULL AND flag IS NOT NULL) AS INTEGER) AS flagged,
    CAST(count(DISTINCT entity_id) FILTER (WHERE reason IS NULL) AS INTEGER) AS entities,
    CAST(count(DISTINCT indicator_id) FILTER (WHERE reason IS NULL) AS INTEGER) AS indicators,
    CAST(count(DISTINCT period) FILTER (WHERE reason IS NULL) AS INTEGER) AS periods,
    arg_min(period, period_start) FILTER (WHERE reason IS NULL) AS first_period, arg_max(period, period_start) FILTER (WHERE reason IS NULL) AS last_period,
    (SELECT CAST(count(*) AS INTEGER) FROM ${RAGGED}) AS ragged
  FROM ${RESOLVED}`;

/** The same counts for a clean file, from the keys pass alone: nothing refused, every value kept. */
export const STREAMED_SUMMARY_SQL = `SELECT
    (SELECT CAST(sum(valued) AS INTEGER) FROM ${KEYS} WHERE g = ${WHOLE_FILE}) AS rows,
    0 AS rejected,
    (SELECT CAST(sum(flagged) AS INTEGER) FROM ${KEYS} WHERE g = ${WHOLE_FILE}) AS flagged,
    (SELECT CAST(count(DISTINCT em.entity_id) AS INTEGER) FROM ${KEYS} k ${ENTITY_JOIN('k')} WHERE k.g = ${BY_ENTITY} AND k.valued > 0) AS entities,
    (SELECT CAST(count(DISTINCT im.indicator_id) AS INTEGER) FROM ${KEYS} k ${INDICATOR_JOIN('k')} WHERE k.g = ${BY_INDICATOR} AND k.valued > 0) AS indicators,
    CAST(count(DISTINCT pm.period) AS INTEGER) AS periods,
    arg_min(pm.period, pm.period_start) AS first_period, arg_max(pm.period, pm.period_start) AS last_period,
    0 AS ragged
  FROM ${KEYS} k ${PERIOD_JOIN('k')} WHERE k.g = ${BY_PERIOD} AND k.valued > 0`;

/** Rejected cells and records in file order: record, then column position (a whole record first). */
export function rejectsSql(limit: number): string {
  return `SELECT rec, col, val, reason FROM (
      SELECT rec, value_column AS col, COALESCE(bad_text, '') AS val, reason, ${RESOLVED}.col AS position
      FROM ${RESOLVED} WHERE reason IS NOT NULL AND reason <> 'missing'
      UNION ALL SELECT rec, '', val, reason, -1 FROM ${RAGGED})
    ORDER BY rec, position LIMIT ${Math.floor(limit)}`;
}

export function dropTempSql(): string[] {
  return [
    // Views first: each reads the one after it.
    ...[CELLS, ALL_CELLS, SOURCE].map((v) => `DROP VIEW IF EXISTS ${sqlIdent(v)}`),
    ...[STAGE, KEYS, RAGGED, PERIOD_MAP, ENTITY_MAP, INDICATOR_MAP, RESOLVED, REPEATED].map((t) => `DROP TABLE IF EXISTS ${sqlIdent(t)}`),
  ];
}
