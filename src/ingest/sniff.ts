import { splitNameUnit } from './load-sql';
import type { ColumnMapping, ColumnRole, Delimiter, Encoding, ImportMapping, IndicatorDefaults, Layout } from '../domain/mapping';
import { isMissing, parseNumber } from '../domain/numbers';
import { parsePeriod } from '../domain/periods';
import { guessLongColumns, guessRole } from './roles';

// The sniffer: from the decoded first part of a file to a proposed ImportMapping. Pure and
// synchronous so that it runs the same in the browser and in Node tests. It looks at the text the
// way a person would: find the delimiter, skip the title and metadata lines, find the header (and a
// unit row under it), find where the table ends and the notes begin, then decide from the headers
// and the cells which layout the table has and what each column is.

export interface SniffOptions {
  /** File name, used for the indicator name when the file itself does not name it. */
  fileName?: string;
  /**
   * True when `text` is the whole file. When it is only a prefix (the default, the safe choice),
   * a record cut at the end is ignored and, unless a footer was seen, `dataRows` is unbounded.
   */
  complete?: boolean;
  /** How many data records `preview` holds (20 by default). */
  previewRows?: number;
}

/** Message keys, translated by the interface; every one of them makes the confidence low. */
export type SniffWarning =
  | 'sniff.empty'
  | 'sniff.noTable'
  | 'sniff.noHeader'
  | 'sniff.noData'
  | 'sniff.delimiterGuessed'
  | 'sniff.layoutGuessed'
  | 'sniff.entityGuessed'
  | 'sniff.noEntity'
  | 'sniff.periodGuessed'
  | 'sniff.noPeriod'
  | 'sniff.valueGuessed'
  | 'sniff.indicatorGuessed'
  | 'sniff.noValue'
  | 'sniff.noMeasures'
  | 'sniff.noIndicatorName'
  | 'sniff.unitRowMixed';

export interface SniffResult {
  delimiter: Delimiter;
  /** 0-based physical line where the header names are (what a text editor shows, less one). */
  headerRow: number;
  /**
   * Lines after `headerRow` that are still not data: the unit row, and line breaks inside quoted
   * header names. `headerRow + skipRows` is the last physical line before the data.
   */
  skipRows: number;
  /**
   * Records above the first data record (titles, metadata and blank lines, the header, the unit
   * row), counted as DuckDB's `skip` counts them: a blank line is one, a line break inside quotes
   * starts none. So it is fewer than `headerRow + skipRows + 1` when a quoted field above the data
   * holds a line break; `toMapping` uses it, as load-sql skips `read.headerRow + 1` records.
   */
  recordsBeforeData: number;
  /** 0-based physical line of the unit row under the header (`,"Persons",,,`), or null. */
  unitRow: number | null;
  /**
   * Data records to read after the header (and unit row), up to the notes below the table, as
   * DuckDB counts them (an empty line is none). `Number.MAX_SAFE_INTEGER` when the text is a prefix
   * and no end of the table was seen.
   */
  dataRows: number;
  /** Non-blank data records present in the text (the whole table when `complete`). */
  dataRowsSeen: number;
  /** Fields per record of the table: the number of columns read. */
  fieldCount: number;
  /** Fields of the table's usual record (the header may have one more or one less). */
  recordWidth: number;
  /** Header texts, trimmed, one per field (empty strings kept). */
  headers: string[];
  /** One per field, positionally; unnamed columns are named `(column N)`. */
  columns: ColumnMapping[];
  layout: Layout;
  indicator: IndicatorDefaults;
  /** 'high': layout and key roles were read from the file without guessing; import in one click. */
  confidence: 'high' | 'low';
  warnings: SniffWarning[];
  /** The first data records as they will be read (after the header and unit row), padded to `fieldCount`. */
  preview: string[][];
  /** The physical lines above the header (titles, `数据库：…`, blank lines). */
  metadataLines: string[];
  /** The non-blank lines below the table (notes, sources, footnotes). */
  footerLines: string[];
}

// ---------------------------------------------------------------------------------------------
// Records: a quote-aware split that also knows on which physical lines each record lies, because
// DuckDB's `skip` counts lines while quoted fields may hold line breaks.

interface CsvRecord {
  fields: string[];
  /** Physical line where the record starts and where it ends (they differ with quoted line breaks). */
  line: number;
  endLine: number;
  /** Ended by a line break; false for a last record cut by the end of the text. */
  terminated: boolean;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Length of the line break at `i` (CRLF, LF or a lone CR), 0 when there is none. */
function breakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR) return text.charCodeAt(i + 1) === LF ? 2 : 1;
  return 0;
}

/**
 * RFC 4180 with DuckDB's leniency: a quote opens a quoted field only at the start of a field, and
 * text after a closing quote is kept. Fields are sliced, not built a character at a time: a line
 * that is one long field under a wrong candidate delimiter must not cost more than a real table.
 */
function parseRecords(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let line = 0;
  let recordLine = 0;
  let i = 0;
  while (i < n && records.length < limit) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted part: up to the closing quote; `""` is one quote; line breaks inside count as lines.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const end = q < 0 ? n : q;
        for (let k = j; k < end; ) {
          const b = breakAt(text, k);
          if (b > 0) line++;
          k += b || 1;
        }
        field += text.slice(j, end);
        if (q < 0 || text.charCodeAt(q + 1) !== QUOTE) {
          i = q < 0 ? n : q + 1;
          break;
        }
        field += '"';
        j = q + 2;
      }
    }
    // Unquoted part (or what follows a closing quote): up to the delimiter or the line break.
    let j = i;
    while (j < n && text.charCodeAt(j) !== delim && breakAt(text, j) === 0) j++;
    field += text.slice(i, j);
    fields.push(field);
    if (j >= n) {
      records.push({ fields, line: recordLine, endLine: line, terminated: false });
      return records;
    }
    if (text.charCodeAt(j) === delim) {
      i = j + 1;
      // A delimiter at the very end still opens one more (empty) field of a cut record.
      if (i >= n) fields.push('');
      continue;
    }
    records.push({ fields, line: recordLine, endLine: line, terminated: true });
    fields = [];
    i = j + breakAt(text, j);
    line++;
    recordLine = line;
  }
  if (fields.length > 0 && records.length < limit) records.push({ fields, line: recordLine, endLine: line, terminated: false });
  return records;
}

/** Records that can be trusted: a last record cut by the end of a prefix is not one. */
function usableRecords(text: string, delimiter: string, complete: boolean, limit = Infinity): CsvRecord[] {
  const records = parseRecords(text, delimiter, limit);
  const last = records[records.length - 1];
  if (!complete && last && !last.terminated) records.pop();
  return records;
}

const trimCell = (s: string) => s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
const nonEmpty = (r: CsvRecord) => r.fields.filter((f) => trimCell(f) !== '').length;
const isBlank = (r: CsvRecord) => nonEmpty(r) === 0;

// ---------------------------------------------------------------------------------------------
// Delimiter and table shape

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Records looked at to choose the delimiter: enough for metadata lines plus a good part of the table. */
const DELIMITER_SAMPLE = 1000;

/** The most frequent field count of at least 2, and how many records have it. */
function modalFieldCount(records: readonly CsvRecord[]): { count: number; records: number } {
  const freq = new Map<number, number>();
  for (const r of records) if (r.fields.length >= 2) freq.set(r.fields.length, (freq.get(r.fields.length) ?? 0) + 1);
  let best = { count: 0, records: 0 };
  for (const [count, n] of freq) if (n > best.records || (n === best.records && count > best.count)) best = { count, records: n };
  return best;
}

/**
 * The delimiter under which the most records share one field count: a table is a block of equally
 * wide records, whatever the metadata and notes around it look like. Ties go to the delimiter that
 * splits the records into more fields (a `;` file with one comma in every line, `GDP, 现价` in the
 * header and `1,234` in each row, is as regular under `,` but narrower), then to the commoner one.
 */
function detectDelimiter(text: string, complete: boolean): { delimiter: Delimiter; found: boolean } {
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const { records: score, count: width } = modalFieldCount(usableRecords(text, delimiter, complete, DELIMITER_SAMPLE));
    if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  return { delimiter: best.delimiter, found: best.score > 0 };
}

/** Maximal runs of consecutive records with exactly `width` fields: [start, length]. */
function runsOfWidth(records: readonly CsvRecord[], width: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < records.length; i++) {
    if (records[i]?.fields.length !== width) continue;
    let j = i;
    while (records[j + 1]?.fields.length === width) j++;
    runs.push([i, j - i + 1]);
    i = j;
  }
  return runs;
}

/**
 * Index of the header record: the start of the first run of table-wide records that is as long as
 * the table's (at least 3 records), so that a couple of metadata lines that happen to have the
 * table's width do not win, and a ragged row further down does not cut the table in two.
 */
function findHeader(records: readonly CsvRecord[], width: number): number {
  const runs = runsOfWidth(records, width);
  const longest = runs.reduce((max, [, n]) => Math.max(max, n), 0);
  const run = runs.find(([, n]) => n >= Math.min(longest, 3)) ?? runs[0];
  if (!run) return 0;
  // A header one field shorter or longer than its rows (only the data lines, or only the header,
  // end with a delimiter): the run then starts with a data record, and the header is just above.
  const above = records[run[0] - 1];
  const first = records[run[0]] as CsvRecord;
  const headerAbove = above && Math.abs(above.fields.length - width) === 1 && nonEmpty(above) >= 2 && looksLikeHeader(above.fields);
  return headerAbove && hasPlainNumber(first.fields) ? run[0] - 1 : run[0];
}

/** A number that is not a period (`15.39`, `1,000`): found in data records, not in headers. */
function hasPlainNumber(fields: readonly string[]): boolean {
  return fields.some((f) => !isMissing(f) && parseNumber(f) !== null && parsePeriod(f) === null);
}

/** Header names are text or periods; a record of plain numbers is data, not a header. */
function looksLikeHeader(fields: readonly string[]): boolean {
  const filled = fields.map(trimCell).filter((f) => f !== '');
  const numbers = filled.filter((f) => parseNumber(f) !== null && parsePeriod(f) === null).length;
  return filled.length > 0 && numbers <= filled.length / 2;
}

/**
 * A unit row (StatCan's `,"Persons",,,`): right under the header, the first (key) cell empty,
 * and every filled cell a word — not a number, not a period.
 */
function isUnitRow(record: CsvRecord | undefined): boolean {
  if (!record || record.fields.length < 2 || trimCell(record.fields[0] ?? '') !== '') return false;
  const filled = record.fields.map(trimCell).filter((f) => !isMissing(f));
  return filled.length > 0 && filled.every((f) => parseNumber(f) === null && parsePeriod(f) === null);
}

/** The unit a unit row gives: its most common filled cell; `mixed` when the columns differ. */
function unitOfRow(record: CsvRecord): { unit: string; mixed: boolean } {
  const freq = new Map<string, number>();
  for (const f of record.fields.map(trimCell)) if (!isMissing(f)) freq.set(f, (freq.get(f) ?? 0) + 1);
  const [unit = ''] = [...freq].sort((a, b) => b[1] - a[1])[0] ?? [];
  return { unit, mixed: freq.size > 1 };
}

// ---------------------------------------------------------------------------------------------
// End of the table

/** First cells that open the notes under a table (`注：`, `数据来源：`, `Footnotes:`, `Symbol legend`). */
const NOTE_RE =
  /^(?:注|附注|备注|说明|数据来源|资料来源|来源|notes?|sources?|footnotes?|symbol legend|legend|how to cite|data from database|last updated)\s*(?:[:：.,\d①②③④⑤⑥⑦⑧⑨⑩]|$)/i;

function isNote(record: CsvRecord): boolean {
  const first = record.fields.map(trimCell).find((f) => f !== '');
  return first !== undefined && NOTE_RE.test(first);
}

/** A line that cannot belong to a table this wide: one field, or a two-field footnote in a wide table. */
function isNarrow(record: CsvRecord, width: number): boolean {
  return record.fields.length === 1 || (record.fields.length <= 2 && width >= 4);
}

interface Extent {
  /** Records from the data start up to and including the last data record. */
  rows: number;
  /** A footer (or the end of a complete text) was seen, so `rows` is the whole table. */
  ended: boolean;
}

/**
 * Where the data ends: at the last table row before the notes. A note line (`注：`, `Footnotes:`)
 * ends the table for sure. A line that cannot be a row — one field, a two-field footnote in a wide
 * table, a narrower record after a blank line — ends it only when no table row follows it in the
 * text: a broken row in the middle is read (and its cells rejected with reasons), not silently cut
 * off with everything after it. Rows with at most one filled cell count only when more data follows:
 * at the end they hold no value.
 */
function dataExtent(records: readonly CsvRecord[], start: number, width: number, complete: boolean): Extent {
  let last = start - 1;
  let afterBlank = false;
  let footerSeen = false;
  for (let i = start; i < records.length; i++) {
    const r = records[i] as CsvRecord;
    if (isBlank(r)) {
      afterBlank = true;
      continue;
    }
    if (isNote(r)) return { rows: last - start + 1, ended: true };
    const fits = r.fields.length === width || (!afterBlank && !isNarrow(r, width));
    if (!fits) footerSeen = true;
    else if (nonEmpty(r) >= 2) {
      last = i;
      footerSeen = false;
    }
    afterBlank = false;
  }
  return { rows: last - start + 1, ended: complete || footerSeen };
}

// ---------------------------------------------------------------------------------------------
// Columns: what the header and the cells say about each one

interface Profile {
  index: number;
  header: string;
  headerPeriod: boolean;
  headerRole: ColumnRole;
  /** Identifier columns (`Country Code`, `行政区划代码`) are never values or names. */
  code: boolean;
  filled: number;
  numbers: number;
  periods: number;
}

const CODE_RE = /(?:\bcode\b|代码|编码|编号|^id$|_id$)/i;
/** Rows looked at to profile the columns, and filled cells per column: enough to see each column's kind. */
const PROFILE_ROWS = 200;
const PROFILE_CELLS = 50;
/** Every period spelling holds a four-digit year; the check spares most cells the full parse. */
const YEAR_RE = /[0-9０-９]{4}/;
const isPeriodCell = (cell: string) => YEAR_RE.test(cell) && parsePeriod(cell) !== null;

function profileColumns(headers: readonly string[], rows: readonly string[][]): Profile[] {
  return headers.map((header, index) => {
    const p: Profile = {
      index,
      header,
      headerPeriod: header !== '' && parsePeriod(header) !== null,
      headerRole: guessRole(header),
      code: CODE_RE.test(header),
      filled: 0,
      numbers: 0,
      periods: 0,
    };
    for (const row of rows.slice(0, PROFILE_ROWS)) {
      const cell = row[index] ?? '';
      if (cell === '' || isMissing(cell)) continue;
      if (p.filled === PROFILE_CELLS) break;
      p.filled++;
      if (parseNumber(cell) !== null) p.numbers++;
      if (isPeriodCell(cell)) p.periods++;
    }
    return p;
  });
}

const isNumeric = (p: Profile) => p.filled > 0 && p.numbers >= 0.8 * p.filled;
const isPeriodic = (p: Profile) => p.filled > 0 && p.periods >= 0.9 * p.filled;
const isText = (p: Profile) => p.filled > 0 && p.numbers < 0.5 * p.filled && p.periods < 0.5 * p.filled;
const isEmptyColumn = (p: Profile) => p.filled === 0;
/** A column that can carry values under its header: numbers, or nothing yet in the rows seen. */
const canMeasure = (p: Profile) => p.header !== '' && !p.code && (isNumeric(p) || isEmptyColumn(p));

interface Decision {
  layout: Layout;
  roles: ColumnRole[];
  warnings: SniffWarning[];
}

/** Key roles read from header names; the first column of each role wins. */
function keyRolesByHeader(profiles: readonly Profile[], allowed: readonly ColumnRole[]): ColumnRole[] {
  const taken = new Set<ColumnRole>();
  return profiles.map((p) => {
    const role = p.headerRole;
    if (!allowed.includes(role) || taken.has(role)) return 'ignore';
    taken.add(role);
    return role;
  });
}

/** The entity column when no header names it: the first text column that is not a code. */
function fallbackEntity(profiles: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): void {
  if (roles.includes('entity')) return;
  const p = profiles.find((q) => roles[q.index] === 'ignore' && !q.code && isText(q));
  if (p) {
    roles[p.index] = 'entity';
    warnings.push('sniff.entityGuessed');
  } else warnings.push('sniff.noEntity');
}

/** The period column when no header names it: the first column whose cells are all periods. */
function fallbackPeriod(profiles: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): void {
  if (roles.includes('period')) return;
  const p = profiles.find((q) => roles[q.index] === 'ignore' && !q.code && isPeriodic(q));
  if (p) {
    roles[p.index] = 'period';
    warnings.push('sniff.periodGuessed');
  } else warnings.push('sniff.noPeriod');
}

/** Wide by period: period headers (`1960`, `2024年`, `Q4 2012`) over numbers, more of them than other number columns. */
function decideWidePeriod(profiles: readonly Profile[]): Decision | null {
  const periods = profiles.filter((p) => p.headerPeriod);
  const numericOthers = profiles.filter((p) => !p.headerPeriod && p.headerRole === 'ignore' && canMeasure(p) && !isEmptyColumn(p));
  const measurable = periods.filter((p) => isNumeric(p) || isEmptyColumn(p));
  if (periods.length === 0 || measurable.length < 0.8 * periods.length || periods.length <= numericOthers.length) return null;
  const warnings: SniffWarning[] = [];
  const roles = keyRolesByHeader(profiles, ['entity', 'branch', 'indicator', 'unit']).map((r, i) =>
    profiles[i]?.headerPeriod ? 'measure' : r,
  );
  fallbackEntity(profiles, roles, warnings);
  return { layout: 'wide-period', roles, warnings };
}

/** Wide by entity (a table turned sideways): periods down the first column, names across, numbers inside. */
function decideWideEntity(profiles: readonly Profile[]): Decision | null {
  const [first, ...rest] = profiles;
  // The cells decide, not the header: NBS puts `地区` over the corner cell whichever way the table turns.
  if (!first || !isPeriodic(first)) return null;
  // Key headers or text cells across the table mean names in columns: a long or wide-by-indicator file.
  if (rest.some((p) => p.headerPeriod || (p.headerRole !== 'ignore' && p.headerRole !== 'unit') || isText(p))) return null;
  if (!rest.some((p) => canMeasure(p) && isNumeric(p))) return null;
  const roles: ColumnRole[] = profiles.map((p, i) => (i === 0 ? 'period' : canMeasure(p) ? 'measure' : 'ignore'));
  // Headers with units (`GDP_亿元`) name indicators, not entities: the table is more likely something else.
  const warnings: SniffWarning[] = rest.some((p) => roles[p.index] === 'measure' && splitNameUnit(p.header).unit !== '')
    ? ['sniff.layoutGuessed']
    : [];
  if (first.headerRole !== 'period') warnings.push('sniff.periodGuessed');
  return { layout: 'wide-entity', roles, warnings };
}

/** Long: the value column is the one number column; with several, the first is a guess. */
function decideLong(numeric: readonly Profile[], roles: ColumnRole[], warnings: SniffWarning[]): Decision {
  const value = numeric[0];
  if (value) roles[value.index] = 'value';
  if (!value) warnings.push('sniff.noValue', 'sniff.layoutGuessed');
  else if (numeric.length > 1) warnings.push('sniff.valueGuessed');
  return { layout: 'long', roles, warnings };
}

/**
 * Long or wide by indicator, from the key columns. A `value` header or an indicator column means
 * one value per row (long). Otherwise each number column is an indicator named by its header —
 * also when there is just one (`城市,年份,GDP(亿元)`: the header names the indicator and its unit),
 * unless an unnamed text column is left that can only be the indicator of a long file.
 */
function decideKeyed(profiles: readonly Profile[]): Decision {
  const warnings: SniffWarning[] = [];
  const roles: ColumnRole[] = guessLongColumns(profiles.map((p) => p.header)).map((c) => c.role);
  fallbackEntity(profiles, roles, warnings);
  fallbackPeriod(profiles, roles, warnings);
  if (roles.includes('value')) return { layout: 'long', roles, warnings };
  const numeric = profiles.filter((p) => roles[p.index] === 'ignore' && canMeasure(p) && isNumeric(p));
  if (roles.includes('indicator') || numeric.length === 0) return decideLong(numeric, roles, warnings);
  const spareText = profiles.find((p) => roles[p.index] === 'ignore' && !p.code && isText(p));
  if (numeric.length === 1 && spareText) {
    roles[spareText.index] = 'indicator';
    warnings.push('sniff.indicatorGuessed');
    return decideLong(numeric, roles, warnings);
  }
  for (const p of profiles) if (roles[p.index] === 'ignore' && canMeasure(p)) roles[p.index] = 'measure';
  // An indicator or unit column means nothing when the headers name the indicators.
  return { layout: 'wide-indicator', roles: roles.map((r) => (r === 'unit' ? 'ignore' : r)), warnings };
}

function decideLayout(profiles: readonly Profile[]): Decision {
  const decision = decideWidePeriod(profiles) ?? decideWideEntity(profiles) ?? decideKeyed(profiles);
  if (decision.layout !== 'long' && !decision.roles.includes('measure')) decision.warnings.push('sniff.noMeasures');
  return decision;
}

/** Column names as the mapping stores them: the header, or `(column N)` for an unnamed one. */
function columnName(header: string, index: number): string {
  return header === '' ? `(column ${index + 1})` : header;
}

// ---------------------------------------------------------------------------------------------
// Indicator defaults

const INDICATOR_LINE_RE = /^(?:指标|指标名称|indicator|indicator name|series|series name)\s*[:：]\s*(.+)$/i;
const UNIT_LINE_RE = /^(?:单位|计量单位|unit|units|unit of measure)\s*[:：]\s*(.+)$/i;

/** A metadata record as one text: its filled cells joined (`"Indicator:","GDP"` → `Indicator: GDP`). */
function recordText(record: CsvRecord): string {
  return record.fields.map(trimCell).filter((f) => f !== '').join(' ');
}

/** `分省年度数据 (5).csv` → `分省年度数据`: no folder, no extension, no browser copy number. */
function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/\s*[(（]\d{1,3}[)）]$/, '')
    .trim();
}

/**
 * Name and unit when the file has no indicator column. In order: a `指标：…` line (the NBS export
 * names its single indicator only there), a title line (StatCan's first line, footnote marks
 * removed), the file name. The unit: the `指标` line's bracket, a `单位：` line, the unit row.
 */
function indicatorDefaults(metadata: readonly CsvRecord[], rowUnit: string, fileName: string | undefined): IndicatorDefaults {
  const texts = metadata.map(recordText).filter((t) => t !== '');
  const declared = texts.map((t) => INDICATOR_LINE_RE.exec(t)?.[1]).find((t) => t !== undefined);
  const unitLine = texts.map((t) => UNIT_LINE_RE.exec(t)?.[1]).find((t) => t !== undefined);
  const title = metadata.find((r) => nonEmpty(r) === 1 && !/[:：]/.test(recordText(r)));
  const stated = declared ?? (title ? recordText(title).replace(/(\s+\d{1,2})+$/, '') : undefined);
  const file = fileName ? baseName(fileName) : '';
  // In a file name only a bracket is a unit: `GDP(亿元).csv`, but not `nv.ind.totl.zs_data.csv`.
  const fromFile = /[)）\]]$/.test(file) ? splitNameUnit(file) : { name: file, unit: '' };
  const { name, unit } = stated !== undefined ? splitNameUnit(stated) : fromFile;
  return { name, unit: unit || unitLine?.trim() || rowUnit, direction: 1 };
}

// ---------------------------------------------------------------------------------------------
// The sniffer

const PREVIEW_ROWS = 20;

function emptyResult(delimiter: Delimiter, warning: SniffWarning, lines: readonly string[]): SniffResult {
  return {
    delimiter,
    headerRow: 0,
    skipRows: 0,
    recordsBeforeData: 1,
    unitRow: null,
    dataRows: 0,
    dataRowsSeen: 0,
    fieldCount: 0,
    recordWidth: 0,
    headers: [],
    columns: [],
    layout: 'long',
    indicator: { name: '', unit: '', direction: 1 },
    confidence: 'low',
    warnings: [warning],
    preview: [],
    // No header was found, so everything is "above" it: the person sees what the file holds.
    metadataLines: [...lines],
    footerLines: [],
  };
}

const pad = (fields: readonly string[], width: number) =>
  Array.from({ length: width }, (_, i) => fields[i] ?? '');

/** Layouts that take the indicator from `mapping.indicator` rather than from the file. */
function needsIndicatorName(layout: Layout, roles: readonly ColumnRole[]): boolean {
  return layout !== 'wide-indicator' && !roles.includes('indicator');
}

export function sniff(input: string, options: SniffOptions = {}): SniffResult {
  const complete = options.complete ?? false;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split(/\r\n|\n|\r/);
  if (text.trim() === '') return emptyResult(',', 'sniff.empty', []);

  const { delimiter, found } = detectDelimiter(text, complete);
  if (!found) return emptyResult(delimiter, 'sniff.noTable', lines);
  const records = usableRecords(text, delimiter, complete);
  const tableWidth = modalFieldCount(records).count;

  const h = findHeader(records, tableWidth);
  const header = records[h] as CsvRecord;
  const width = Math.max(tableWidth, header.fields.length);
  const unitRecord = isUnitRow(records[h + 1]) && records[h + 2] !== undefined ? records[h + 1] : undefined;
  const dataStart = h + (unitRecord ? 2 : 1);
  const extent = dataExtent(records, dataStart, tableWidth, complete);
  const dataRecords = records.slice(dataStart, dataStart + extent.rows).filter((r) => !isBlank(r));
  // DuckDB reads no record from an empty line among the data (it counts one only while skipping),
  // so the row limit leaves them out, or a note under the table would be read in their place.
  const emptyLines = records.slice(dataStart, dataStart + extent.rows).filter((r) => r.line === r.endLine && lines[r.line] === '').length;
  const lastBeforeData = (unitRecord ?? header).endLine;
  const lastDataLine = records[dataStart + extent.rows - 1]?.endLine ?? lastBeforeData;

  const headers = pad(header.fields.map(trimCell), width);
  const rows = dataRecords.map((r) => pad(r.fields, width));
  const decision = decideLayout(profileColumns(headers, rows));
  const rowUnit = unitRecord ? unitOfRow(unitRecord) : { unit: '', mixed: false };
  const indicator = indicatorDefaults(records.slice(0, h), rowUnit.unit, options.fileName);

  const warnings: SniffWarning[] = [];
  if (!looksLikeHeader(header.fields)) warnings.push('sniff.noHeader');
  if (dataRecords.length === 0) warnings.push('sniff.noData');
  warnings.push(...decision.warnings);
  if (rowUnit.mixed) warnings.push('sniff.unitRowMixed');
  if (needsIndicatorName(decision.layout, decision.roles) && indicator.name === '') warnings.push('sniff.noIndicatorName');

  return {
    delimiter,
    headerRow: header.line,
    skipRows: lastBeforeData - header.line,
    recordsBeforeData: dataStart,
    unitRow: unitRecord ? unitRecord.line : null,
    dataRows: extent.ended ? extent.rows - emptyLines : Number.MAX_SAFE_INTEGER,
    dataRowsSeen: dataRecords.length,
    fieldCount: width,
    recordWidth: tableWidth,
    headers,
    columns: headers.map((name, i) => ({ name: columnName(name, i), role: decision.roles[i] ?? 'ignore' })),
    layout: decision.layout,
    indicator,
    confidence: warnings.length === 0 ? 'high' : 'low',
    warnings,
    preview: rows.slice(0, options.previewRows ?? PREVIEW_ROWS),
    metadataLines: lines.slice(0, header.line),
    footerLines: extent.ended ? lines.slice(lastDataLine + 1).filter((l) => l.replace(/[\s"',;|]/g, '') !== '') : [],
  };
}

/** The mapping load-sql consumes: `read.headerRow` is the index of the last record before the data. */
export function toMapping(result: SniffResult, encoding: Encoding): ImportMapping {
  return {
    layout: result.layout,
    read: {
      encoding,
      delimiter: result.delimiter,
      headerRow: result.recordsBeforeData - 1,
      dataRows: result.dataRows,
      fields: result.recordWidth,
    },
    columns: result.columns.map((c) => ({ ...c })),
    indicator: { ...result.indicator },
    entityLevel: 'region',
  };
}
