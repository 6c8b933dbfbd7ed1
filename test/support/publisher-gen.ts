import fc from 'fast-check';

// Generated files of the publisher families of docs/data-format.md section 8, each with the
// observations a careful reader of the raw file counts: a national series with no entity column
// (NBS 季度数据), Eurostat TSV with packed keys and flags, a Destatis table in Windows-1252 with
// decimal commas, reference-day dates and `-` for zero, a GENESIS table of one place with a year
// and a month column, INSEE series in rows with a Codes record under each, and an OWID grapher file with years
// before the common era and a text column. test/integration/publisher-properties.test.ts imports
// them through the whole path.

export interface PublisherRow {
  entity: string;
  indicator: string;
  period: string;
  value: number;
  flag: string | null;
}

export interface PublisherFile {
  kind: 'national' | 'eurostat' | 'destatis' | 'genesisMonths' | 'inseeRows' | 'owid';
  fileName: string;
  bytes: Uint8Array;
  /** The publisher preset the sniffer must propose. */
  publisher: string;
  /** What the person types where the file cannot say (none of these files needs more). */
  rows: PublisherRow[];
}

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A value with up to two decimals, as a number and its digits. */
const valueArb = fc.record({ units: fc.integer({ min: -999_999, max: 99_999_999 }), decimals: fc.integer({ min: 0, max: 2 }) }).map(({ units, decimals }) => ({
  value: units / 10 ** decimals,
  decimals,
}));
type Value = { value: number; decimals: number };
const pointText = (v: Value) => v.value.toFixed(v.decimals);

const uniqueSorted = <T>(items: readonly T[], key: (t: T) => number) => [...new Map(items.map((i) => [key(i), i])).values()].sort((a, b) => key(a) - key(b));

// --- NBS national series: 指标 down, quarters across, no entity column --------------------------

const NBS_INDICATORS = ['国内生产总值_累计值(亿元)', '第一产业增加值_累计值(亿元)', '居民消费价格指数(上年同月=100)', '城镇调查失业率(%)', '规模以上工业增加值增长(%)'];
const quarterLabel = (year: number, q: number) => `${year}年第${['一', '二', '三', '四'][q - 1]}季度`;

const nationalArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    region: fc.option(fc.constantFrom('上海市', '浙江省', '全国'), { nil: null }),
    year: fc.integer({ min: 2015, max: 2024 }),
    quarters: fc.integer({ min: 2, max: 6 }),
    indicators: fc.uniqueArray(fc.constantFrom(...NBS_INDICATORS), { minLength: 1, maxLength: 4 }),
    cells: fc.array(fc.option(valueArb, { nil: null, freq: 6 }), { minLength: 24, maxLength: 24 }),
  })
  .map(({ region, year, quarters, indicators, cells }) => {
    // Newest first, as NBS exports them.
    const periods = Array.from({ length: quarters }, (_, i) => {
      const n = year * 4 + 3 - i;
      return { label: quarterLabel(Math.floor(n / 4), (n % 4) + 1), period: `${Math.floor(n / 4)}Q${(n % 4) + 1}` };
    });
    const entity = region ?? '全国';
    const rows: PublisherRow[] = [];
    const lines = ['数据库：季度数据', ...(region ? [`地区：${region}`] : []), '时间：最近6季度', ['指标', ...periods.map((p) => p.label)].join(',')];
    indicators.forEach((name, r) => {
      const fields = periods.map((p, c) => {
        const v = cells[(r * 6 + c) % cells.length] ?? null;
        if (v === null) return '';
        // An indicator column's names are kept whole, unit and all (only headers are split).
        rows.push({ entity, indicator: name, period: p.period, value: v.value, flag: null });
        return pointText(v);
      });
      lines.push([name, ...fields].join(','));
    });
    lines.push('注：季度数据为初步核算数。', '数据来源：国家统计局');
    return { kind: 'national' as const, fileName: '季度数据.csv', bytes: utf8(lines.join('\r\n')), publisher: 'nbs', rows };
  })
  .filter((f) => f.rows.length > 0);

// --- Eurostat TSV: packed keys, flags after values, `:` missing ------------------------------

const GEOS = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'EU27_2020', 'FI', 'FR'];
const FLAGS = ['', '', '', 'p', 'e', 'b', 'ep', 'bep'];
type EstatGrain = 'year' | 'quarter' | 'month' | 'half';

function estatPeriod(grain: EstatGrain, n: number): { label: string; period: string } {
  const year = 2010 + Math.floor(n / 12);
  const m = (n % 12) + 1;
  if (grain === 'year') return { label: String(2000 + n), period: String(2000 + n) };
  if (grain === 'half') return { label: `${2000 + Math.floor(n / 2)}-S${(n % 2) + 1}`, period: `${2000 + Math.floor(n / 2)}H${(n % 2) + 1}` };
  if (grain === 'quarter') return { label: `${2000 + Math.floor(n / 4)}-Q${(n % 4) + 1}`, period: `${2000 + Math.floor(n / 4)}Q${(n % 4) + 1}` };
  return { label: `${year}-${String(m).padStart(2, '0')}`, period: `${year}-${String(m).padStart(2, '0')}` };
}

const eurostatArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    grain: fc.constantFrom<EstatGrain>('year', 'half', 'quarter', 'month'),
    first: fc.integer({ min: 0, max: 20 }),
    count: fc.integer({ min: 1, max: 5 }),
    items: fc.uniqueArray(fc.constantFrom('B1GQ', 'B1G', 'P3', 'JAN', 'D1'), { minLength: 1, maxLength: 2 }),
    geos: fc.uniqueArray(fc.constantFrom(...GEOS), { minLength: 1, maxLength: 5 }),
    cells: fc.array(fc.record({ value: fc.option(valueArb, { nil: null, freq: 5 }), flag: fc.constantFrom(...FLAGS) }), { minLength: 50, maxLength: 50 }),
    oldHeader: fc.boolean(),
  })
  .map(({ grain, first, count, items, geos, cells, oldHeader }) => {
    const periods = Array.from({ length: count }, (_, i) => estatPeriod(grain, first + i));
    const rows: PublisherRow[] = [];
    const lines = [[oldHeader ? 'unit,na_item,geo\\time' : 'freq,unit,na_item,geo\\TIME_PERIOD', ...periods.map((p) => `${p.label} `)].join('\t')];
    let k = 0;
    for (const item of items)
      for (const geo of geos) {
        const fields = periods.map((p) => {
          const cell = cells[k++ % cells.length] as { value: Value | null; flag: string };
          const flag = cell.flag === '' ? ' ' : ` ${cell.flag}`;
          if (cell.value === null) return `:${cell.flag === '' ? ' ' : ' c'}`;
          rows.push({ entity: geo, indicator: item, period: p.period, value: cell.value.value, flag: cell.flag === '' ? null : cell.flag });
          return `${pointText(cell.value)}${flag}`;
        });
        lines.push([`${oldHeader ? '' : 'A,'}CP_MEUR,${item},${geo}`, ...fields].join('\t'));
      }
    return { kind: 'eurostat' as const, fileName: 'estat_nama_10_gdp.tsv', bytes: utf8(lines.join('\n') + '\n'), publisher: 'eurostat', rows };
  })
  .filter((f) => f.rows.length > 0);

// --- Destatis GENESIS: Windows-1252, `;`, decimal commas, reference days, `-` zero ------------

const LAENDER = ['Baden-Württemberg', 'Bayern', 'Berlin', 'Brandenburg', 'Bremen', 'Hamburg', 'Hessen', 'Mecklenburg-Vorpommern', 'Niedersachsen', 'Nordrhein-Westfalen', 'Rheinland-Pfalz', 'Saarland', 'Sachsen', 'Thüringen'];

/** `1.234.567,89`: points between thousands, a comma before the decimals (always some, so the mark is plain). */
function commaText(v: Value): string {
  const [whole = '0', fraction = ''] = Math.abs(v.value).toFixed(Math.max(1, v.decimals)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${v.value < 0 ? '-' : ''}${grouped},${fraction}`;
}

type DestatisCell = { kind: 'value'; value: Value } | { kind: 'zero' } | { kind: 'missing'; mark: '.' | 'x' | '...' };

const destatisCellArb: fc.Arbitrary<DestatisCell> = fc.oneof(
  { weight: 8, arbitrary: valueArb.map((value) => ({ kind: 'value' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'zero' as const }) },
  { weight: 1, arbitrary: fc.constantFrom<'.' | 'x' | '...'>('.', 'x', '...').map((mark) => ({ kind: 'missing' as const, mark })) },
);

const destatisArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    days: fc.constantFrom('31.12.', '01.01.', '15.05.'),
    years: fc.uniqueArray(fc.integer({ min: 1990, max: 2024 }), { minLength: 1, maxLength: 5 }),
    // Two Länder at least: a table of one row and one column is as regular under `,` as its title line.
    laender: fc.uniqueArray(fc.constantFrom(...LAENDER), { minLength: 2, maxLength: 6 }),
    cells: fc.array(destatisCellArb, { minLength: 30, maxLength: 30 }),
  })
  .map(({ days, years, laender, cells }) => {
    const sorted = [...years].sort((a, b) => a - b);
    const rows: PublisherRow[] = [];
    const lines = ['GENESIS-Tabelle: 12411-0010', 'Bevölkerung: Bundesländer, Stichtag', 'Fortschreibung des Bevölkerungsstandes', ['Bundesländer', ...sorted.map((y) => `${days}${y}`)].join(';')];
    let k = 0;
    for (const land of laender) {
      const fields = sorted.map((year) => {
        const cell = cells[k++ % cells.length] as DestatisCell;
        if (cell.kind === 'missing') return cell.mark;
        // The title line nearest the table names the indicator.
        rows.push({ entity: land, indicator: 'Fortschreibung des Bevölkerungsstandes', period: String(year), value: cell.kind === 'zero' ? 0 : cell.value.value, flag: null });
        return cell.kind === 'zero' ? '-' : commaText(cell.value);
      });
      lines.push([land, ...fields].join(';'));
    }
    lines.push('__________', '(C)opyright Statistisches Bundesamt (Destatis), 2024');
    return { kind: 'destatis' as const, fileName: 'data.csv', bytes: latin1(lines.join('\r\n')), publisher: 'destatis', rows };
  })
  .filter((f) => f.rows.length > 0);

// --- Destatis GENESIS of one place: the place in the title and alone, a year and a month column ---

const MONTH_NAMES = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
} as const;
const MEASURES = ['Consumer price index', 'Change on previous month', 'Verbraucherpreisindex', 'Veränderung zum Vorjahresmonat'];

const genesisMonthsArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    place: fc.constantFrom('Germany', 'Deutschland'),
    language: fc.constantFrom<'en' | 'de'>('en', 'de'),
    years: fc.uniqueArray(fc.integer({ min: 1991, max: 2024 }), { minLength: 1, maxLength: 3 }),
    months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 12 }),
    measures: fc.uniqueArray(fc.constantFrom(...MEASURES), { minLength: 1, maxLength: 3 }),
    cells: fc.array(destatisCellArb, { minLength: 40, maxLength: 40 }),
  })
  .map(({ place, language, years, months, measures, cells }) => {
    const rows: PublisherRow[] = [];
    const lines = ['GENESIS-Tabelle: 61111-0002', 'Consumer price index (incl. rates of change):', `${place}, months`, place, ['', '', ...measures].join(';')];
    let k = 0;
    for (const year of [...years].sort((a, b) => a - b))
      for (const month of [...months].sort((a, b) => a - b)) {
        const fields = measures.map((indicator) => {
          const cell = cells[k++ % cells.length] as DestatisCell;
          if (cell.kind === 'missing') return cell.mark;
          rows.push({ entity: place, indicator, period: `${year}-${String(month).padStart(2, '0')}`, value: cell.kind === 'zero' ? 0 : cell.value.value, flag: null });
          return cell.kind === 'zero' ? '-' : commaText(cell.value);
        });
        lines.push([String(year), MONTH_NAMES[language][month - 1], ...fields].join(';'));
      }
    lines.push('__________', '© Statistisches Bundesamt (Destatis), 2024');
    return { kind: 'genesisMonths' as const, fileName: '61111-0002.csv', bytes: latin1(lines.join('\r\n')), publisher: 'destatis', rows };
  })
  .filter((f) => f.rows.length > 0);

// --- INSEE series in rows: a Codes record of flags under each series ------------------------------

const INSEE_SERIES = ['Taux de chômage - Bretagne', 'Taux de chômage - Corse', 'Taux de chômage - Normandie', "Indice des prix - Île-de-France"];

const inseeRowsArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    series: fc.uniqueArray(fc.constantFrom(...INSEE_SERIES), { minLength: 1, maxLength: 4 }),
    first: fc.integer({ min: 1990, max: 2020 }),
    count: fc.integer({ min: 1, max: 8 }),
    cells: fc.array(fc.record({ value: fc.option(valueArb, { nil: null, freq: 6 }), code: fc.constantFrom('A', 'A', 'A', 'P', 'R', 'SD') }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ series, first, count, cells }) => {
    const periods = Array.from({ length: count }, (_, i) => ({ label: `${first + Math.floor(i / 4)}-T${(i % 4) + 1}`, period: `${first + Math.floor(i / 4)}Q${(i % 4) + 1}` }));
    const quote = (fields: readonly string[]) => fields.map((f) => `"${f}"`).join(';');
    const rows: PublisherRow[] = [];
    const lines = [quote(['Libellé', 'idBank', 'Dernière mise à jour', 'Période', ...periods.map((p) => p.label)])];
    let k = 0;
    series.forEach((name, n) => {
      const values: string[] = [];
      const codes: string[] = [];
      for (const p of periods) {
        const cell = cells[k++ % cells.length] as { value: Value | null; code: string };
        values.push(cell.value === null ? '' : pointText(cell.value));
        codes.push(cell.value === null ? '' : cell.code);
        // The file names no place: 全国 is proposed, and the code A means no flag.
        if (cell.value !== null) rows.push({ entity: '全国', indicator: name, period: p.period, value: cell.value.value, flag: cell.code === 'A' ? null : cell.code });
      }
      lines.push(quote([name, String(1515842 + n).padStart(9, '0'), '20/12/2023 12:00', '', ...values]), quote(['Codes', '', '', '', ...codes]));
    });
    return { kind: 'inseeRows' as const, fileName: 'valeurs_trimestrielles.csv', bytes: utf8(lines.join('\n') + '\n'), publisher: 'destatis', rows };
  })
  .filter((f) => f.rows.length > 0);

// --- OWID grapher: years before the common era, a code column, a text column --------------------

const OWID_PLACES = ['World', 'Africa', 'Asia', 'Europe', 'Oceania', 'South America'];
const ANNOTATIONS = ['', '', 'HYDE estimate', 'Maddison (2020)', 'interpolated', 'UN WPP 2022'];

const owidArb: fc.Arbitrary<PublisherFile> = fc
  .record({
    places: fc.uniqueArray(fc.constantFrom(...OWID_PLACES), { minLength: 1, maxLength: 3 }),
    years: fc.uniqueArray(fc.oneof(fc.integer({ min: -10000, max: -1 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 2023 })), { minLength: 1, maxLength: 8 }),
    values: fc.array(fc.integer({ min: 0, max: 9_000_000_000 }), { minLength: 20, maxLength: 20 }),
    notes: fc.array(fc.constantFrom(...ANNOTATIONS), { minLength: 20, maxLength: 20 }),
  })
  .map(({ places, years, values, notes }) => {
    const sorted = uniqueSorted(years, (y) => y);
    const rows: PublisherRow[] = [];
    const lines = ['Entity,Code,Year,Population (historical),annotation'];
    let k = 0;
    for (const entity of places)
      for (const year of sorted) {
        const value = values[k % values.length] as number;
        const note = notes[k++ % notes.length] as string;
        rows.push({ entity, indicator: 'Population (historical)', period: String(year), value, flag: null });
        lines.push([entity, entity === 'World' ? 'OWID_WRL' : '', String(year), String(value), note].join(','));
      }
    return { kind: 'owid' as const, fileName: 'population.csv', bytes: utf8(lines.join('\n') + '\n'), publisher: 'generic', rows };
  });

export const PUBLISHER_ARBS = {
  national: nationalArb,
  eurostat: eurostatArb,
  destatis: destatisArb,
  genesisMonths: genesisMonthsArb,
  inseeRows: inseeRowsArb,
  owid: owidArb,
} as const;
