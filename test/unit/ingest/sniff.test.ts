import { describe, expect, it } from 'vitest';
import { decodePrefix, detectEncoding } from '../../../src/ingest/decode';
import type { ColumnRole } from '../../../src/domain/mapping';
import { sniff, toMapping, type SniffResult } from '../../../src/ingest/sniff';
import { NO_REALDATA, REALDATA_LABEL, realBytes } from '../../support/realdata';

const PREFIX_BYTES = 64 * 1024;

/** A real file as the importer sees it: detected encoding, decoded text (all of it, or the first 64 KB). */
function realFile(path: string, whole = true) {
  const bytes = realBytes(path);
  const encoding = detectEncoding(bytes);
  const head = whole ? bytes : bytes.subarray(0, PREFIX_BYTES);
  const fileName = path.split('/').pop() ?? path;
  const result = sniff(decodePrefix(head, encoding), { fileName, complete: head.length === bytes.length });
  return { encoding, result };
}

const roleOf = (r: SniffResult, name: string) => r.columns.find((c) => c.name === name)?.role;
const count = (r: SniffResult, role: ColumnRole) => r.columns.filter((c) => c.role === role).length;
const keyRoles = (r: SniffResult) => r.columns.filter((c) => c.role !== 'measure').map((c) => [c.name, c.role]);

// Skipped where the folder is absent: test/integration/real-shapes.test.ts covers the same shapes.
describe.skipIf(NO_REALDATA)(`sniffing the real files of ${REALDATA_LABEL}`, () => {
  it('NBS export: GB18030, three metadata lines, 2024年 headers, a source line below 31 provinces', () => {
    const { encoding, result: r } = realFile('nbs-province-gbk/分省年度数据 (5).csv');
    expect(encoding).toBe('gb18030');
    expect(r).toMatchObject({ delimiter: ',', headerRow: 3, skipRows: 0, unitRow: null, layout: 'wide-period', dataRows: 31, fieldCount: 21 });
    expect(keyRoles(r)).toEqual([['地区', 'entity']]);
    expect(count(r, 'measure')).toBe(20);
    expect(r.headers[1]).toBe('2025年');
    expect(r.headers[20]).toBe('2006年'); // CRLF: no \r stuck to the last header
    expect(r.indicator).toEqual({ name: '固定资产投资(不含农户)实际到位资金_比上年增长', unit: '%', direction: 1 });
    expect(r.metadataLines).toEqual(['数据库：分省年度数据', '指标：固定资产投资(不含农户)实际到位资金_比上年增长(%)', '时间：最近20年']);
    expect(r.footerLines).toEqual(['数据来源：国家统计局']);
    expect(r.preview[0]?.slice(0, 4)).toEqual(['北京市', '', '-4.7', '4.0']);
    expect(r.confidence).toBe('high');
    expect(r.warnings).toEqual([]);
    expect(toMapping(r, encoding)).toEqual({
      layout: 'wide-period',
      read: { encoding: 'gb18030', delimiter: ',', headerRow: 3, dataRows: 31, fields: 21, publisher: 'nbs' },
      columns: r.columns,
      indicator: r.indicator,
      // The provinces are a column: no entity for the whole file.
      entity: { name: '' },
      entityLevel: 'region',
    });
  });

  it('NBS panel: UTF-8 with BOM, wide by indicator with units in the headers, 620 province-years', () => {
    const { encoding, result: r } = realFile('nbs-province-gbk/分省年度数据_整合.csv');
    expect(encoding).toBe('utf-8');
    expect(r).toMatchObject({ delimiter: ',', headerRow: 0, skipRows: 0, layout: 'wide-indicator', dataRows: 620, fieldCount: 23 });
    expect(r.headers[0]).toBe('地区'); // BOM gone
    expect(keyRoles(r)).toEqual([
      ['地区', 'entity'],
      ['年份', 'period'],
    ]);
    expect(count(r, 'measure')).toBe(21);
    expect(roleOf(r, '第二产业比重_%')).toBe('measure');
    expect(r.confidence).toBe('high');
  });

  it('StatCan: title lines, a unit row, quarters as headers, 14 geographies, a footnote block', () => {
    const { encoding, result: r } = realFile('statcan-province-population/canada_province_population.csv');
    expect(encoding).toBe('utf-8');
    // Line 8 holds the header, line 9 the unit row; data from line 10: Canada, 10 provinces, 3 territories.
    expect(r).toMatchObject({ delimiter: ',', headerRow: 8, skipRows: 1, unitRow: 9, layout: 'wide-period', dataRows: 14, fieldCount: 54 });
    expect(keyRoles(r)).toEqual([['Geography', 'entity']]);
    expect(count(r, 'measure')).toBe(53);
    expect(r.headers[1]).toBe('Q4 2012');
    expect(r.indicator).toEqual({ name: 'Population estimates, quarterly', unit: 'Persons', direction: 1 });
    expect(r.preview.map((row) => row[0])).toEqual([
      'Canada',
      'Newfoundland and Labrador',
      'Prince Edward Island',
      'Nova Scotia',
      'New Brunswick',
      'Quebec',
      'Ontario',
      'Manitoba',
      'Saskatchewan',
      'Alberta',
      'British Columbia',
      'Yukon',
      'Northwest Territories 5',
      'Nunavut 5',
    ]);
    expect(r.preview[0]?.[1]).toBe('34,834,973');
    expect(r.metadataLines).toHaveLength(8);
    expect(r.footerLines[0]).toBe('Footnotes:');
    expect(r.footerLines.at(-1)).toBe('https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1710000901');
    expect(r.confidence).toBe('high');
    // load-sql skips headerRow + 1 lines: the mapping points at the unit row so that data follows.
    expect(toMapping(r, encoding).read).toEqual({ encoding: 'utf-8', delimiter: ',', headerRow: 9, dataRows: 14, fields: 54 });
  });

  it('World Bank long: CRLF, quoted names with commas, 11,347 rows', () => {
    const { encoding, result: r } = realFile('wdi-industry-long/nv.ind.totl.zs_data.csv');
    expect(encoding).toBe('utf-8');
    expect(r).toMatchObject({ delimiter: ',', headerRow: 0, skipRows: 0, layout: 'long', dataRows: 11347, fieldCount: 4 });
    expect(r.columns).toEqual([
      { name: 'Country Name', role: 'entity' },
      { name: 'Country Code', role: 'ignore' },
      { name: 'Year', role: 'period' },
      { name: 'Value', role: 'value' },
    ]);
    expect(r.confidence).toBe('high');
  });

  it('World Bank wide: years as headers, an indicator column, a trailing empty column', () => {
    const { encoding, result: r } = realFile('wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv');
    expect(encoding).toBe('utf-8');
    expect(r).toMatchObject({ delimiter: ',', headerRow: 0, skipRows: 0, layout: 'wide-period', dataRows: 266, fieldCount: 71 });
    expect(keyRoles(r)).toEqual([
      ['Country Name', 'entity'],
      ['Country Code', 'ignore'],
      ['Indicator Name', 'indicator'],
      ['Indicator Code', 'ignore'],
      ['(column 71)', 'ignore'],
    ]);
    expect(r.columns).toHaveLength(71);
    expect(count(r, 'measure')).toBe(66);
    expect(r.columns[4]).toEqual({ name: '1960', role: 'measure' });
    expect(r.columns[69]).toEqual({ name: '2025', role: 'measure' });
    expect(r.confidence).toBe('high');
  });

  it.each([
    ['wdi-industry-long/nv.ind.totl.zs_data.csv', 'long'],
    ['wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv', 'wide-period'],
    ['nbs-province-gbk/分省年度数据_整合.csv', 'wide-indicator'],
  ])('the first 64 KB of %s sniff the same, with unbounded dataRows', (path, layout) => {
    const whole = realFile(path).result;
    const { result: r } = realFile(path, false);
    expect(r.layout).toBe(layout);
    expect(r.columns).toEqual(whole.columns);
    expect(r.headerRow).toBe(whole.headerRow);
    expect(r.dataRows).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.dataRowsSeen).toBeGreaterThan(20);
    expect(r.preview).toEqual(whole.preview);
    expect(r.confidence).toBe('high');
  });
});

const complete = { complete: true } as const;

describe('layouts', () => {
  it('long: entity, indicator, period and value columns by name (the bundled samples)', () => {
    const r = sniff('entity_id,entity_name,indicator_id,period,value\ncity,云澜市,hightech_share,2016,12.4\nd01,东湖区,hightech_share,2016,13\n', complete);
    expect(r.layout).toBe('long');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'ignore', 'indicator', 'period', 'value']);
    expect(r.dataRows).toBe(2);
    expect(r.confidence).toBe('high');
  });

  it('long: roles from the cells when the headers are unknown', () => {
    const r = sniff('where,when,what,amount\nA,2020,GDP,1.5\nB,2021年,GDP,2.5\nC,2022,Pop,3\n', complete);
    expect(r.layout).toBe('long');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'period', 'indicator', 'value']);
    expect(r.confidence).toBe('low');
    expect(r.warnings).toEqual(['sniff.entityGuessed', 'sniff.periodGuessed', 'sniff.indicatorGuessed']);
  });

  it('a note column is never an indicator, an entity or a measure, whatever its cells hold', () => {
    const noted = sniff('地区,年份,GDP,备注\n甲,2020,1,初步数\n乙,2020,2,初步数\n丙,2020,3,\n', complete);
    expect(noted.layout).toBe('wide-indicator');
    expect(noted.columns.map((c) => c.role)).toEqual(['entity', 'period', 'measure', 'ignore']);
    expect(noted.confidence).toBe('high');
    // Footnote numbers are numbers, and still not an indicator.
    const footnotes = sniff('Region,Year,GDP,Notes\nA,2020,1.5,1\nB,2020,2.5,2\n', complete);
    expect(footnotes.columns.map((c) => c.role)).toEqual(['entity', 'period', 'measure', 'ignore']);
    // Nor the places: a national table with a source beside it is one entity for the whole file.
    const national = sniff('年份,GDP(亿元),资料来源\n2023,1260582,国家统计局\n2024,1349084,国家统计局\n', complete);
    expect(national.columns.map((c) => c.role)).toEqual(['period', 'measure', 'ignore']);
    expect(national.entity).toEqual({ name: '全国' });
  });

  it('long: an indicator column makes the one number column the value', () => {
    const r = sniff('地区,年份,指标,数据值\n甲,2020,GDP,1\n乙,2020,GDP,2\n', complete);
    expect(r.layout).toBe('long');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'period', 'indicator', 'value']);
    expect(r.confidence).toBe('high');
  });

  it('wide by indicator: number columns named by their headers, the code column ignored', () => {
    const r = sniff('地区,行政区划代码,年份,GDP(亿元),人口(万人)\n甲,110000,2020,1,2\n乙,120000,2020,3,\n', complete);
    expect(r.layout).toBe('wide-indicator');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'ignore', 'period', 'measure', 'measure']);
    expect(r.confidence).toBe('high');
  });

  it('wide by indicator with one number column: the header names the indicator', () => {
    const r = sniff('城市,年份,GDP(亿元)\n甲,2020,1\n乙,2020,3\n', complete);
    expect(r.layout).toBe('wide-indicator');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'period', 'measure']);
  });

  it('wide by period: 2024年 and Q4 2012 and DataBank [YR2015] headers', () => {
    expect(sniff('省份,2024年,2023年\n甲,1,2\n', complete).layout).toBe('wide-period');
    expect(sniff('Geography,Q4 2012,Q1 2013\nA,1,2\n', complete).layout).toBe('wide-period');
    const r = sniff('Country Name,Country Code,Series Name,Series Code,2015 [YR2015],2016 [YR2016]\nChina,CHN,GDP,NY.GDP,1.1E13,..\n', complete);
    expect(r.layout).toBe('wide-period');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'ignore', 'indicator', 'ignore', 'measure', 'measure']);
  });

  it('wide by period: the entity column found as the first text column when its name is unknown', () => {
    const r = sniff('名称,2023,2024\n甲区,1,2\n乙区,3,4\n', { ...complete, fileName: 'GDP.csv' });
    expect(r.layout).toBe('wide-period');
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'measure', 'measure']);
    expect(r.warnings).toEqual(['sniff.entityGuessed']);
    expect(r.confidence).toBe('low');
  });

  it('asks for an indicator name when neither the file nor its name gives one', () => {
    const r = sniff('地区,2023,2024\n甲区,1,2\n', complete);
    expect(r.indicator.name).toBe('');
    expect(r.warnings).toEqual(['sniff.noIndicatorName']);
    expect(r.confidence).toBe('low');
  });

  it('not wide by entity when names stand in a column beside the periods', () => {
    const r = sniff('date,where,amount\n2020,甲,1\n2021,乙,2\n', complete);
    expect(r.layout).toBe('wide-indicator');
    expect(r.columns.map((c) => c.role)).toEqual(['period', 'entity', 'measure']);
    expect(r.warnings).toEqual(['sniff.entityGuessed']);
  });

  it('wide by entity: periods down the first column, entity names across', () => {
    const r = sniff('时间,北京市,天津市\n2020年,1,2\n2021年,3,4\n', { ...complete, fileName: '地区生产总值(亿元).csv' });
    expect(r.layout).toBe('wide-entity');
    expect(r.columns.map((c) => c.role)).toEqual(['period', 'measure', 'measure']);
    expect(r.indicator).toEqual({ name: '地区生产总值', unit: '亿元', direction: 1 });
    expect(r.confidence).toBe('high');
  });
});

describe('delimiters, quotes and line ends', () => {
  it.each([
    [',', '地区,2020,2021\n甲,1,2\n乙,3,4\n'],
    [';', 'period;entity;indicator;value\n2020;A;GDP;1.5\n2021;A;GDP;2.5\n'],
    ['\t', '地区\t年份\tGDP\t人口\n甲\t2020\t1\t2\n乙\t2020\t3\t4\n'],
    ['|', '地区|2020年|2021年\n甲|1|2\n乙|3|4\n'],
  ])('%j', (delimiter, text) => {
    const r = sniff(text, { ...complete, fileName: 'GDP.csv' });
    expect(r.delimiter).toBe(delimiter);
    expect(r.dataRows).toBe(2);
    expect(r.confidence).toBe('high');
  });

  it('prefers the delimiter that splits into more fields when another one is as regular', () => {
    // Under `,` every line of this `;` file has two fields, as many lines as under `;`.
    const r = sniff('地区;年份;GDP, 现价\n甲市;2023;1,234\n乙市;2023;5,678\n', complete);
    expect(r).toMatchObject({ delimiter: ';', fieldCount: 3, layout: 'wide-indicator' });
  });

  it('keeps commas and line breaks inside quoted fields', () => {
    const r = sniff('Country Name,2020,2021\n"Bahamas, The",1,2\n"Line\nbreak","1,000",4\n', complete);
    expect(r.fieldCount).toBe(3);
    expect(r.dataRows).toBe(2);
    expect(r.preview).toEqual([
      ['Bahamas, The', '1', '2'],
      ['Line\nbreak', '1,000', '4'],
    ]);
  });

  it('counts physical lines when a quoted field above the header holds a line break', () => {
    const r = sniff('"A title\nover two lines"\n\n地区,2020,2021\n甲,1,2\n', complete);
    expect(r.headerRow).toBe(3);
    expect(r.metadataLines).toEqual(['"A title', 'over two lines"', '']);
    // The load skips records, as DuckDB counts them: the title is one, however many lines it takes.
    expect(r.recordsBeforeData).toBe(3);
    expect(toMapping(r, 'utf-8').read.headerRow).toBe(2);
    expect(sniff('"A title\r\nover two lines"\r\n地区,2020\r\n"甲\r\n乙",1\r\n丙,2\r\n', complete)).toMatchObject({ headerRow: 2, dataRows: 2 });
  });

  it('reads CRLF line ends without a \\r in the last field', () => {
    const r = sniff('数据库：年度数据\r\n指标：地区生产总值(亿元)\r\n地区,2024年,2023年\r\n北京市,1,2\r\n天津市,3,4\r\n', complete);
    expect(r.headerRow).toBe(2);
    expect(r.headers).toEqual(['地区', '2024年', '2023年']);
    expect(r.preview[1]).toEqual(['天津市', '3', '4']);
    expect(r.indicator).toEqual({ name: '地区生产总值', unit: '亿元', direction: 1 });
  });

  it('drops a BOM left at the start of the text', () => {
    expect(sniff('\ufeff地区,2020\n甲,1\n', complete).headers).toEqual(['地区', '2020']);
  });

  it('reads UTF-16 text decoded from a BOM-marked buffer', () => {
    const text = '地区\t年份\t数值\n甲\t2020\t1\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const encoding = detectEncoding(bytes);
    expect(encoding).toBe('utf-16le');
    const r = sniff(decodePrefix(bytes, encoding), complete);
    expect(r).toMatchObject({ delimiter: '\t', headerRow: 0, layout: 'long', dataRows: 1, headers: ['地区', '年份', '数值'] });
    expect(toMapping(r, encoding).read.encoding).toBe('utf-16le');
  });

  it('ignores a record cut at the end of a prefix', () => {
    const r = sniff('地区,2020,2021\n甲,1,2\n乙,3,4\n丙,5', { complete: false });
    expect(r.preview).toEqual([
      ['甲', '1', '2'],
      ['乙', '3', '4'],
    ]);
    expect(r.dataRows).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.dataRowsSeen).toBe(2);
    // The same text as a whole file keeps its last line.
    expect(sniff('地区,2020,2021\n甲,1,2\n乙,3,4\n丙,5', complete).dataRows).toBe(3);
  });
});

describe('the end of the table', () => {
  it('stops at a notes block after a blank line', () => {
    const r = sniff('地区,2020,2021\n甲,1,2\n乙,3,4\n\n注：2021年为初步数。\n数据来源：统计局\n', { complete: false });
    expect(r.dataRows).toBe(2);
    expect(r.footerLines).toEqual(['注：2021年为初步数。', '数据来源：统计局']);
  });

  it('stops at a note right under the table, padded to the table width or not', () => {
    expect(sniff('地区,2020,2021\n甲,1,2\n注：初步数,,\n', complete).dataRows).toBe(1);
    expect(sniff('地区,2020,2021\n甲,1,2\nSource: World Bank\n', complete).dataRows).toBe(1);
    expect(sniff('地区,2020,2021\n甲,1,2\n"Data from database: WDI",,\n', complete).dataRows).toBe(1);
  });

  it('keeps blank lines and rows without values inside the table', () => {
    const r = sniff('地区,2020,2021\n甲,1,2\n\n乙,,\n丙,3,4\n\n\n', complete);
    // Three records: DuckDB reads none from the empty line, so neither does the row limit count it.
    expect(r.dataRows).toBe(3);
    expect(r.preview.map((row) => row[0])).toEqual(['甲', '乙', '丙']);
  });

  it('stops at a numbered footnote after a blank line', () => {
    const r = sniff('Geography,Q1 2020,Q2 2020,Q3 2020,Q4 2020\nA,1,2,3,4\nB,5,6,7,8\n\n1,"Estimates are preliminary."\n', { complete: false });
    expect(r.dataRows).toBe(2);
    expect(r.footerLines).toEqual(['1,"Estimates are preliminary."']);
  });

  it('reads on past a broken row in the middle of the table', () => {
    const r = sniff('地区,2020,2021,2022\n甲,1,2,3\n乙,1\n丙,4,5,6\n', { complete: false });
    expect(r.dataRows).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.preview.map((row) => row[0])).toEqual(['甲', '乙', '丙']);
    expect(sniff('地区,2020,2021,2022\n甲,1,2,3\n乙,1\n丙,4,5,6\n', complete).dataRows).toBe(3);
  });

  it('stops at the DataBank footer lines', () => {
    const text = '"Country Name","Series Name","2015 [YR2015]","2016 [YR2016]"\n"China","GDP","1.1","1.2"\n\n\nData from database: World Development Indicators\nLast Updated: 12/16/2024\n';
    const r = sniff(text, { complete: false });
    expect(r.dataRows).toBe(1);
    expect(r.footerLines).toEqual(['Data from database: World Development Indicators', 'Last Updated: 12/16/2024']);
  });

  it('finds a header one field shorter than its rows (data lines end with a delimiter)', () => {
    const r = sniff('数据库：年度数据\n地区,2020,2021\n甲,1,2,\n乙,3,4,\n', { ...complete, fileName: 'x.csv' });
    expect(r).toMatchObject({ headerRow: 1, fieldCount: 4, dataRows: 2, layout: 'wide-period' });
    expect(r.columns.map((c) => c.role)).toEqual(['entity', 'measure', 'measure', 'ignore']);
  });

  it('reads a unit row under the header and starts the data after it', () => {
    const r = sniff('"Population, quarterly 1 2"\n\nGeography,Q1 2020,Q2 2020\n,"Persons",\nA,"1,000","2,000"\nB,3,4\n', complete);
    expect(r).toMatchObject({ headerRow: 2, skipRows: 1, unitRow: 3, dataRows: 2 });
    expect(r.indicator).toEqual({ name: 'Population, quarterly', unit: 'Persons', direction: 1 });
    expect(toMapping(r, 'utf-8').read.headerRow).toBe(3);
  });

  it('gives each column of a wide-by-indicator file its own cell of the unit row', () => {
    const r = sniff('地区,年份,人口,面积,常住人口,户数\n,,万人,平方公里,万人,-\n甲市,2023,120.5,3500,118,42\n乙市,2023,80,1200.75,79,7\n', complete);
    expect(r).toMatchObject({ headerRow: 0, unitRow: 1, layout: 'wide-indicator', dataRows: 2 });
    expect(r.columns).toEqual([
      { name: '地区', role: 'entity', unit: '' },
      { name: '年份', role: 'period', unit: '' },
      { name: '人口', role: 'measure', unit: '万人' },
      { name: '面积', role: 'measure', unit: '平方公里' },
      { name: '常住人口', role: 'measure', unit: '万人' },
      { name: '户数', role: 'measure', unit: '' }, // `-` names no unit
    ]);
    // Each column loads with its own unit, so the one most common unit is no reason to warn.
    expect(r.warnings).not.toContain('sniff.unitRowMixed');
    expect(r.confidence).toBe('high');
    expect(toMapping(r, 'utf-8').columns).toEqual(r.columns);
  });

  it('still takes the most common unit, and warns, where the file has one indicator', () => {
    const r = sniff('地区,2022,2023,2024\n,万人,万人,人\n甲市,1,2,3\n乙市,4,5,6\n', { ...complete, fileName: '人口.csv' });
    expect(r.layout).toBe('wide-period');
    expect(r.indicator.unit).toBe('万人');
    expect(r.warnings).toContain('sniff.unitRowMixed');
  });

  it('gives the columns no unit when there is no unit row', () => {
    const r = sniff('地区,年份,人口,面积\n甲市,2023,1,2\n', complete);
    expect(r.columns.every((c) => !('unit' in c))).toBe(true);
  });
});

describe('files without a table', () => {
  it('says a header-only file has no data rows', () => {
    const r = sniff('地区,2020,2021\n', complete);
    expect(r.headers).toEqual(['地区', '2020', '2021']);
    expect(r.dataRows).toBe(0);
    expect(r.preview).toEqual([]);
    expect(r.warnings).toContain('sniff.noData');
    expect(r.confidence).toBe('low');
  });

  it('says an empty text is empty', () => {
    for (const text of ['', '\n\n', '\ufeff']) {
      const r = sniff(text, complete);
      expect(r.warnings).toEqual(['sniff.empty']);
      expect(r).toMatchObject({ headers: [], columns: [], dataRows: 0, preview: [], confidence: 'low' });
    }
  });

  it('says a text of single values is not a table', () => {
    const r = sniff('just a line\nand another\n', complete);
    expect(r.warnings).toEqual(['sniff.noTable']);
    expect(r.headers).toEqual([]);
    expect(r.metadataLines).toEqual(['just a line', 'and another', '']);
  });

  it('warns when the header row looks like data', () => {
    const r = sniff('甲,1.5,2.5\n乙,3.5,4.5\n丙,5.5,6.5\n', complete);
    expect(r.warnings).toContain('sniff.noHeader');
    expect(r.confidence).toBe('low');
  });
});
