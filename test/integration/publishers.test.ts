import { describe, expect, it } from 'vitest';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';
import { detectEncoding, decodePrefix } from '../../src/ingest/decode';
import { sniff } from '../../src/ingest/sniff';
import type { Engine } from '../../src/engine/types';

// Publisher families with conventions of their own, each as its files come: Destatis (GENESIS,
// Windows-1252, `;`, dates, `-` zero, `.` and `x` missing, a footer), IMF WEO (tabs, Latin-1, `n/a`,
// an "Estimates Start After" column, a footer), OWID (years before the common era, text columns).

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

const DESTATIS = [
  'GENESIS-Tabelle: 52411-0010',
  'Beantragte Insolvenzverfahren: Bundesländer, Stichtag',
  'Insolvenzstatistik',
  'Bundesländer;31.12.2020;31.12.2021;31.12.2022',
  'Baden-Württemberg;1543;1262;1318',
  'Bayern;2165;1814;1992',
  'Bremen;112;98;-',
  'Saarland;201;.;175',
  'Thüringen;x;302;288',
  '__________',
  'Stand: 14.06.2024 / 12:01:53',
  '(C)opyright Statistisches Bundesamt (Destatis), 2024',
].join('\r\n');

const WEO = [
  'WEO Country Code\tISO\tWEO Subject Code\tCountry\tSubject Descriptor\tSubject Notes\tUnits\tScale\tCountry/Series-specific Notes\t2021\t2022\t2023\tEstimates Start After',
  '512\tAFG\tNGDP_RPCH\tAfghanistan\tGross domestic product, constant prices\tAnnual percentages of constant price GDP\tPercent change\t\tSee notes for: Gross domestic product, constant prices (National currency).\t-20.739\t-6.240\tn/a\t2022',
  '914\tALB\tNGDP_RPCH\tAlbania\tGross domestic product, constant prices\tAnnual percentages of constant price GDP\tPercent change\t\tSource: IMF staff estimates\t8.969\t4.826\t3.547\t2022',
  "662\tCIV\tNGDP\tCôte d'Ivoire\tGross domestic product, current prices\tExpressed in billions of national currency units\tNational currency\tBillions\tSource: National Statistics Office\t\"39,756.460\"\t\"42,989.580\"\t\"46,787.970\"\t2021",
  '\t\t\t\t\t\t\t\t\t\t\t\t',
  'International Monetary Fund, World Economic Outlook Database, October 2023',
].join('\n');

const OWID = [
  'Entity,Code,Year,Population (historical),annotation',
  'World,OWID_WRL,-10000,4501152,',
  'World,OWID_WRL,-5000,5000000,HYDE estimate',
  'World,OWID_WRL,0,188670000,',
  'World,OWID_WRL,800,226000000,',
  'World,OWID_WRL,1800,978000000,Maddison',
  'World,OWID_WRL,2023,8091734930,',
  'Africa,,1500,46000000,',
].join('\n');

interface Row {
  entity: string;
  indicator: string;
  unit: string;
  period: string;
  grain: string;
  start: string;
  value: number;
}

const rowsOf = (engine: Engine, datasetId: string) =>
  engine.query<Row>(
    `SELECT e.name AS entity, i.name_zh AS indicator, i.unit, o.period, o.grain, CAST(o.period_start AS VARCHAR) AS start, o.value FROM observations o
     JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id = ? ORDER BY i.name_zh, e.name, o.period_start`,
    [datasetId],
  );

describe('Destatis', () => {
  it('is proposed from its GENESIS lines, with dates as years and the footer left out', () => {
    const bytes = latin1(DESTATIS);
    const encoding = detectEncoding(bytes);
    expect(encoding).toBe('windows-1252');
    const r = sniff(decodePrefix(bytes, encoding, 1 << 20), { complete: true });
    expect(r).toMatchObject({ publisher: 'destatis', delimiter: ';', layout: 'wide-period', dataRows: 5 });
    expect(r.footerLines).toEqual(['__________', 'Stand: 14.06.2024 / 12:01:53', '(C)opyright Statistisches Bundesamt (Destatis), 2024']);
  });

  it('reads "-" as zero and "." and "x" as missing, each reference day as its year', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, latin1(DESTATIS), 'up-destatis');
    expect(result).toMatchObject({ rows: 13, rejected: 0, entities: 5, periods: 3 });
    const rows = await rowsOf(engine, 'up-destatis');
    expect(rows.filter((r) => r.entity === 'Bremen').map((r) => [r.period, r.grain, r.value])).toEqual([
      ['2020', 'year', 112],
      ['2021', 'year', 98],
      ['2022', 'year', 0],
    ]);
    expect(rows.filter((r) => r.entity === 'Saarland').map((r) => r.period)).toEqual(['2020', '2022']);
    expect(rows.filter((r) => r.entity === 'Thüringen').map((r) => r.period)).toEqual(['2021', '2022']);
  });

  it('reads "-" as missing under the general rules, and says why dates spread through a year are no periods', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, latin1(DESTATIS), 'up-generic', (m) => (m.read.publisher = 'generic'));
    expect(result.rows).toBe(12);
    // One day of each year (a census day) is that year; days spread through the year are no grain.
    const odd = ['Land;Jahr;Wert', 'Bayern;2020;1', 'Bayern;15.07.2021;2', 'Bremen;03.02.2022;3'].join('\n');
    const { result: dated } = await importBytes(engine, latin1(odd), 'up-dated');
    expect(dated.rows).toBe(1);
    expect(dated.rejects).toEqual([
      { line: 3, column: 'Wert', value: '15.07.2021', reason: 'date' },
      { line: 4, column: 'Wert', value: '03.02.2022', reason: 'date' },
    ]);
  });
});

// GENESIS tables of one place name it in the title and again on a line of its own; their row
// labels are then other keys (age years), and a month may stand in a column beside its year.
const GENESIS_AGES = [
  'GENESIS-Tabelle: 12411-0005',
  'Bevölkerung: Deutschland, Stichtag, Altersjahre;;',
  'Fortschreibung des Bevölkerungsstandes;;',
  'Deutschland;;',
  'Bevölkerungsstand (Anzahl);;',
  ';Stichtag;Stichtag',
  ';31.12.2020;31.12.2021',
  'unter 1 Jahr;778090;755365',
  '1-Jährige;793863;790240',
  'Insgesamt;83155031;83237124',
  '__________',
  '© Statistisches Bundesamt (Destatis), 2023',
].join('\r\n');

const GENESIS_MONTHS = [
  'GENESIS-Tabelle: 61111-0002',
  'Consumer price index (incl. rates of change):;;;',
  'Germany, months;;;',
  'Germany;;;',
  ';;Consumer price index;Change on previous month',
  ';;2015=100;in (%)',
  '1991;January;64.0;.',
  '1991;February;64.3;+0.5',
  '1991;March;64.3;-',
  '1992;January;66.9;+1.1',
  '1992;February;67.4;...',
  '__________',
  '© Federal Statistical Office, Wiesbaden 2021',
].join('\r\n');

describe('Destatis tables of one place', () => {
  it('take the place from the title and the age years for indicators', async () => {
    const bytes = latin1(GENESIS_AGES);
    const r = sniff(decodePrefix(bytes, detectEncoding(bytes), 1 << 20), { complete: true });
    expect(r.entity.name).toBe('Deutschland');
    expect(r.columns.map((c) => c.role)).toEqual(['indicator', 'measure', 'measure']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, bytes, 'up-ages');
    expect(result).toMatchObject({ rows: 6, rejected: 0, entities: 1, indicators: 3, periods: 2 });
    const rows = await rowsOf(engine, 'up-ages');
    expect(rows.filter((x) => x.indicator === '1-Jährige').map((x) => [x.entity, x.period, x.value])).toEqual([
      ['Deutschland', '2020', 793863],
      ['Deutschland', '2021', 790240],
    ]);
  });

  it('read a year and a month in two columns as one month', async () => {
    const bytes = latin1(GENESIS_MONTHS);
    const r = sniff(decodePrefix(bytes, detectEncoding(bytes), 1 << 20), { complete: true });
    expect(r.entity.name).toBe('Germany');
    expect(r.columns.map((c) => c.role)).toEqual(['period', 'period', 'measure', 'measure']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, bytes, 'up-months');
    expect(result).toMatchObject({ rows: 8, rejected: 0, entities: 1, indicators: 2, periods: 5 });
    const rows = await rowsOf(engine, 'up-months');
    expect(rows.filter((x) => x.indicator === 'Change on previous month').map((x) => [x.period, x.grain, x.start, x.value])).toEqual([
      ['1991-02', 'month', '1991-02-01', 0.5],
      ['1991-03', 'month', '1991-03-01', 0],
      ['1992-01', 'month', '1992-01-01', 1.1],
    ]);
  });

  it('keep a table of many places by its place column: a class of places is no one place', () => {
    const bytes = latin1(DESTATIS);
    const r = sniff(decodePrefix(bytes, detectEncoding(bytes), 1 << 20), { complete: true });
    expect(r.columns[0]?.role).toBe('entity');
  });
});

// INSEE's series in rows: a label, its idBank, its last update, then a value per quarter, and a
// `Codes` record under each series with the flags of its values (A normal, P provisional).
const INSEE_ROWS = [
  '"Libellé";"idBank";"Dernière mise à jour";"Période";"2023-T1";"2023-T2";"2023-T3"',
  '"Taux de chômage localisé - Bretagne";"001515857";"20/12/2023 12:00";"";"5.6";"5.5";"5.8"',
  '"Codes";"";"";"";"A";"A";"P"',
  '"Taux de chômage localisé - Corse";"001515862";"20/12/2023 12:00";"";"";"6.1";"6.4"',
  '"Codes";"";"";"";"";"A";"P"',
].join('\n');

describe('INSEE series in rows', () => {
  it('reads each row as a series with the flags of the record under it, and asks for the place', async () => {
    const r = sniff(INSEE_ROWS, { complete: true });
    expect(r).toMatchObject({ publisher: 'destatis', layout: 'wide-period', flagRows: true, entity: { name: '全国' } });
    expect(r.warnings).toContain('sniff.noEntity');
    expect(r.columns.map((c) => c.role)).toEqual(['indicator', 'ignore', 'ignore', 'ignore', 'measure', 'measure', 'measure']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(INSEE_ROWS), 'up-insee-rows', (m) => (m.entity = { name: 'France' }));
    expect(result).toMatchObject({ rows: 5, rejected: 0, flagged: 2, entities: 1, indicators: 2, periods: 3, raggedRows: 0 });
    const flags = await engine.query<{ indicator: string; period: string; value: number; flag: string | null }>(
      `SELECT i.name_zh AS indicator, o.period, o.value, o.flag FROM observations o JOIN indicators i USING (indicator_id)
       WHERE o.dataset_id = 'up-insee-rows' ORDER BY 1, 2`,
    );
    expect(flags.map((f) => [f.indicator, f.period, f.value, f.flag])).toEqual([
      ['Taux de chômage localisé - Bretagne', '2023Q1', 5.6, null],
      ['Taux de chômage localisé - Bretagne', '2023Q2', 5.5, null],
      ['Taux de chômage localisé - Bretagne', '2023Q3', 5.8, 'P'],
      ['Taux de chômage localisé - Corse', '2023Q2', 6.1, null],
      ['Taux de chômage localisé - Corse', '2023Q3', 6.4, 'P'],
    ]);
  });
});

describe('IMF World Economic Outlook', () => {
  it('ignores the estimates column and the footer, reads n/a as missing, and puts the scale in the unit', async () => {
    const bytes = latin1(WEO);
    const encoding = detectEncoding(bytes);
    const r = sniff(decodePrefix(bytes, encoding, 1 << 20), { complete: true });
    expect(r).toMatchObject({ publisher: 'imf', delimiter: '\t', layout: 'wide-period', dataRows: 3 });
    expect(r.columns.filter((c) => c.role !== 'ignore').map((c) => [c.name, c.role])).toEqual([
      ['Country', 'entity'],
      ['Subject Descriptor', 'indicator'],
      ['Units', 'unit'],
      ['Scale', 'unit'],
      ['2021', 'measure'],
      ['2022', 'measure'],
      ['2023', 'measure'],
    ]);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, bytes, 'up-weo');
    expect(result).toMatchObject({ rows: 8, rejected: 0, entities: 3, indicators: 2, periods: 3 });
    const rows = await rowsOf(engine, 'up-weo');
    expect(rows.filter((r) => r.entity === "Côte d'Ivoire").map((r) => [r.unit, r.period, r.value])).toEqual([
      ['billion National currency', '2021', 39756.46],
      ['billion National currency', '2022', 42989.58],
      ['billion National currency', '2023', 46787.97],
    ]);
    // No scale: the unit alone, with no stray space.
    expect(new Set(rows.filter((r) => r.entity === 'Albania').map((r) => r.unit))).toEqual(new Set(['Percent change']));
  });
});

describe('Our World in Data', () => {
  it('reads years before the common era in order, and leaves the text column out', async () => {
    const r = sniff(OWID, { complete: true });
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'ignore', 'period', 'measure', 'ignore']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(OWID), 'up-owid');
    expect(result).toMatchObject({ rows: 7, rejected: 0, entities: 2, periods: 7 });
    const rows = await rowsOf(engine, 'up-owid');
    expect(rows.filter((r) => r.entity === 'World').map((r) => [r.period, r.start])).toEqual([
      ['-10000', '10001-01-01 (BC)'],
      ['-5000', '5001-01-01 (BC)'],
      ['0', '0001-01-01 (BC)'],
      ['800', '0800-01-01'],
      ['1800', '1800-01-01'],
      ['2023', '2023-01-01'],
    ]);
    const [listed] = await engine.query<{ first_period: string; last_period: string }>(`SELECT first_period, last_period FROM datasets WHERE dataset_id = 'up-owid'`);
    expect(listed).toEqual({ first_period: '-10000', last_period: '2023' });
  });
});

describe('INSEE', () => {
  const INSEE = [
    '"Libellé";"Indice des prix à la consommation - Base 2015 - Ensemble des ménages - France - Ensemble";"Codes"',
    '"idBank";"001763852";',
    '"Dernière mise à jour";"13/12/2023 12:00";',
    '"Période";"";',
    '"2023-11";"117.63";"A"',
    '"2023-10";"117.82";"A"',
    '"2023-09";"117.69";"P"',
    '"2023-T2";"117.10";""',
  ].join('\r\n');

  it('skips the code rows under the header and keeps each value’s code as its flag (A, normal, as none)', async () => {
    const r = sniff(INSEE, { complete: true });
    expect(r).toMatchObject({ publisher: 'destatis', layout: 'wide-indicator', recordsBeforeData: 4, dataRows: 4 });
    expect(r.columns.map((c) => c.role)).toEqual(['period', 'measure', 'flag']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, latin1(INSEE), 'up-insee', (m) => (m.entity = { name: 'France' }));
    expect(result).toMatchObject({ rows: 4, rejected: 0, flagged: 1, entities: 1 });
    const rows = await engine.query<{ period: string; value: number; flag: string | null }>(
      `SELECT period, value, flag FROM observations WHERE dataset_id = 'up-insee' ORDER BY period_start`,
    );
    expect(rows).toEqual([
      { period: '2023Q2', value: 117.1, flag: null },
      { period: '2023-09', value: 117.69, flag: 'P' },
      { period: '2023-10', value: 117.82, flag: null },
      { period: '2023-11', value: 117.63, flag: null },
    ]);
  });
});

describe('a flag column', () => {
  it('flags the value of its row in a long file (OECD, SDMX)', async () => {
    const file = ['LOCATION,Country,TIME,Value,Flag Codes', 'AUS,Australia,2021,5.1,', 'AUS,Australia,2022,3.7,P', 'AUT,Austria,2022,4.8,E'].join('\n');
    const r = sniff(file, { complete: true });
    expect(r.columns.map((c) => c.role)).toEqual(['ignore', 'entity', 'period', 'value', 'flag']);
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(file), 'up-oecd', (m) => (m.indicator.name = 'GDP growth'));
    expect(result).toMatchObject({ rows: 3, flagged: 2 });
    const rows = await engine.query<{ flag: string | null }>(`SELECT flag FROM observations WHERE dataset_id = 'up-oecd' ORDER BY entity_id, period`);
    expect(rows.map((r) => r.flag)).toEqual([null, 'P', 'E']);
  });
});

// Shapes found in real exports of these publishers (the files themselves are not ours to ship):
// titles padded with delimiters, a label row over the header, several key columns, SDMX 3 flags.
describe('shapes of real exports', () => {
  it('NBS 月度数据 in GBK: padded metadata lines, 年月 periods down, indicators across, one national entity', async () => {
    const text = [
      '数据库：月度数据,,,',
      '时间：最近3月,,,',
      '时间,居民消费价格指数(上年同月=100),工业生产者出厂价格指数(上年同月=100),货币和准货币(M2)供应量期末值(亿元)',
      '2021年5月,101.3,109.0,2275538.07',
      '2021年4月,100.9,106.8,2262107.12',
      '2021年3月,100.4,104.4,',
      '注：货币供应量为期末数。,,,',
      '数据来源：国家统计局,,,',
    ].join('\r\n');
    const { encodeGb18030 } = await import('../support/csv-gen');
    const bytes = encodeGb18030(text);
    expect(detectEncoding(bytes)).toBe('gb18030');
    const r = sniff(decodePrefix(bytes, 'gb18030', 1 << 20), { complete: true });
    expect(r).toMatchObject({ publisher: 'nbs', layout: 'wide-indicator', headerRow: 2, entity: { name: '全国' } });
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, bytes, 'up-nbs-month');
    expect(result).toMatchObject({ rows: 8, rejected: 0, entities: 1, indicators: 3, periods: 3 });
  });

  it('Destatis: padded titles, a label row over the dates, several key columns naming the indicator', async () => {
    const text = [
      'GENESIS-Tabelle: 12421-0002',
      'Vorausberechneter Bevölkerungsstand: Deutschland, Stichtag,;;;;;',
      'Deutschland;;;;;',
      'Vorausberechneter Bevölkerungsstand (1000);;;;;',
      ';;;;Stichtag;Stichtag',
      ';;;;31.12.2022;31.12.2023',
      'BEV-VARIANTE-01;Geburten moderat (G2L2W1);männlich;unter 1 Jahr;385,8;388,5',
      'BEV-VARIANTE-01;Geburten moderat (G2L2W1);männlich;1-Jährige;413,9;387,8',
      'BEV-VARIANTE-01;Geburten moderat (G2L2W1);weiblich;unter 1 Jahr;366,2;368,1',
      'BEV-VARIANTE-02;Geburten hoch (G3L2W2);männlich;unter 1 Jahr;401,0;409,7',
      '__________',
      '(C)opyright Statistisches Bundesamt (Destatis), 2024',
    ].join('\r\n');
    const r = sniff(text, { complete: true });
    expect(r).toMatchObject({ publisher: 'destatis', layout: 'wide-period', headerRow: 5, decimal: ',' });
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, latin1(text), 'up-bev');
    expect(result).toMatchObject({ rows: 8, rejected: 0, periods: 2 });
  });

  it('Eurostat SDMX 3 flags: `@C` after a value or the missing mark', async () => {
    const text = ['freq,unit,nace_r2,geo\\TIME_PERIOD\t2021 \t2022 ', 'A,NR,I551,BE1\t: @C\t165994 @C', 'A,NR,I551,BE2\t12.5 e\t: '].join('\n');
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(text), 'up-at-c');
    expect(result).toMatchObject({ rows: 2, rejected: 0, flagged: 2 });
    const rows = await engine.query<{ value: number; flag: string }>(`SELECT value, flag FROM observations WHERE dataset_id = 'up-at-c' ORDER BY value`);
    expect(rows).toEqual([{ value: 12.5, flag: 'e' }, { value: 165994, flag: 'c' }]);
  });

  it('IMF WEO without its code columns is told by its footer; an OWID annotations column stays out', () => {
    const weo = ['Country\tSubject Descriptor\tUnits\tScale\t2023\t2024', 'Chile\tGross domestic product, current prices\tU.S. dollars\tBillions\t335.533\t328.720', 'Peru\tGross domestic product, current prices\tU.S. dollars\tBillions\t267.603\t289.222', '', 'International Monetary Fund, World Economic Outlook Database, October 2024'].join('\r\n');
    expect(sniff(weo, { complete: true }).publisher).toBe('imf');
    const owid = ['Entity,Code,Year,Life expectancy,417485-annotations', ...Array.from({ length: 30 }, (_, i) => `World,OWID_WRL,${1990 + i},${60 + i / 10},`), 'Western Offshoots,,1820,40.1,"United States, Canada, Australia and New Zealand"'].join('\n');
    expect(sniff(owid, { complete: true }).columns.map((c) => c.role)).toEqual(['entity', 'ignore', 'period', 'measure', 'ignore']);
  });
});
