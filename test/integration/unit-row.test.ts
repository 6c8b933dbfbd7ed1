import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// A file wide by indicator with a unit row under the header (docs/data-format.md §4): each
// indicator column takes its own unit from that row, through the real sniff and load.
let engine: Engine;
beforeEach(async () => {
  engine = await sampleEngine();
});

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The dataset's values with the name and unit of their indicator: `entity|indicator|unit|period|value`. */
async function rows(datasetId: string): Promise<string[]> {
  const found = await engine.query<{ e: string; i: string; u: string; p: string; v: number }>(
    `SELECT e.name AS e, i.name_zh AS i, i.unit AS u, o.period AS p, o.value AS v FROM observations o
     JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE dataset_id = ? ORDER BY e, i, p`,
    [datasetId],
  );
  return found.map((r) => `${r.e}|${r.i}|${r.u}|${r.p}|${r.v}`);
}

describe('wide by indicator, with a unit row', () => {
  // 万人 is the row's most common unit: it used to be every column's.
  const FILE = '地区,年份,人口,面积,常住人口,GDP\n,,万人,平方公里,万人,亿元\n甲市,2023,120.5,3500,118,4567.89\n乙市,2023,80,1200.75,79,..\n乙市,2024,81.25,1200.75,80,1234\n';

  it('gives every indicator its own unit and exact values', async () => {
    const { result, mapping } = await importBytes(engine, utf8(FILE), 'units');
    expect(mapping.layout).toBe('wide-indicator');
    expect(result).toMatchObject({ rows: 11, rejected: 0, raggedRows: 0, entities: 2, indicators: 4, periods: 2 });
    expect(await rows('units')).toEqual([
      '乙市|GDP|亿元|2024|1234',
      '乙市|人口|万人|2023|80',
      '乙市|人口|万人|2024|81.25',
      '乙市|常住人口|万人|2023|79',
      '乙市|常住人口|万人|2024|80',
      '乙市|面积|平方公里|2023|1200.75',
      '乙市|面积|平方公里|2024|1200.75',
      '甲市|GDP|亿元|2023|4567.89',
      '甲市|人口|万人|2023|120.5',
      '甲市|常住人口|万人|2023|118',
      '甲市|面积|平方公里|2023|3500',
    ]);
  });

  it('takes the unit of a header over the unit row, and none from an empty cell', async () => {
    const text = '地区,年份,GDP(亿元),人口_万人,面积,户数\n,,元,人,平方公里,\n甲市,2023,100,20,3500,42\n';
    await importBytes(engine, utf8(text), 'headers');
    expect(await rows('headers')).toEqual(['甲市|GDP|亿元|2023|100', '甲市|人口|万人|2023|20', '甲市|户数||2023|42', '甲市|面积|平方公里|2023|3500']);
  });

  it('keeps one header over two units apart as two indicators, and one header in one unit as one', async () => {
    const text = '地区,年份,进出口总额,进出口总额,GDP,GDP(亿元)\n,,亿元人民币,万美元,亿元,\n甲市,2023,70.5,100,8,9\n';
    const { result } = await importBytes(engine, utf8(text), 'twice');
    expect(await rows('twice')).toEqual(['甲市|GDP|亿元|2023|8', '甲市|进出口总额(万美元)|万美元|2023|100', '甲市|进出口总额(亿元人民币)|亿元人民币|2023|70.5']);
    expect(result.rejects).toEqual([{ line: 3, column: 'GDP(亿元)', value: '9', reason: 'duplicate' }]);
  });

  it('loads a mapping saved before columns had units as it was loaded then: one unit for all', async () => {
    await importBytes(engine, utf8(FILE), 'saved', (m) => {
      for (const c of m.columns) delete c.unit;
    });
    const units = await engine.query<{ name_zh: string; unit: string }>(
      `SELECT DISTINCT i.name_zh, i.unit FROM observations o JOIN indicators i USING (indicator_id) WHERE dataset_id = 'saved' ORDER BY i.name_zh`,
    );
    expect(units).toEqual([
      { name_zh: 'GDP', unit: '万人' },
      { name_zh: '人口', unit: '万人' },
      { name_zh: '常住人口', unit: '万人' },
      { name_zh: '面积', unit: '万人' },
    ]);
  });
});
