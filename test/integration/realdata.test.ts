import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { importBytes } from '../support/import-bytes';
import { NO_REALDATA, REALDATA_LABEL, realBytes as bytesOf } from '../support/realdata';
import { sampleEngine } from '../support/samples';

// Every real file of ../shared/realdata imported through the app's path, checked against counts and
// values taken from the raw file with a different parser (papaparse) and the structure read by eye.
// Skipped where the folder is absent; real-shapes.test.ts covers the same layouts with generated files.
const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
const filled = (cell: string | undefined) => cell !== undefined && cell.trim() !== '' && cell.trim() !== '..';

let engine: Engine;

async function value(datasetId: string, entityName: string, period: string, indicatorLike = '%'): Promise<number | undefined> {
  const rows = await engine.query<{ value: number }>(
    `SELECT o.value FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id)
     WHERE o.dataset_id = ? AND e.name = ? AND o.period = ? AND i.name_zh LIKE ?`,
    [datasetId, entityName, period, indicatorLike],
  );
  return rows[0]?.value;
}

describe.skipIf(NO_REALDATA)(`real public files of ${REALDATA_LABEL}`, () => {
  beforeAll(async () => {
    engine = await sampleEngine();
  });

  it('World Bank long: every value, quoted names with commas intact', async () => {
    const raw = parse(new TextDecoder().decode(bytesOf('wdi-industry-long/nv.ind.totl.zs_data.csv')));
    const data = raw.slice(1).filter((r) => r.length > 1);
    const { result, mapping } = await importBytes(engine, bytesOf('wdi-industry-long/nv.ind.totl.zs_data.csv'), 'wdi-long');
    expect(mapping.layout).toBe('long');
    expect(result.rows).toBe(data.filter((r) => filled(r[3])).length);
    expect(result.rejected).toBe(0);
    expect(result.entities).toBe(new Set(data.filter((r) => filled(r[3])).map((r) => r[0])).size);
    expect(await value('wdi-long', 'Aruba', '1995')).toBeCloseTo(15.3963620981387, 10);
    expect(await value('wdi-long', 'Bahamas, The', '2010')).toBe(Number(data.find((r) => r[0] === 'Bahamas, The' && r[2] === '2010')?.[3]));
  });

  it('World Bank wide: years as columns, trailing empty column, empty cells skipped', async () => {
    const raw = parse(new TextDecoder().decode(bytesOf('wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv')));
    const header = raw[0] as string[];
    const years = header.map((h, i) => (/^\d{4}$/.test(h) ? i : -1)).filter((i) => i >= 0);
    const data = raw.slice(1).filter((r) => r.length > 1);
    const expected = data.reduce((n, r) => n + years.filter((i) => filled(r[i])).length, 0);
    const { result, mapping } = await importBytes(engine, bytesOf('wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv'), 'wdi-wide');
    expect(mapping.layout).toBe('wide-period');
    expect(result.rows).toBe(expected);
    expect(result.rejected).toBe(0);
    expect(result.periods).toBe(years.filter((i) => data.some((r) => filled(r[i]))).length);
    const zambia = data.find((r) => r[0] === 'Zambia') as string[];
    expect(await value('wdi-wide', 'Zambia', '1960')).toBe(Number(zambia[header.indexOf('1960')]));
  });

  it('NBS export in GB18030: metadata lines, 2024年 headers, source line below, negative values', async () => {
    const text = new TextDecoder('gb18030').decode(bytesOf('nbs-province-gbk/分省年度数据 (5).csv'));
    const rows = parse(text);
    const header = rows[3] as string[];
    const provinces = rows.slice(4, 4 + 31);
    expect(provinces.at(-1)?.[0]).toBe('新疆维吾尔自治区');
    const expected = provinces.reduce((n, r) => n + r.slice(1).filter(filled).length, 0);
    const { result, mapping } = await importBytes(engine, bytesOf('nbs-province-gbk/分省年度数据 (5).csv'), 'nbs-gbk');
    expect(mapping.read.encoding).toBe('gb18030');
    expect(mapping.layout).toBe('wide-period');
    expect(mapping.indicator.unit).toBe('%');
    expect(mapping.indicator.name).toContain('固定资产投资');
    expect(result.rows).toBe(expected);
    expect(result.entities).toBe(31);
    expect(result.rejected).toBe(0);
    expect(await value('nbs-gbk', '北京市', '2024')).toBe(Number(provinces[0]?.[header.indexOf('2024年')]));
    expect(await value('nbs-gbk', '新疆维吾尔自治区', '2018')).toBe(-20.7);
  });

  it('NBS panel in UTF-8 with BOM: wide by indicator, units in the headers, two units of one name kept apart', async () => {
    const text = new TextDecoder().decode(bytesOf('nbs-province-gbk/分省年度数据_整合.csv'));
    const rows = parse(text);
    const header = rows[0] as string[];
    const data = rows.slice(1).filter((r) => r.length > 1);
    const expected = data.reduce((n, r) => n + r.slice(2).filter(filled).length, 0);
    const { result, mapping } = await importBytes(engine, bytesOf('nbs-province-gbk/分省年度数据_整合.csv'), 'nbs-panel');
    expect(mapping.layout).toBe('wide-indicator');
    expect(result.rows).toBe(expected);
    expect(result.rejected).toBe(0);
    expect(result.indicators).toBe(header.slice(2).filter((_, i) => data.some((r) => filled(r[i + 2]))).length);
    expect(await value('nbs-panel', '上海', '2005', '第二产业比重')).toBe(48.6);
    const [unit] = await engine.query<{ unit: string }>(`SELECT unit FROM indicators WHERE name_zh = '第二产业比重'`);
    expect(unit?.unit).toBe('%');
  });

  it('Statistics Canada: title lines, unit row, quoted thousands, footnote marks, footnote block', async () => {
    const text = new TextDecoder().decode(bytesOf('statcan-province-population/canada_province_population.csv'));
    const rows = parse(text.replace(/^\uFEFF/, ''));
    const headerIndex = rows.findIndex((r) => r[0] === 'Geography');
    const header = rows[headerIndex] as string[];
    const data = rows.slice(headerIndex + 2).filter((r) => r.length === header.length && r[0] !== '');
    expect(data).toHaveLength(14);
    const { result, mapping } = await importBytes(engine, bytesOf('statcan-province-population/canada_province_population.csv'), 'statcan');
    expect(mapping.layout).toBe('wide-period');
    expect(mapping.indicator.unit).toBe('Persons');
    expect(result.rows).toBe(data.length * (header.length - 1));
    expect(result.periods).toBe(header.length - 1);
    expect(result.rejected).toBe(0);
    const nunavut = data.find((r) => r[0] === 'Nunavut 5') as string[];
    expect(await value('statcan', 'Nunavut', '2012Q4')).toBe(Number(nunavut[1]?.replaceAll(',', '')));
    expect(await value('statcan', 'Canada', '2025Q4')).toBe(Number(data[0]?.at(-1)?.replaceAll(',', '')));
  });
});
