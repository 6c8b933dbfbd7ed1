import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// Every layout, encoding and cell format of docs/data-format.md, imported end to end.
let engine: Engine;
beforeEach(async () => {
  engine = await sampleEngine();
});

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

async function values(datasetId: string): Promise<string[]> {
  const rows = await engine.query<{ e: string; i: string; p: string; v: number }>(
    `SELECT e.name AS e, i.name_zh AS i, o.period AS p, o.value AS v FROM observations o JOIN entities e USING (entity_id)
     JOIN indicators i USING (indicator_id) WHERE dataset_id = ? ORDER BY e, i, p`,
    [datasetId],
  );
  return rows.map((r) => `${r.e}|${r.i}|${r.p}|${r.v}`);
}

describe('layouts', () => {
  it('long, with a unit column', async () => {
    await importBytes(engine, utf8('地区,指标,年份,数值,单位\n甲市,人口,2022,10.5,万人\n甲市,人口,2023,11,万人\n'), 'long');
    expect(await values('long')).toEqual(['甲市|人口|2022|10.5', '甲市|人口|2023|11']);
    const [d] = await engine.query<{ decimals: number }>(`SELECT decimals FROM indicators WHERE name_zh = '人口'`);
    expect(d?.decimals).toBe(2);
    const [unit] = await engine.query<{ unit: string }>(`SELECT unit FROM indicators WHERE name_zh = '人口'`);
    expect(unit?.unit).toBe('万人');
  });

  it('wide by indicator', async () => {
    await importBytes(engine, utf8('地区,年份,GDP(亿元),人口(万人)\n甲市,2023,100,20\n乙市,2023,200,\n'), 'wind');
    expect(await values('wind')).toEqual(['乙市|GDP|2023|200', '甲市|GDP|2023|100', '甲市|人口|2023|20']);
    // New indicators display as many decimals as their data needs: whole numbers none.
    const decimals = await engine.query<{ name_zh: string; decimals: number }>(`SELECT name_zh, decimals FROM indicators WHERE name_zh IN ('GDP', '人口') ORDER BY name_zh`);
    expect(decimals).toEqual([{ name_zh: 'GDP', decimals: 0 }, { name_zh: '人口', decimals: 0 }]);
  });

  it('wide by indicator, one header twice: one indicator, its second cell a duplicate', async () => {
    const { result } = await importBytes(engine, utf8('地区,年份,GDP(亿元),GDP(亿元)\n甲市,2023,100,101\n'), 'twice');
    expect(await values('twice')).toEqual(['甲市|GDP|2023|100']);
    expect(result.rejects).toEqual([{ line: 2, column: 'GDP(亿元)', value: '101', reason: 'duplicate' }]);
  });

  it('wide by period', async () => {
    await importBytes(engine, utf8('地区,2021年,2022年,2023年\n甲市,1,2,3\n乙市,..,5,-\n'), 'wper', (m) => (m.indicator.name = '得分'));
    expect(await values('wper')).toEqual(['乙市|得分|2022|5', '甲市|得分|2021|1', '甲市|得分|2022|2', '甲市|得分|2023|3']);
  });

  it('wide by entity (a table turned sideways)', async () => {
    const { mapping } = await importBytes(engine, utf8('年份,甲市,乙市\n2022,1.5,2.5\n2023,3,4\n'), 'went', (m) => (m.indicator.name = '得分'));
    expect(mapping.layout).toBe('wide-entity');
    expect(await values('went')).toEqual(['乙市|得分|2022|2.5', '乙市|得分|2023|4', '甲市|得分|2022|1.5', '甲市|得分|2023|3']);
  });
});

describe('encodings, delimiters and quoting', () => {
  const table = (d: string, eol = '\n') => ['地区', '年份', '指标', '数值'].join(d) + eol + ['"甲市, 新区"', '2023', '人口', '12.5'].join(d) + eol;

  it.each([
    [',', '\n'],
    [';', '\r\n'],
    ['\t', '\n'],
    ['|', '\r\n'],
  ])('reads the delimiter %j with line end %j', async (d, eol) => {
    await importBytes(engine, utf8(table(d, eol)), 'delim');
    expect(await values('delim')).toEqual(['甲市, 新区|人口|2023|12.5']);
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', async () => {
    await importBytes(engine, utf8('\uFEFF' + table(',')), 'bom');
    await importBytes(engine, utf16le(table(',')), 'u16');
    expect(await values('bom')).toEqual(['甲市, 新区|人口|2023|12.5']);
    expect(await values('u16')).toEqual(['甲市, 新区|人口|2023|12.5']);
  });

  it('reads every record when a quoted field above the data holds a line break', async () => {
    // DuckDB's skip counts records, not lines: skipping by lines dropped one data record per break.
    await importBytes(engine, utf8('"示例\n标题"\n年份,"北\n岭"\n2021,1\n2022,2\n'), 'brk', (m) => (m.indicator.name = '得分'));
    expect(await values('brk')).toEqual(['北\n岭|得分|2021|1', '北\n岭|得分|2022|2']);
  });

  it('reads quoted fields with line breaks and doubled quotes', async () => {
    await importBytes(engine, utf8('地区,年份,指标,数值\n"甲市\n(含新区)",2023,"""满意""度",90\n'), 'quoted');
    expect(await values('quoted')).toEqual(['甲市\n(含新区)|"满意"度|2023|90']);
  });
});

describe('cell formats', () => {
  it('reads thousands separators, percent signs, full-width digits and trailing spaces; skips missing markers', async () => {
    const rows = ['地区,年份,指标,数值', '甲,2023,a,"1,234.5"', '乙,2023,a,45%', '丙,2023,a,１２３．５', '丁,2023,a,7 ', '戊,2023,a,NA', '己,2023,a,—', '庚,2023,a,无', '辛,2023,a,'];
    const { result } = await importBytes(engine, utf8(rows.join('\n') + '\n'), 'cells');
    expect(result.rejected).toBe(0);
    expect(await values('cells')).toEqual(['丁|a|2023|7', '丙|a|2023|123.5', '乙|a|2023|45', '甲|a|2023|1234.5']);
  });

  it('takes metadata lines above the header and notes below the table out of the data', async () => {
    const text = ['数据库：年度数据', '指标：地区生产总值(亿元)', '地区,2023年,2022年', '北京市,100,90', '天津市,80,70', '注：2023 年为初步核算数。', '数据来源：国家统计局'].join('\r\n');
    const { result, mapping } = await importBytes(engine, utf8(text), 'meta');
    expect(mapping.indicator).toMatchObject({ name: '地区生产总值', unit: '亿元' });
    expect(result.rows).toBe(4);
    expect(result.rejected).toBe(0);
  });

  it('does not read a note under the table in place of an empty line inside it', async () => {
    const { result } = await importBytes(engine, utf8('地区,2020\n甲,1\n\n乙,2\n注：2020年数据,3\n'), 'gap', (m) => (m.indicator.name = '得分'));
    expect(await values('gap')).toEqual(['乙|得分|2020|2', '甲|得分|2020|1']);
    expect(result.rejected).toBe(0);
  });

  it('strips footnote marks stuck to names, but keeps numbered names apart', async () => {
    await importBytes(engine, utf8('Region,Year,Indicator,Value\nNunavut 5,2023,Pop,1\nDistrict 1,2023,Pop,2\nDistrict 2,2023,Pop,3\n'), 'marks');
    expect(await values('marks')).toEqual(['District 1|Pop|2023|2', 'District 2|Pop|2023|3', 'Nunavut|Pop|2023|1']);
  });
});
