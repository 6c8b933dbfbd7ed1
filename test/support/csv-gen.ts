import fc from 'fast-check';
import { mulberry32 as seeded } from '../../scripts/sample/random';

// Generators of indicator files for the import properties (test/integration/import-properties.test.ts),
// and fixed files shaped like the real ones of ../shared/realdata (`REAL_SHAPES`, real-shapes.test.ts).
// A file is generated as a table of known values and rendered in the layouts, encodings, delimiters,
// quoting, missing markers and number formats of docs/data-format.md. What the importer must
// make of it is worked out here from the table and docs/data-format.md alone, never by calling the importer.

// ---------------------------------------------------------------------------------------------
// Encodings

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

let gbCodes: Map<string, [number, number]> | null = null;

/**
 * Node has no GB18030 encoder and iconv-lite is not installed, so the table is built the other way
 * round: every two-byte sequence decoded once with Node's own (ICU) decoder. Each valid pair decodes
 * to exactly one character, so the decoded text lines up with the pairs.
 */
function gb18030Codes(): Map<string, [number, number]> {
  if (gbCodes) return gbCodes;
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  const text = new TextDecoder('gb18030').decode(new Uint8Array(pairs));
  if (text.length !== pairs.length / 2) throw new Error('GB18030 two-byte table does not line up');
  const codes = new Map<string, [number, number]>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!codes.has(ch)) codes.set(ch, [pairs[2 * i] as number, pairs[2 * i + 1] as number]);
  }
  gbCodes = codes;
  return codes;
}

/** ASCII and the two-byte area (all of GBK) only: every character the pools below use is there. */
export function encodeGb18030(text: string): Uint8Array {
  const codes = gb18030Codes();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = codes.get(ch);
      if (!pair) throw new Error(`${JSON.stringify(ch)} is outside the GB18030 two-byte area`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

export function encodeText(text: string, encoding: FileEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode('\uFEFF' + text);
    case 'utf-16le':
      return utf16(text, true);
    case 'utf-16be':
      return utf16(text, false);
    case 'gb18030':
      return encodeGb18030(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Names. New names, names of the bundled sample's places and indicators, and names of the reference
// upload the test loads first: the last two resolve to entities and indicators that already exist.
// None ends in digits or footnote marks, none is a period, a number, a column role or a code, and
// none differs from another only in case (indicator names match the catalog case-insensitively).

const PLAIN_PLACES = ['甲市', '乙县', '丙镇', '丁村', '新区', '东湖区', '西城区', '沙湾村', '东湖街道', 'Springfield', 'Nunavut', 'Lower Saxony'];
/** Names that need quoting under some delimiter: a delimiter, a quote or a line break inside. */
const ODD_PLACES = ['甲市, 新区', '"幸福"社区', 'A|B区', 'Semi;colon', '北\n岭', 'Tab\t镇'];
const BRANCHES = ['第一支部', '机关党支部', 'Branch A', '"红旗"支部', '二支部, 东'];
/** Plain indicator names, also used where the name comes from a file name or a metadata line. */
const PLAIN_INDICATORS = ['人口', 'GDP', '城镇化率', '人均可支配收入', 'Life expectancy', '群众满意度', '高新技术产业占比'];
const ODD_INDICATORS = ['GDP, 现价', '"优良"天数', '城镇\n人口', 'A|B', '税收;合计'];
const UNITS = ['万元', '%', '万人', 'USD', '亿元'];

/** Footnote marks stuck to names (docs/data-format.md section 8: `Nunavut 5`, StatCan's title `… quarterly 1 2 3 4`); the import drops them. */
const MARKS = ['①', ' 5', '*', ' 1 2 3 4'];

const markArb = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...MARKS) });

export interface PlaceSpec {
  name: string;
  mark: string;
  /** A trailing space after the name. */
  pad: boolean;
  branch: string | null;
}

export interface IndicatorSpec {
  name: string;
  mark: string;
  unit: string;
  /** How a wide-by-indicator header carries the unit: `GDP(亿元)`, `GDP（亿元）`, `GDP_亿元`. */
  unitStyle: 'none' | 'paren' | 'fullwidth-paren' | 'underscore';
}

const placeArb = (withBranch: boolean): fc.Arbitrary<PlaceSpec> =>
  fc.record({
    name: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN_PLACES) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_PLACES) }),
    mark: markArb,
    pad: fc.boolean(),
    branch: withBranch ? fc.option(fc.constantFrom(...BRANCHES), { nil: null, freq: 3 }) : fc.constant(null),
  });

const placesArb = (withBranch: boolean, maxLength = 5) =>
  fc.uniqueArray(placeArb(withBranch), { minLength: 1, maxLength, size: 'medium', selector: (p) => `${p.name}\u0000${p.branch}` });

const indicatorArb = (plainOnly: boolean): fc.Arbitrary<IndicatorSpec> =>
  fc.record({
    name: plainOnly
      ? fc.constantFrom(...PLAIN_INDICATORS)
      : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN_INDICATORS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_INDICATORS) }),
    mark: markArb,
    unit: fc.constantFrom(...UNITS),
    unitStyle: fc.constantFrom('none', 'paren', 'fullwidth-paren', 'underscore'),
  });

const indicatorsArb = (plainOnly: boolean, maxLength: number) =>
  fc.uniqueArray(indicatorArb(plainOnly), { minLength: 1, maxLength, selector: (i) => i.name });

/** The name after the import: footnote mark and padding gone; a branch is shown under its parent. */
export const placeKey = (p: PlaceSpec): string => (p.branch === null ? p.name : `${p.name} / ${p.branch}`);

// ---------------------------------------------------------------------------------------------
// Periods: spellings of docs/data-format.md section 6, and the normal form and first day they stand for.

export type Grain = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodSpec {
  grain: Grain;
  year: number;
  part: number;
}

const yearArb = fc.integer({ min: 2000, max: 2030 });
const periodArb: fc.Arbitrary<PeriodSpec> = fc.oneof(
  yearArb.map((year) => ({ grain: 'year' as const, year, part: 0 })),
  fc.record({ grain: fc.constant('half' as const), year: yearArb, part: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ grain: fc.constant('quarter' as const), year: yearArb, part: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ grain: fc.constant('month' as const), year: yearArb, part: fc.integer({ min: 1, max: 12 }) }),
);

const pad2 = (n: number) => String(n).padStart(2, '0');

export function normalPeriod(p: PeriodSpec): string {
  if (p.grain === 'year') return String(p.year);
  if (p.grain === 'half') return `${p.year}H${p.part}`;
  if (p.grain === 'quarter') return `${p.year}Q${p.part}`;
  return `${p.year}-${pad2(p.part)}`;
}

export function periodStart(p: PeriodSpec): string {
  const month = { year: 1, half: p.part * 6 - 5, quarter: p.part * 3 - 2, month: p.part }[p.grain];
  return `${p.year}-${pad2(month)}-01`;
}

const HALF_ZH = ['上', '下'];
const QUARTER_ZH = ['一', '二', '三', '四'];

/** Four spellings of each grain (docs/data-format.md section 6), and StatCan's `Q4 2012`; `style` picks one. */
export function spellPeriod(p: PeriodSpec, style: number): string {
  const y = p.year;
  const spellings: Record<Grain, string[]> = {
    year: [`${y}`, `${y}年`, `${y} [YR${y}]`, `FY${y}`],
    half: [`${y}H${p.part}`, `${y}-H${p.part}`, `${y}${HALF_ZH[p.part - 1]}半年`, `${y}年${HALF_ZH[p.part - 1]}半年`],
    quarter: [`${y}Q${p.part}`, `${y}-Q${p.part}`, `${y}年第${QUARTER_ZH[p.part - 1]}季度`, `${y}年${p.part}季度`, `Q${p.part} ${y}`],
    month: [`${y}-${pad2(p.part)}`, `${y}/${p.part}`, `${y}年${p.part}月`, `${y}${pad2(p.part)}`],
  };
  const list = spellings[p.grain];
  return list[style % list.length] as string;
}

/** Not periods: month 13, quarter 5, a year out of range, a word. Each is a rejected cell. */
const BAD_PERIODS = ['2023年13月', '2023Q5', '2300', 'abc', '2023-13', '二〇二三'];

// ---------------------------------------------------------------------------------------------
// Cells: numbers in the formats of docs/data-format.md section 7, missing markers, and (long files only) text
// that is not a number.

export interface NumberSpec {
  /** The value times 10^scale, so that the text and the expected double come from the same digits. */
  units: number;
  scale: number;
  thousands: boolean;
  percent: '' | '%' | ' %';
  fullWidth: boolean;
  trailing: '' | ' ' | '  ';
}

export type CellSpec = { kind: 'number'; number: NumberSpec } | { kind: 'missing'; marker: string } | { kind: 'bad'; text: string };

/** Missing markers of docs/data-format.md section 7 (a subset): `""`, `..`, `-`, `—`, `NA`, `N/A`, `null`, `无`. */
export const MISSING = ['', '..', '-', '—', 'NA', 'N/A', 'null', '无'];
// Not numbers whichever the decimal mark: '1,23' is 1.23 in a file that writes decimal commas.
const BAD_NUMBERS = ['abc', '12abc', '1.2.3', '#DIV/0!', 'NaN', 'inf', '1,2,3', '12..5', 'x'];

/** Short numbers, and now and then one of up to 16 digits as WDI writes them (`15.3963620981387`). */
const digitsArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ units: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 })), scale: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ units: fc.maxSafeInteger(), scale: fc.integer({ min: 0, max: 15 }) }) },
);

const numberArb: fc.Arbitrary<NumberSpec> = fc.record({
  digits: digitsArb,
  thousands: fc.boolean(),
  percent: fc.constantFrom('', '', '%', ' %'),
  fullWidth: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  trailing: fc.constantFrom('', '', ' ', '  '),
}).map(({ digits, ...rest }) => ({ ...digits, ...rest }));

const cellArb = (allowBad: boolean): fc.Arbitrary<CellSpec> =>
  fc.oneof(
    { weight: 8, arbitrary: numberArb.map((number) => ({ kind: 'number' as const, number })) },
    { weight: 2, arbitrary: fc.constantFrom(...MISSING).map((marker) => ({ kind: 'missing' as const, marker })) },
    { weight: allowBad ? 1 : 0, arbitrary: fc.constantFrom(...BAD_NUMBERS).map((text) => ({ kind: 'bad' as const, text })) },
  );

const FULL_WIDTH: Record<string, string> = { '.': '．', ',': '，', '-': '－', '%': '％' };
const toFullWidth = (text: string) =>
  text.replace(/[0-9.,\-%]/g, (c) => (c >= '0' && c <= '9' ? String.fromCharCode(0xff10 + Number(c)) : (FULL_WIDTH[c] as string)));

function plainDigits(n: NumberSpec): { sign: string; whole: string; fraction: string } {
  const digits = String(Math.abs(n.units)).padStart(n.scale + 1, '0');
  return {
    sign: n.units < 0 ? '-' : '',
    whole: digits.slice(0, digits.length - n.scale),
    fraction: digits.slice(digits.length - n.scale),
  };
}

export function numberText(n: NumberSpec): string {
  const { sign, whole, fraction } = plainDigits(n);
  const grouped = n.thousands ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const text = `${sign}${grouped}${fraction ? '.' + fraction : ''}${n.percent}`;
  return (n.fullWidth ? toFullWidth(text) : text) + n.trailing;
}

/** What the text stands for: `45%` is 45 (the unit says percent); separators, full-width forms and spaces are notation. */
export function numberValue(n: NumberSpec): number {
  const { sign, whole, fraction } = plainDigits(n);
  return Number(`${sign}${whole}${fraction ? '.' + fraction : ''}`);
}

function cellText(cell: CellSpec): string {
  if (cell.kind === 'number') return numberText(cell.number);
  if (cell.kind === 'missing') return cell.marker;
  return cell.text;
}

// ---------------------------------------------------------------------------------------------
// Header names the importer recognises (src/ingest/roles.ts; listed in docs/data-format.md section 5).

const HEADERS = {
  entity: ['地区', '地区名称', '城市', 'Country Name', 'Region', 'entity', 'Geography'],
  branch: ['党支部', '支部', 'branch'],
  indicator: ['指标', '指标名称', 'Indicator Name', 'Series Name', 'indicator'],
  period: ['年份', '时间', '期间', 'Year', 'period', 'REF_DATE'],
  value: ['数值', '值', 'Value', 'OBS_VALUE', '数据'],
  unit: ['单位', '计量单位', 'Unit'],
  corner: ['年份', 'Year', '地区', '', '时间'],
  /** Identifier columns beside the names (`Country Code`, `Indicator Code`): read as nothing. Not `指标编码`: that makes a catalog. */
  entityCode: ['Country Code', '行政区划代码', '地区代码', 'code'],
  indicatorCode: ['Indicator Code', 'Series Code'],
};

export interface HeaderChoice {
  entity: string;
  branch: string;
  indicator: string;
  period: string;
  value: string;
  unit: string;
  corner: string;
  entityCode: string;
  indicatorCode: string;
}

const headersArb: fc.Arbitrary<HeaderChoice> = fc.record({
  entity: fc.constantFrom(...HEADERS.entity),
  branch: fc.constantFrom(...HEADERS.branch),
  indicator: fc.constantFrom(...HEADERS.indicator),
  period: fc.constantFrom(...HEADERS.period),
  value: fc.constantFrom(...HEADERS.value),
  unit: fc.constantFrom(...HEADERS.unit),
  corner: fc.constantFrom(...HEADERS.corner),
  entityCode: fc.constantFrom(...HEADERS.entityCode),
  indicatorCode: fc.constantFrom(...HEADERS.indicatorCode),
});

// ---------------------------------------------------------------------------------------------
// Tables. Rows (and the columns of wide files) take the combinations of places, indicators and
// periods in turn, and now and then one repeats an earlier one: a repeated key is a duplicate, the
// first cell wins and the later one is rejected. Rows past the last combination are left out.

export type Defect = null | { kind: 'period'; text: string } | { kind: 'entity' };

export interface RowSpec {
  /** null: the next combination of keys; a number: that of an earlier row (modulo the row's index). */
  repeat: number | null;
  /** Which spelling of the row's period, where the row has one. */
  style: number;
  cells: CellSpec[];
  defect: Defect;
  /** An empty or blank line above the row, inside the table. */
  gap: '' | '   ' | null;
}

/** A column of a wide file: the indicator, period or place it carries, as for rows. */
export interface MeasureSpec {
  repeat: number | null;
  style: number;
}

/**
 * A second column of one indicator under another unit (the NBS panel's `进出口总额_亿元人民币` and
 * `进出口总额_万美元`), right after the measure it doubles: both are indicators of their own, named
 * by their whole header. Only for a measure whose indicator has no footnote mark.
 */
export interface TwinSpec {
  measure: number;
  unit: string;
}

export type TableSpec =
  | { layout: 'long'; order: number[]; unitColumn: boolean; indicatorColumn: boolean; rows: RowSpec[] }
  | { layout: 'wide-indicator'; measures: MeasureSpec[]; twin: TwinSpec | null; rows: RowSpec[] }
  /** `sparseUnitRow`: the unit over the first period only, as StatCan writes it (`,"Persons",,,`). */
  | { layout: 'wide-period'; measures: MeasureSpec[]; indicatorColumn: boolean; unitRow: string | null; sparseUnitRow: boolean; rows: RowSpec[] }
  | { layout: 'wide-entity'; measures: MeasureSpec[]; rows: RowSpec[] };

export type Layout = TableSpec['layout'];
export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
/**
 * `minimal`: only fields that need it; `all`: every field; `mixed`: also some that do not;
 * `filled`: every field with text, as StatCan and DataBank write them (and StatCan's `""` lines).
 */
export type Quoting = 'minimal' | 'all' | 'mixed' | 'filled';
/**
 * Lines above the header. `database`: the NBS export's `数据库：…` and `时间：…`; `world-bank`: the
 * API download's `"Data Source",…` and `"Last Updated Date",…` between blank lines; `statcan`:
 * `Frequency: Quarterly`, `Table: …` and other one-field lines, then `""` lines and a blank one.
 */
export type MetadataKind = 'database' | 'world-bank' | 'statcan';
/**
 * Lines under the table. `note`, `source`: `注：…`, `数据来源：…`; `footnotes`: a blank line,
 * `Footnotes:` and a footnote; `statcan`: blank lines, `Footnotes:`, numbered footnotes in two
 * fields (`1,"Postcensal estimates, …"`), `How to cite: …` and the table's address.
 */
export type NoteKind = 'note' | 'source' | 'footnotes' | 'statcan';
/** Where a file without an indicator column names its indicator: its name, a `指标：` line, a title line. */
export type IndicatorSource = 'column' | 'file' | 'line' | 'title';

export interface FileSpec {
  encoding: FileEncoding;
  delimiter: Delimiter;
  quoting: Quoting;
  quoteSeed: number;
  eol: '\n' | '\r\n';
  finalEol: boolean;
  trailingDelimiter: boolean;
  metadata: MetadataKind[];
  notes: NoteKind[];
  /** Code columns after the entity (and after the indicator, where there is one), never wide by entity. */
  codes: boolean;
  headers: HeaderChoice;
  places: PlaceSpec[];
  indicators: IndicatorSpec[];
  periods: PeriodSpec[];
  indicatorSource: IndicatorSource;
  table: TableSpec;
}

const defectArb = (keys: ('period' | 'entity')[]): fc.Arbitrary<Defect> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    { weight: keys.includes('period') ? 1 : 0, arbitrary: fc.constantFrom(...BAD_PERIODS).map((text) => ({ kind: 'period' as const, text })) },
    { weight: keys.includes('entity') ? 1 : 0, arbitrary: fc.constant({ kind: 'entity' as const }) },
  );

const repeatArb = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() });

const rowArb = (cells: number, allowBad: boolean, defects: ('period' | 'entity')[]): fc.Arbitrary<RowSpec> =>
  fc.record({
    repeat: repeatArb,
    style: fc.nat(),
    cells: fc.array(cellArb(allowBad), { minLength: cells, maxLength: cells }),
    defect: defectArb(defects),
    gap: fc.oneof({ weight: 10, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<'' | '   '>('', '   ') }),
  });

const rowsArb = (cells: number, allowBad: boolean, defects: ('period' | 'entity')[]) =>
  fc.array(rowArb(cells, allowBad, defects), { minLength: 1, maxLength: 10, size: 'medium' });

const measuresArb = fc.array(fc.record({ repeat: repeatArb, style: fc.nat() }), { minLength: 1, maxLength: 4 });

/**
 * Bad cells (text that is not a number) only in long files: there the value column is known by its
 * header, while in wide files the importer decides from the cells which columns hold values.
 */
const longArb: fc.Arbitrary<TableSpec> = fc.record({
  layout: fc.constant('long' as const),
  order: fc.array(fc.nat({ max: 7 }), { minLength: 8, maxLength: 8 }),
  unitColumn: fc.boolean(),
  // Without one, the indicator comes from the file name or a line above (WDI's `Country Name,Country Code,Year,Value`).
  indicatorColumn: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  rows: fc.array(rowArb(1, true, ['period', 'entity']), { minLength: 1, maxLength: 16, size: 'medium' }),
});

const wideIndicatorArb: fc.Arbitrary<TableSpec> = measuresArb.chain((measures) =>
  fc.record({
    layout: fc.constant('wide-indicator' as const),
    measures: fc.constant(measures),
    twin: fc.option(fc.record({ measure: fc.nat(), unit: fc.constantFrom(...UNITS) }), { nil: null, freq: 4 }),
    rows: rowsArb(measures.length, false, ['period']),
  }),
);

const widePeriodArb: fc.Arbitrary<TableSpec> = measuresArb.chain((measures) =>
  fc.record({
    layout: fc.constant('wide-period' as const),
    measures: fc.constant(measures),
    indicatorColumn: fc.boolean(),
    unitRow: fc.option(fc.constantFrom('Persons', '万元', '%'), { nil: null, freq: 3 }),
    sparseUnitRow: fc.boolean(),
    rows: rowsArb(measures.length, false, []),
  }),
);

const wideEntityArb: fc.Arbitrary<TableSpec> = measuresArb.chain((measures) =>
  fc.record({ layout: fc.constant('wide-entity' as const), measures: fc.constant(measures), rows: rowsArb(measures.length, false, []) }),
);

const frameArb = fc.record({
  encoding: fc.constantFrom<FileEncoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'),
  delimiter: fc.constantFrom(...DELIMITERS),
  quoting: fc.constantFrom<Quoting>('minimal', 'all', 'mixed', 'filled'),
  quoteSeed: fc.nat({ max: 1000 }),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  finalEol: fc.boolean(),
  trailingDelimiter: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  metadata: fc.subarray<MetadataKind>(['database', 'world-bank', 'statcan']),
  notes: fc.subarray<NoteKind>(['note', 'source', 'footnotes', 'statcan']),
  codes: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  headers: headersArb,
  periods: fc.uniqueArray(periodArb, { minLength: 1, maxLength: 6, size: 'medium', selector: normalPeriod }),
});

/** Layouts whose indicator is not in a column take a single indicator with a plain name. */
function singleIndicator(table: TableSpec): boolean {
  return table.layout === 'wide-entity' || ((table.layout === 'wide-period' || table.layout === 'long') && !table.indicatorColumn);
}

/** A file spec: the frame, the table, and names fitting the layout (branches only in the layouts of docs/data-format.md section 5 that have them). */
export const fileSpecArb: fc.Arbitrary<FileSpec> = fc.oneof(longArb, wideIndicatorArb, widePeriodArb, wideEntityArb).chain((table) => {
  const single = singleIndicator(table);
  const withBranch = table.layout === 'long' || table.layout === 'wide-indicator';
  return fc.record({
    frame: frameArb,
    places: placesArb(withBranch),
    indicators: indicatorsArb(single, single ? 1 : 3),
    indicatorSource: single ? fc.constantFrom<IndicatorSource>('file', 'line', 'title') : fc.constant<IndicatorSource>('column'),
    table: fc.constant(table),
  }).map(({ frame, ...rest }) => ({ ...frame, ...rest }));
});

// ---------------------------------------------------------------------------------------------
// Rendering a spec into a file, and what the import must make of it

export interface ExpectedRow {
  /** Entity name; a branch as `parent / branch`. */
  entity: string;
  indicator: string;
  period: string;
  grain: Grain;
  start: string;
  value: number;
}

export interface ExpectedReject {
  /** 1-based line of the record; null where a quoted line break or an empty line above makes the importer's count approximate. */
  line: number | null;
  column: string;
  value: string;
  reason: 'period' | 'number' | 'entity' | 'duplicate';
}

export interface GeneratedFile {
  spec: FileSpec;
  text: string;
  bytes: Uint8Array;
  fileName: string;
  /** The encoding detection must report (a GB18030 file that is all ASCII is UTF-8 too). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  rows: ExpectedRow[];
  rejects: ExpectedReject[];
  /** Records above the first data record, blank lines included (DuckDB's `skip` unit). */
  recordsBeforeData: number;
  /** Records DuckDB reads from the table (an empty line is none, a line of spaces one). */
  dataRecords: number;
  /** Of those, the ones up to the last that holds anything but missing markers (0 when none does). */
  usefulRecords: number;
  /** The role each column must get (src/ingest/mapping.ts `ColumnRole`). */
  roles: string[];
  /** Every value cell: data record, field position, content, and its period (null when that is bad). */
  cells: { row: number; col: number; cell: CellSpec; period: string | null }[];
  /** The header could be read as well with another delimiter (see `goodFileArb`). */
  ambiguousDelimiter: boolean;
}

interface Key {
  entity: string;
  indicator: string;
  period: PeriodSpec;
}

/** One value cell in reading order: record, then column. */
interface CellOut {
  row: number;
  /** Position of the cell's field in the record, and the name of its column. */
  col: number;
  column: string;
  cell: CellSpec;
  key: Key;
  defect: Defect;
}

interface RenderedTable {
  header: string[];
  /** The role each column must get (src/ingest/mapping.ts `ColumnRole`). */
  roles: string[];
  unitRow: string[] | null;
  rows: string[][];
  /** Per row, the empty or blank line above it. */
  gaps: ('' | '   ' | null)[];
  cells: CellOut[];
}

/**
 * Gaps only from the third data row on: the header is the first run of at least three equally wide
 * records (sniff.ts `findHeader`), and a gap right under it would make the rows below the table.
 */
const gapsOf = (keyed: readonly { r: RowSpec }[]) => keyed.map(({ r }, i) => (i >= 2 ? r.gap : null));

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/**
 * The key combination each row or column takes: the next in turn, or that of an earlier one it
 * repeats. Past the last combination an item takes none (null) and is left out of the file, so
 * that a table of few keys is short rather than full of duplicates.
 */
function turns(items: readonly { repeat: number | null }[], combinations: number): (number | null)[] {
  const out: (number | null)[] = [];
  let next = 0;
  items.forEach((item, i) => {
    const earlier = item.repeat === null || i === 0 ? null : out[item.repeat % i];
    out.push(earlier ?? (next < combinations ? next++ : null));
  });
  return out;
}

/** Combination `turn` as indices into lists of the given lengths, the first varying fastest. */
function combination(turn: number, lengths: readonly number[]): number[] {
  let rest = turn;
  return lengths.map((n) => {
    const i = rest % n;
    rest = Math.floor(rest / n);
    return i;
  });
}

/** The rows that take a combination, each with its keys as indices into the given lists. */
function keyedRows(rows: readonly RowSpec[], lengths: readonly number[]): { r: RowSpec; keys: number[] }[] {
  const all = turns(rows, lengths.reduce((a, b) => a * b, 1));
  return rows.flatMap((r, i) => {
    const turn = all[i];
    return turn === null || turn === undefined ? [] : [{ r, keys: combination(turn, lengths) }];
  });
}

/** The columns of a wide file that take a key: its index in the list, and where its cells are in a row's spec. */
function keyedMeasures(measures: readonly MeasureSpec[], keys: number): { m: MeasureSpec; key: number; cell: number }[] {
  const all = turns(measures, keys);
  return measures.flatMap((m, cell) => {
    const key = all[cell];
    return key === null || key === undefined ? [] : [{ m, key, cell }];
  });
}

/** One spelling per name in a file, that of its first place: two spellings of one name would be two entities. */
function placeText(spec: FileSpec, place: PlaceSpec): string {
  const first = spec.places.find((p) => p.name === place.name) ?? place;
  return first.name + first.mark + (first.pad ? ' ' : '');
}

function unitSuffix(ind: IndicatorSpec, styles: readonly IndicatorSpec['unitStyle'][]): string {
  if (!styles.includes(ind.unitStyle)) return '';
  return { none: '', paren: `(${ind.unit})`, 'fullwidth-paren': `（${ind.unit}）`, underscore: `_${ind.unit}` }[ind.unitStyle];
}

const ALL_UNIT_STYLES = ['paren', 'fullwidth-paren', 'underscore'] as const;
const indicatorHeader = (ind: IndicatorSpec) => ind.name + ind.mark + unitSuffix(ind, ALL_UNIT_STYLES);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The code of the i-th name: digits under a Chinese header (`110000`, `A0103`), letters under another (`ABW`). */
function codeText(header: string, i: number, kind: 'entity' | 'indicator'): string {
  const letters = [676, 26, 1].map((d) => LETTERS[Math.floor(i / d) % 26]).join('');
  if (!/[\u4e00-\u9fff]/.test(header)) return kind === 'entity' ? letters : `NV.IND.${letters}`;
  return kind === 'entity' ? String(110000 + 10000 * i) : `A${String(101 + i).padStart(4, '0')}`;
}

/** A place's code, that of the first place of its name (as `placeText`); an indicator's, by its place in the list. */
const entityCode = (spec: FileSpec, place: PlaceSpec) => codeText(spec.headers.entityCode, spec.places.findIndex((p) => p.name === place.name), 'entity');
const indicatorCode = (spec: FileSpec, ind: IndicatorSpec) => codeText(spec.headers.indicatorCode, spec.indicators.indexOf(ind), 'indicator');

/** Columns of the table: the roles of the data, and code columns that the import must ignore. */
type KeyKind = 'entity' | 'entityCode' | 'branch' | 'indicator' | 'indicatorCode' | 'period';
const roleOf = (kind: KeyKind | 'value' | 'unit'): string => (kind === 'entityCode' || kind === 'indicatorCode' ? 'ignore' : kind);

/** The key columns in order, each followed by its code where the file has codes. */
function keyKindsOf(spec: FileSpec, kinds: readonly KeyKind[]): KeyKind[] {
  return kinds.flatMap((k): KeyKind[] => (spec.codes && k === 'entity' ? ['entity', 'entityCode'] : spec.codes && k === 'indicator' ? ['indicator', 'indicatorCode'] : [k]));
}

const LONG_KINDS = ['entity', 'entityCode', 'branch', 'indicator', 'indicatorCode', 'period', 'value', 'unit'] as const;
type LongKind = (typeof LONG_KINDS)[number];

function longTable(spec: FileSpec, table: Extract<TableSpec, { layout: 'long' }>): RenderedTable {
  const hasBranch = spec.places.some((p) => p.branch !== null);
  const present = (k: LongKind) =>
    (k !== 'branch' || hasBranch) &&
    (k !== 'unit' || table.unitColumn) &&
    ((k !== 'indicator' && k !== 'indicatorCode') || table.indicatorColumn) &&
    ((k !== 'entityCode' && k !== 'indicatorCode') || spec.codes);
  const kinds = LONG_KINDS.filter(present)
    .map((kind, i) => ({ kind, rank: (table.order[i] ?? 0) * 10 + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((k) => k.kind);
  const cells: CellOut[] = [];
  const keyed = keyedRows(table.rows, [spec.periods.length, spec.places.length, spec.indicators.length]);
  const rows = keyed.map(({ r, keys }, row) => {
    const [period, place, ind] = [spec.periods[keys[0] as number], spec.places[keys[1] as number], spec.indicators[keys[2] as number]] as [PeriodSpec, PlaceSpec, IndicatorSpec];
    const cell = r.cells[0] as CellSpec;
    // A bad period only with a number: a row of words under an empty first cell reads as a unit row
    // (`,"Persons",,`), and a bad period next to a missing value is no reject anyway.
    const defect = r.defect?.kind === 'period' && cell.kind !== 'number' ? null : r.defect;
    const noEntity = defect?.kind === 'entity';
    const text: Record<LongKind, string> = {
      entity: noEntity ? '' : placeText(spec, place),
      entityCode: entityCode(spec, place),
      branch: noEntity ? '' : (place.branch ?? ''),
      indicator: ind.name + ind.mark,
      indicatorCode: indicatorCode(spec, ind),
      period: defect?.kind === 'period' ? defect.text : spellPeriod(period, r.style),
      value: cellText(cell),
      unit: ind.unit,
    };
    cells.push({ row, col: kinds.indexOf('value'), column: spec.headers.value, cell, key: { entity: placeKey(place), indicator: ind.name, period }, defect });
    return kinds.map((k) => text[k]);
  });
  return { header: kinds.map((k) => spec.headers[k]), roles: kinds.map(roleOf), unitRow: null, rows, gaps: gapsOf(keyed), cells };
}

interface IndicatorMeasure {
  m: MeasureSpec;
  /** Where the column's cells are in a row's spec. */
  cell: number;
  ind: IndicatorSpec;
  header: string;
  /** The second column of a twin: its cells are those of the first, negated. */
  twin: boolean;
}

/** The indicator columns of a wide-by-indicator file, a twin (see `TwinSpec`) right after the column it doubles. */
function indicatorMeasures(spec: FileSpec, table: Extract<TableSpec, { layout: 'wide-indicator' }>): IndicatorMeasure[] {
  const measures = keyedMeasures(table.measures, spec.indicators.length).map((k) => {
    const ind = spec.indicators[k.key] as IndicatorSpec;
    return { m: k.m, cell: k.cell, ind, header: indicatorHeader(ind), twin: false };
  });
  const at = table.twin === null || measures.length === 0 ? -1 : table.twin.measure % measures.length;
  const doubled = measures[at];
  if (!doubled || doubled.ind.mark !== '' || table.twin === null) return measures;
  const unit = table.twin.unit !== doubled.ind.unit ? table.twin.unit : (UNITS.find((u) => u !== doubled.ind.unit) as string);
  const ind: IndicatorSpec = { ...doubled.ind, unit, unitStyle: doubled.ind.unitStyle === 'none' ? 'paren' : doubled.ind.unitStyle };
  return [...measures.slice(0, at + 1), { ...doubled, ind, header: indicatorHeader(ind), twin: true }, ...measures.slice(at + 1)];
}

/**
 * The indicator a column's values go to: its name, or its whole header where another header gives
 * the same name another unit (docs/data-format.md section 5: two units of one name are two indicators, never merged).
 */
function indicatorNames(measures: readonly IndicatorMeasure[]): string[] {
  const unitOf = (m: IndicatorMeasure) => (m.ind.unitStyle === 'none' ? '' : m.ind.unit);
  return measures.map((m) => {
    const units = new Set(measures.filter((o) => o.ind.name === m.ind.name && o.ind.mark === m.ind.mark).map(unitOf));
    return units.size > 1 ? m.header.trim() : m.ind.name;
  });
}

const negated = (cell: CellSpec): CellSpec => (cell.kind === 'number' ? { ...cell, number: { ...cell.number, units: -cell.number.units } } : cell);

function wideIndicatorTable(spec: FileSpec, table: Extract<TableSpec, { layout: 'wide-indicator' }>): RenderedTable {
  const hasBranch = spec.places.some((p) => p.branch !== null);
  const measures = indicatorMeasures(spec, table);
  const names = indicatorNames(measures);
  const keyKinds = keyKindsOf(spec, hasBranch ? ['entity', 'branch', 'period'] : ['entity', 'period']);
  const header = [...keyKinds.map((k) => spec.headers[k]), ...measures.map((m) => m.header)];
  const cells: CellOut[] = [];
  const keyed = keyedRows(table.rows, [spec.periods.length, spec.places.length]);
  const rows = keyed.map(({ r, keys }, row) => {
    const [period, place] = [spec.periods[keys[0] as number], spec.places[keys[1] as number]] as [PeriodSpec, PlaceSpec];
    const cellOf = (m: IndicatorMeasure) => (m.twin ? negated(r.cells[m.cell] as CellSpec) : (r.cells[m.cell] as CellSpec));
    measures.forEach((m, j) =>
      cells.push({ row, col: keyKinds.length + j, column: m.header, cell: cellOf(m), key: { entity: placeKey(place), indicator: names[j] as string, period }, defect: r.defect }),
    );
    const text: Record<KeyKind, string> = {
      entity: placeText(spec, place),
      entityCode: entityCode(spec, place),
      branch: place.branch ?? '',
      indicator: '',
      indicatorCode: '',
      period: r.defect?.kind === 'period' ? r.defect.text : spellPeriod(period, r.style),
    };
    return [...keyKinds.map((k) => text[k]), ...measures.map((m) => cellText(cellOf(m)))];
  });
  return { header, roles: [...keyKinds.map(roleOf), ...measures.map(() => 'measure')], unitRow: null, rows, gaps: gapsOf(keyed), cells };
}

function widePeriodTable(spec: FileSpec, table: Extract<TableSpec, { layout: 'wide-period' }>): RenderedTable {
  const keyKinds = keyKindsOf(spec, table.indicatorColumn ? ['entity', 'indicator'] : ['entity']);
  const measures = keyedMeasures(table.measures, spec.periods.length).map((k) => {
    const period = spec.periods[k.key] as PeriodSpec;
    return { ...k, period, text: spellPeriod(period, k.m.style) };
  });
  const cells: CellOut[] = [];
  const keyed = keyedRows(table.rows, [spec.places.length, table.indicatorColumn ? spec.indicators.length : 1]);
  const rows = keyed.map(({ r, keys }, row) => {
    const [place, ind] = [spec.places[keys[0] as number], spec.indicators[keys[1] as number]] as [PlaceSpec, IndicatorSpec];
    measures.forEach((m, j) =>
      cells.push({ row, col: keyKinds.length + j, column: m.text, cell: r.cells[m.cell] as CellSpec, key: { entity: placeKey(place), indicator: ind.name, period: m.period }, defect: null }),
    );
    const text: Record<KeyKind, string> = {
      entity: placeText(spec, place),
      entityCode: entityCode(spec, place),
      branch: '',
      indicator: ind.name + ind.mark,
      indicatorCode: indicatorCode(spec, ind),
      period: '',
    };
    return [...keyKinds.map((k) => text[k]), ...measures.map((m) => cellText(r.cells[m.cell] as CellSpec))];
  });
  const unit = table.unitRow;
  const unitRow = unit === null ? null : [...keyKinds.map(() => ''), ...measures.map((_, j) => (table.sparseUnitRow && j > 0 ? '' : unit))];
  const header = [...keyKinds.map((k) => spec.headers[k]), ...measures.map((m) => m.text)];
  return { header, roles: [...keyKinds.map(roleOf), ...measures.map(() => 'measure')], unitRow, rows, gaps: gapsOf(keyed), cells };
}

function wideEntityTable(spec: FileSpec, table: Extract<TableSpec, { layout: 'wide-entity' }>): RenderedTable {
  const measures = keyedMeasures(table.measures, spec.places.length).map((k) => ({ ...k, place: spec.places[k.key] as PlaceSpec }));
  const ind = spec.indicators[0] as IndicatorSpec;
  const cells: CellOut[] = [];
  const keyed = keyedRows(table.rows, [spec.periods.length]);
  const rows = keyed.map(({ r, keys }, row) => {
    const period = spec.periods[keys[0] as number] as PeriodSpec;
    measures.forEach((m, j) => {
      const key = { entity: placeKey(m.place), indicator: ind.name, period };
      cells.push({ row, col: 1 + j, column: placeText(spec, m.place).trim(), cell: r.cells[m.cell] as CellSpec, key, defect: null });
    });
    return [spellPeriod(period, r.style), ...measures.map((m) => cellText(r.cells[m.cell] as CellSpec))];
  });
  const header = [spec.headers.corner, ...measures.map((m) => placeText(spec, m.place))];
  return { header, roles: ['period', ...measures.map(() => 'measure')], unitRow: null, rows, gaps: gapsOf(keyed), cells };
}

function renderTable(spec: FileSpec): RenderedTable {
  const t = spec.table;
  if (t.layout === 'long') return longTable(spec, t);
  if (t.layout === 'wide-indicator') return wideIndicatorTable(spec, t);
  if (t.layout === 'wide-period') return widePeriodTable(spec, t);
  return wideEntityTable(spec, t);
}

/** A record as CSV text. Quoting decides per field (see `Quoting`). */
function csvRecord(spec: FileSpec, fields: readonly string[], position: { n: number }): string {
  return fields
    .map((text) => {
      position.n++;
      const needs = text.includes(spec.delimiter) || text.includes('"') || /[\r\n]/.test(text);
      const extra =
        spec.quoting === 'all' ||
        (spec.quoting === 'mixed' && (spec.quoteSeed + position.n * 7) % 3 === 0) ||
        (spec.quoting === 'filled' && (text !== '' || fields.length === 1));
      return needs || extra ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(spec.delimiter);
}

/** StatCan's no-break spaces; a plain one in GB18030, whose two-byte area (`encodeGb18030`) has none. */
const nbspOf = (spec: FileSpec) => (spec.encoding === 'gb18030' ? ' ' : '\u00a0');

const indicatorStated = (ind: IndicatorSpec) => ind.name + ind.mark + unitSuffix(ind, ALL_UNIT_STYLES);

/** Lines above the header (see `MetadataKind`), after the title where the indicator is named there. */
function metadataRecords(spec: FileSpec): string[][] {
  const ind = spec.indicators[0] as IndicatorSpec;
  const lines: string[][] = [];
  if (spec.indicatorSource === 'title') lines.push([indicatorStated(ind)]);
  const nbsp = nbspOf(spec);
  if (spec.metadata.includes('statcan'))
    lines.push([`Frequency:${nbsp}Quarterly`], [`Table: 17-10-0009-01 (formerly CANSIM${nbsp} 051-0005)`], ['Release date: 2025-12-17'], ['Geography: Canada, Province or territory'], [''], [''], []);
  if (spec.metadata.includes('database')) lines.push(['数据库：分省年度数据']);
  if (spec.indicatorSource === 'line') lines.push([`指标：${indicatorStated(ind)}`]);
  if (spec.metadata.includes('database')) lines.push(['时间：最近20年']);
  if (spec.metadata.includes('world-bank')) lines.push(['Data Source', 'World Development Indicators'], [], ['Last Updated Date', '2024-06-28'], []);
  return lines;
}

const STATCAN_FOOTNOTES = [
  'Postcensal estimates are based on the 2021 Census counts adjusted for census net undercoverage (CNU), and the components of demographic growth since then.',
  'Population estimates: Q1 = January 1; Q2 = April 1; Q3 = July 1; Q4 = October 1.',
];

/**
 * Lines under the table (see `NoteKind`). StatCan's numbered footnotes are records of two fields:
 * under a table of fewer than five records they would be the file's commonest width, so there the
 * number and the text share one field.
 */
function noteRecords(spec: FileSpec, tableRecords: number): string[][] {
  const lines: string[][] = [];
  if (spec.notes.includes('note')) lines.push(['注：2023 年为初步核算数。']);
  if (spec.notes.includes('source')) lines.push(['数据来源：国家统计局']);
  if (spec.notes.includes('footnotes')) lines.push([], ['Footnotes:'], ['1 Preliminary figures.']);
  if (spec.notes.includes('statcan'))
    lines.push(
      [],
      [],
      [],
      ['Footnotes:'],
      ...STATCAN_FOOTNOTES.map((text, i) => (tableRecords >= 5 ? [String(i + 1), text] : [`${i + 1} ${text}`])),
      [],
      [`How to cite: Statistics Canada. Table 17-10-0009-01${nbspOf(spec)} Population estimates, quarterly`],
      ['https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1710000901'],
    );
  return lines;
}

/** The file name; where it names the indicator, only a bracket is read as a unit (`GDP(亿元).csv`). */
function fileNameOf(spec: FileSpec): string {
  if (spec.indicatorSource !== 'file') return spec.indicatorSource === 'column' ? 'data.csv' : 'export.csv';
  const ind = spec.indicators[0] as IndicatorSpec;
  const copy = spec.quoteSeed % 2 === 1 ? ' (2)' : '';
  return `${ind.name}${ind.mark}${unitSuffix(ind, ['paren', 'fullwidth-paren'])}${copy}.csv`;
}

interface Layout2D {
  text: string;
  recordsBeforeData: number;
  /** 0-based physical line where each data record starts. */
  dataLines: number[];
  /** Per data record, its index among the records DuckDB reads after the skip (blank-but-not-empty lines are records). */
  readIndex: number[];
  /**
   * Per data record: whether the importer's line number for it is approximate, as a quoted line
   * break or an empty line inside the table is above it.
   */
  approximate: boolean[];
}

function layoutText(spec: FileSpec, table: RenderedTable): Layout2D {
  const trailing = (fields: string[]) => (spec.trailingDelimiter ? [...fields, ''] : fields);
  const position = { n: 0 };
  const record = (fields: string[], data = false) => ({ text: csvRecord(spec, fields, position), data, empty: false });
  const records = [
    ...metadataRecords(spec).map((f) => record(f)),
    record(trailing(table.header)),
    ...(table.unitRow ? [record(trailing(table.unitRow))] : []),
    ...table.rows.flatMap((f, i) => {
      const gap = table.gaps[i] ?? null;
      return [...(gap === null ? [] : [{ text: gap, data: false, empty: gap === '' }]), record(trailing(f), true)];
    }),
    ...noteRecords(spec, 1 + (table.unitRow ? 1 : 0) + table.rows.length).map((f) => record(f)),
  ];
  const dataLines: number[] = [];
  const readIndex: number[] = [];
  const approximate: boolean[] = [];
  const first = records.findIndex((r) => r.data);
  let line = 0;
  let emptyAbove = false;
  records.forEach((r, index) => {
    if (r.data) {
      dataLines.push(line);
      readIndex.push(records.slice(first, index).filter((q) => !q.empty).length);
      // The importer numbers lines by records, and DuckDB reads no record from an empty line.
      approximate.push(line !== index || emptyAbove);
    }
    emptyAbove ||= r.empty;
    line += r.text.split('\n').length;
  });
  return {
    text: records.map((r) => r.text).join(spec.eol) + (spec.finalEol ? spec.eol : ''),
    recordsBeforeData: first,
    dataLines,
    readIndex,
    approximate,
  };
}

const keyString = (k: Key) => `${k.entity}\u0001${k.indicator}\u0001${normalPeriod(k.period)}`;

/**
 * What docs/data-format.md asks of the import, cell by cell in reading order: a missing marker is no row and no
 * error; a bad key or a bad number is rejected with its reason; the first value of a key is kept and
 * later ones are rejected as duplicates.
 */
function expectations(table: RenderedTable, where: Layout2D): { rows: ExpectedRow[]; rejects: ExpectedReject[] } {
  const rows: ExpectedRow[] = [];
  const rejects: ExpectedReject[] = [];
  const seen = new Set<string>();
  const lineOf = (row: number) => (where.approximate[row] ? null : (where.dataLines[row] as number) + 1);
  for (const c of table.cells) {
    const raw = cellText(c.cell);
    const reject = (reason: ExpectedReject['reason'], value: string) => rejects.push({ line: lineOf(c.row), column: c.column, value, reason });
    if (c.cell.kind === 'missing') continue;
    if (c.defect?.kind === 'period') reject('period', c.defect.text);
    else if (c.defect?.kind === 'entity') reject('entity', '');
    else if (c.cell.kind === 'bad') reject('number', raw);
    else if (seen.has(keyString(c.key))) reject('duplicate', raw);
    else {
      seen.add(keyString(c.key));
      const p = c.key.period;
      rows.push({ entity: c.key.entity, indicator: c.key.indicator, period: normalPeriod(p), grain: p.grain, start: periodStart(p), value: numberValue(c.cell.number) });
    }
  }
  return { rows, rejects };
}

function detectedEncoding(spec: FileSpec, text: string): GeneratedFile['encoding'] {
  if (spec.encoding === 'utf-8-bom') return 'utf-8';
  if (spec.encoding === 'gb18030' && !/[^\x00-\x7f]/.test(text)) return 'utf-8';
  return spec.encoding;
}

function describeFile(file: GeneratedFile): string {
  const { spec } = file;
  return `${spec.table.layout} file ${JSON.stringify(file.fileName)} in ${spec.encoding}, delimiter ${JSON.stringify(spec.delimiter)}, quoting ${spec.quoting}:\n${JSON.stringify(file.text)}`;
}

/**
 * Whether another delimiter might read the file as well. The sniffer takes the delimiter under which
 * the most records are equally wide; under the right one that is at least the table's records. Each
 * record another delimiter splits holds it on a line of its own, so if fewer lines than that hold it,
 * it cannot win.
 */
function ambiguousDelimiter(spec: FileSpec, table: RenderedTable, text: string): boolean {
  const tableRecords = 1 + (table.unitRow ? 1 : 0) + table.rows.length;
  const lines = text.split(/\r\n|\n/);
  return DELIMITERS.some((d) => d !== spec.delimiter && lines.filter((l) => l.includes(d)).length >= tableRecords);
}

export function renderFile(spec: FileSpec): GeneratedFile {
  const table = renderTable(spec);
  const where = layoutText(spec, table);
  const { rows, rejects } = expectations(table, where);
  const read = (row: number) => (where.readIndex[row] as number) + 1;
  const useful = table.cells.filter((c) => c.cell.kind !== 'missing').map((c) => read(c.row));
  const file: GeneratedFile = {
    spec,
    text: where.text,
    bytes: encodeText(where.text, spec.encoding),
    fileName: fileNameOf(spec),
    encoding: detectedEncoding(spec, where.text),
    rows,
    rejects,
    recordsBeforeData: where.recordsBeforeData,
    dataRecords: table.rows.length === 0 ? 0 : read(table.rows.length - 1),
    usefulRecords: Math.max(0, ...useful),
    roles: spec.trailingDelimiter ? [...table.roles, 'ignore'] : table.roles,
    cells: table.cells.map((c) => ({ row: c.row, col: c.col, cell: c.cell, period: c.defect?.kind === 'period' ? null : normalPeriod(c.key.period) })),
    ambiguousDelimiter: ambiguousDelimiter(spec, table, where.text),
  };
  // fast-check prints a counterexample with this: the file as text, not a spec tree and a byte dump.
  return Object.assign(file, { [fc.toStringMethod]: () => describeFile(file) });
}

/**
 * Files the import must read, each with the values it must produce. Left out: files that another
 * delimiter might split as regularly (`ambiguousDelimiter`), as the sniffer (sniff.ts
 * `detectDelimiter`) cannot tell them apart without reading the cells. Two it reads with `,`:
 *   the tab file `年份\t甲市, 新区\n2000上半年\t703,458.714` (two records of two fields either way);
 *   a `;` file whose rows hold a comma and a quoted line break, `-749;二支部, 东;"城镇\n人口";2000`:
 *   under `,` the quote does not open a field, so each row is two records and `,` has more of them.
 */
export const goodFileArb: fc.Arbitrary<GeneratedFile> = fileSpecArb.map(renderFile).filter((file) => !file.ambiguousDelimiter);

// ---------------------------------------------------------------------------------------------
// Files the import must refuse, with a reason

export type BadKind = 'empty' | 'header-only' | 'no-numbers' | 'all-missing' | 'bad-periods' | 'binary' | 'high-bytes' | 'one-column';

export interface BadFile {
  kind: BadKind;
  bytes: Uint8Array;
  fileName: string;
}

const withBadName = (kind: BadKind, bytes: Uint8Array, fileName = 'bad.csv', text?: string): BadFile =>
  Object.assign({ kind, bytes, fileName }, { [fc.toStringMethod]: () => `${kind} file ${JSON.stringify(fileName)}: ${text !== undefined ? JSON.stringify(text) : `[${bytes.join(',')}]`}` });

const encodingArb = fc.constantFrom<FileEncoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030');

function fromSpec(kind: BadKind, spec: FileSpec): BadFile {
  const file = renderFile(spec);
  if (file.rows.length > 0) throw new Error(`a ${kind} file has values`);
  return withBadName(kind, file.bytes, file.fileName, file.text);
}

const mapRows = (spec: FileSpec, f: (r: RowSpec) => RowSpec): FileSpec => ({ ...spec, table: { ...spec.table, rows: spec.table.rows.map(f) } });
const mapCells = (spec: FileSpec, f: (c: CellSpec, i: number) => CellSpec) => mapRows(spec, (r) => ({ ...r, cells: r.cells.map(f) }));

/** A table with words where the numbers were: no column holds values. */
const noNumbersArb = fileSpecArb.map((spec) =>
  fromSpec('no-numbers', mapCells(spec, (c, i) => (c.kind === 'missing' ? c : { kind: 'bad', text: pick(BAD_NUMBERS, i) }))),
);
const allMissingArb = fc
  .tuple(fileSpecArb, fc.nat())
  .map(([spec, n]) => fromSpec('all-missing', mapCells(spec, (_, i) => ({ kind: 'missing', marker: pick(MISSING, n + i) }))));
const badPeriodsArb = fileSpecArb
  .filter((spec) => spec.table.layout === 'long' || spec.table.layout === 'wide-indicator')
  .map((spec) => fromSpec('bad-periods', mapRows(spec, (r) => ({ ...r, defect: { kind: 'period', text: pick(BAD_PERIODS, r.style) } }))));
const headerOnlyArb = fileSpecArb.map((spec) => fromSpec('header-only', { ...spec, table: { ...spec.table, rows: [] } }));

const emptyArb = fc
  .tuple(fc.constantFrom('', ' ', '\n', '\r\n\r\n', ' \t \n'), encodingArb)
  .map(([text, encoding]) => withBadName('empty', encodeText(text, encoding), 'empty.csv', text));

/** A spreadsheet or an image picked by mistake: a real file signature, then anything. */
const MAGIC = [
  [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], // xlsx (zip)
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00], // xls (OLE2)
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], // png
];
const binaryArb = fc
  .tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 300 }))
  .map(([magic, tail]) => withBadName('binary', new Uint8Array([...magic, ...tail]), 'table.xlsx'));

/** Bytes that are neither ASCII nor control characters: decoded, they are text without a delimiter. */
const highBytesArb = fc.uint8Array({ min: 0x80, max: 0xff, minLength: 1, maxLength: 300 }).map((bytes) => withBadName('high-bytes', bytes));

/** One column: no delimiter, so no table. */
const oneColumnArb = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PLAIN_PLACES), fc.integer().map(String)), { minLength: 1, maxLength: 10 }), encodingArb)
  .map(([lines, encoding]) => {
    const text = ['数值', ...lines].join('\n');
    return withBadName('one-column', encodeText(text, encoding), 'column.csv', text);
  });

export const badFileArb: fc.Arbitrary<BadFile> = fc.oneof(
  emptyArb,
  headerOnlyArb,
  noNumbersArb,
  allMissingArb,
  badPeriodsArb,
  binaryArb,
  highBytesArb,
  oneColumnArb,
);

// ---------------------------------------------------------------------------------------------
// Files shaped like the real ones of ../shared/realdata (shared/realdata/README.md), made here so
// that their layouts and mess are tested where those third-party files are absent. Each is a fixed
// spec rendered as above, at the real file's scale, with made-up values from a seeded generator
// (the bundled sample's, so that every run makes the same files).

const place = (name: string, mark = ''): PlaceSpec => ({ name, mark, pad: false, branch: null });
const indicatorOf = (name: string, unit: string, unitStyle: IndicatorSpec['unitStyle'] = 'none', mark = ''): IndicatorSpec => ({ name, mark, unit, unitStyle });
const numberCell = (units: number, scale: number, thousands = false): CellSpec => ({
  kind: 'number',
  number: { units, scale, thousands, percent: '', fullWidth: false, trailing: '' },
});
const EMPTY: CellSpec = { kind: 'missing', marker: '' };
const rowOf = (cells: CellSpec[], style = 0): RowSpec => ({ repeat: null, style, cells, defect: null, gap: null });
const measuresOf = (n: number, style: number): MeasureSpec[] => Array.from({ length: n }, () => ({ repeat: null, style }));
const yearsFrom = (from: number, to: number): PeriodSpec[] =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => ({ grain: 'year' as const, year: from < to ? from + i : from - i, part: 0 }));
/** A WDI value: 15 significant digits, 13 of them decimals (`15.3963620981387`). */
const wdiValue = (random: () => number) => numberCell(100_000_000_000_000 + Math.floor(random() * 800_000_000_000_000), 13);

const FRAME: Omit<FileSpec, 'places' | 'indicators' | 'periods' | 'indicatorSource' | 'table'> = {
  encoding: 'utf-8',
  delimiter: ',',
  quoting: 'minimal',
  quoteSeed: 0,
  eol: '\n',
  finalEol: true,
  trailingDelimiter: false,
  metadata: [],
  notes: [],
  codes: false,
  headers: {
    entity: 'Country Name',
    branch: '支部',
    indicator: 'Indicator Name',
    period: 'Year',
    value: 'Value',
    unit: 'Unit',
    corner: '',
    entityCode: 'Country Code',
    indicatorCode: 'Indicator Code',
  },
};

/** WDI's countries and aggregates: commas, ampersands, brackets and apostrophes in names, then made-up names. */
const WDI_NAMED = [
  'Bahamas, The',
  'Congo, Dem. Rep.',
  "Cote d'Ivoire",
  "Korea, Dem. People's Rep.",
  'Hong Kong SAR, China',
  'St. Martin (French part)',
  'East Asia & Pacific (excluding high income)',
  'Middle East, North Africa, Afghanistan & Pakistan',
  'IDA & IBRD total',
  'Low & middle income',
  'Heavily indebted poor countries (HIPC)',
];
const WDI_FIRST = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'New', 'Port', 'Saint', 'Grand', 'Little', 'Great', 'Old', 'Central', 'Outer'];
const WDI_SECOND = ['Avalon', 'Borea', 'Cantor', 'Delmar', 'Esker', 'Fenwick', 'Galloway', 'Hollis', 'Istria', 'Juniper', 'Kestrel', 'Lorne', 'Marlow', 'Norland', 'Orrin', 'Pellow', 'Quarry'];
const WDI_PLACES = [...WDI_NAMED, ...WDI_FIRST.flatMap((a) => WDI_SECOND.map((b) => `${a} ${b}`))].map((name) => place(name));

const PROVINCES = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区'];
/** The panel's short names: `北京`, `内蒙古`, `新疆`. */
const SHORT_PROVINCES = PROVINCES.map((p) => p.replace(/(?:维吾尔|回族|壮族)?(?:自治区|省|市)$/, ''));

/** `nv.ind.totl.zs_data.csv`: long, `Country Name,Country Code,Year,Value`, CRLF, the indicator only in the file name, over 256 KB. */
function wdiLongSpec(): FileSpec {
  const random = seeded(1);
  const places = WDI_PLACES.slice(0, 255);
  const periods = yearsFrom(1980, 2024);
  return {
    ...FRAME,
    eol: '\r\n',
    codes: true,
    places,
    indicators: [indicatorOf('nv.ind.totl.zs_data', '')],
    periods,
    indicatorSource: 'file',
    table: { layout: 'long', order: [], unitColumn: false, indicatorColumn: false, rows: Array.from({ length: places.length * periods.length }, () => rowOf([wdiValue(random)])) },
  };
}

/**
 * `API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv`: wide by period 1960-2025, every field quoted, code
 * columns, an indicator column whose name holds a comma and brackets, a trailing empty column, the
 * last year empty, each row's series starting late, and rows with no value at all. `preamble`: the
 * four lines above the header that the World Bank's API download has.
 */
function wdiWideSpec(preamble: boolean): FileSpec {
  const random = seeded(preamble ? 3 : 2);
  const places = preamble ? WDI_PLACES.slice(0, 30) : WDI_PLACES;
  const periods = yearsFrom(1960, 2025);
  const rows = places.map((_, p) => {
    // The first place has every year but the last; every 24th none at all.
    const start = p === 0 ? 0 : p % 24 === 23 ? periods.length : Math.floor(random() * 45);
    return rowOf(periods.map((_, y) => (y >= start && y < periods.length - 1 ? wdiValue(random) : EMPTY)));
  });
  return {
    ...FRAME,
    quoting: 'all',
    trailingDelimiter: true,
    metadata: preamble ? ['world-bank'] : [],
    codes: true,
    places,
    indicators: [indicatorOf('Industry (including construction), value added (% of GDP)', '')],
    periods,
    indicatorSource: 'column',
    table: { layout: 'wide-period', measures: measuresOf(periods.length, 0), indicatorColumn: true, unitRow: null, sparseUnitRow: false, rows },
  };
}

/**
 * `分省年度数据 (5).csv`: the NBS export. GB18030, CRLF, `数据库：`, `指标：` and `时间：` lines above
 * the header (the indicator and its unit only there), `2025年` … `2006年` newest first, values in 7
 * of the 20 years, negative ones among them, one more empty cell, `数据来源：` under the table.
 */
function nbsExportSpec(): FileSpec {
  const random = seeded(4);
  const periods = yearsFrom(2025, 2006);
  const rows = PROVINCES.map((_, p) =>
    rowOf(periods.map((period, y) => (period.year > 2024 || period.year < 2018 || (p === 25 && y === 5) ? EMPTY : numberCell(Math.round(random() * 500) - 250, 1)))),
  );
  return {
    ...FRAME,
    encoding: 'gb18030',
    eol: '\r\n',
    metadata: ['database'],
    notes: ['source'],
    headers: { ...FRAME.headers, entity: '地区' },
    places: PROVINCES.map((name) => place(name)),
    indicators: [indicatorOf('固定资产投资(不含农户)实际到位资金_比上年增长', '%', 'paren')],
    periods,
    indicatorSource: 'line',
    table: { layout: 'wide-period', measures: measuresOf(periods.length, 1), indicatorColumn: false, unitRow: null, sparseUnitRow: false, rows },
  };
}

/** The panel's indicators, by header `name_unit`; the 进出口总额 column is doubled under 万美元 (see `TwinSpec`). */
const PANEL_INDICATORS: [string, string, number][] = [
  ['GDP', '亿元', 2],
  ['GDP_当年价', '亿元', 2],
  ['GDP指数', '上年=100', 2],
  ['第二产业比重', '%', 1],
  ['总人口数', '人', 0],
  ['65岁以上人口', '人', 0],
  ['城镇人口比重', '%', 2],
  ['私营个体就业人员', '万人', 2],
  ['私营个体就业人员_NBS', '万人', 1],
  ['固定资产投资到位资金增速', '%', 1],
  ['进出口总额', '亿元人民币', 3],
  ['发明专利申请数', '件', 1],
];

/**
 * `分省年度数据_整合.csv`: a province-year panel, UTF-8 with a BOM, wide by indicator with units
 * after an underscore (`第二产业比重_%`, `GDP指数_上年=100`), one name under two units, short
 * province names, 620 rows, many empty cells, rows ending in an empty cell.
 */
function nbsPanelSpec(): FileSpec {
  const random = seeded(5);
  const periods = yearsFrom(2005, 2024);
  const last = PANEL_INDICATORS.length - 1;
  const rows = SHORT_PROVINCES.flatMap(() =>
    periods.map((period) =>
      rowOf(
        PANEL_INDICATORS.map(([name, , scale], i) => {
          const none = (i === 0 && period.year === 2005) || (i === last && period.year > 2021) || random() < 0.25;
          const sign = name.endsWith('增速') && random() < 0.3 ? -1 : 1;
          return none ? EMPTY : numberCell(sign * Math.floor(1 + random() * 10 ** (scale + 5)), scale);
        }),
      ),
    ),
  );
  return {
    ...FRAME,
    encoding: 'utf-8-bom',
    headers: { ...FRAME.headers, entity: '地区', period: '年份' },
    places: SHORT_PROVINCES.map((name) => place(name)),
    indicators: PANEL_INDICATORS.map(([name, unit]) => indicatorOf(name, unit, 'underscore')),
    periods,
    indicatorSource: 'column',
    table: { layout: 'wide-indicator', measures: measuresOf(PANEL_INDICATORS.length, 0), twin: { measure: 10, unit: '万美元' }, rows },
  };
}

const CANADA = ['Canada', 'Newfoundland and Labrador', 'Prince Edward Island', 'Nova Scotia', 'New Brunswick', 'Quebec', 'Ontario', 'Manitoba', 'Saskatchewan', 'Alberta', 'British Columbia', 'Yukon'];

/**
 * `canada_province_population.csv`: StatCan's "download as displayed". A BOM, the title with its
 * footnote numbers (`… quarterly 1 2 3 4`), metadata and `""` lines, quarters as `Q4 2012`, a unit
 * row `,"Persons",,,`, numbers quoted with thousands separators, `Nunavut 5`, a footnote block.
 */
function statcanSpec(): FileSpec {
  const random = seeded(6);
  const periods = Array.from({ length: 53 }, (_, i) => ({ grain: 'quarter' as const, year: 2012 + Math.floor((i + 3) / 4), part: ((i + 3) % 4) + 1 }));
  const places = [...CANADA.map((name) => place(name)), place('Northwest Territories', ' 5'), place('Nunavut', ' 5')];
  const rows = places.map(() => {
    let people = 30_000 + Math.floor(random() * 14_000_000);
    return rowOf(periods.map(() => numberCell((people += Math.floor(random() * people * 0.004)), 0, true)));
  });
  return {
    ...FRAME,
    encoding: 'utf-8-bom',
    quoting: 'filled',
    metadata: ['statcan'],
    notes: ['statcan'],
    headers: { ...FRAME.headers, entity: 'Geography' },
    places,
    indicators: [indicatorOf('Population estimates, quarterly', 'Persons', 'none', ' 1 2 3 4')],
    periods,
    indicatorSource: 'title',
    table: { layout: 'wide-period', measures: measuresOf(periods.length, 4), indicatorColumn: false, unitRow: 'Persons', sparseUnitRow: true, rows },
  };
}

export interface RealShape {
  name: string;
  /** The file of ../shared/realdata it stands for. */
  real: string;
  spec: () => FileSpec;
}

export const REAL_SHAPES: readonly RealShape[] = [
  { name: 'wdi-long', real: 'wdi-industry-long/nv.ind.totl.zs_data.csv', spec: wdiLongSpec },
  { name: 'wdi-wide', real: 'wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv', spec: () => wdiWideSpec(false) },
  { name: 'wdi-wide-api', real: 'the same, as the API download with its four metadata lines', spec: () => wdiWideSpec(true) },
  { name: 'nbs-export', real: 'nbs-province-gbk/分省年度数据 (5).csv', spec: nbsExportSpec },
  { name: 'nbs-panel', real: 'nbs-province-gbk/分省年度数据_整合.csv', spec: nbsPanelSpec },
  { name: 'statcan', real: 'statcan-province-population/canada_province_population.csv', spec: statcanSpec },
];
