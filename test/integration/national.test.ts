import { describe, expect, it } from 'vitest';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// A national series (an NBS 季度数据 export: no entity column) imports with every value under one
// entity, the country, which then sits beside the sample's districts.

const NBS_QUARTERLY = [
  '数据库：季度数据',
  '时间：最近3季度',
  '指标,2024年第三季度,2024年第二季度,2024年第一季度',
  '国内生产总值累计值(亿元),949746.4,616836.2,296299.5',
  '第一产业增加值累计值(亿元),53443.9,30071.0,',
  '数据来源：国家统计局',
].join('\n');

describe('a national series with no entity column', () => {
  it('imports every value under 全国, named in the file or by the person', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(NBS_QUARTERLY), 'up-national');
    expect(result).toMatchObject({ rows: 5, rejected: 0, entities: 1, indicators: 2, periods: 3 });
    const rows = await engine.query<{ entity: string; level: string; indicator: string; period: string; value: number }>(
      `SELECT e.name AS entity, e.level, i.name_zh AS indicator, o.period, o.value FROM observations o
       JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id)
       WHERE o.dataset_id = 'up-national' ORDER BY i.name_zh, o.period`,
    );
    expect(rows).toEqual([
      { entity: '全国', level: 'region', indicator: '国内生产总值累计值(亿元)', period: '2024Q1', value: 296299.5 },
      { entity: '全国', level: 'region', indicator: '国内生产总值累计值(亿元)', period: '2024Q2', value: 616836.2 },
      { entity: '全国', level: 'region', indicator: '国内生产总值累计值(亿元)', period: '2024Q3', value: 949746.4 },
      { entity: '全国', level: 'region', indicator: '第一产业增加值累计值(亿元)', period: '2024Q2', value: 30071 },
      { entity: '全国', level: 'region', indicator: '第一产业增加值累计值(亿元)', period: '2024Q3', value: 53443.9 },
    ]);

    // Named otherwise by the person: a province's series.
    const { result: named } = await importBytes(engine, new TextEncoder().encode(NBS_QUARTERLY), 'up-province', (m) => (m.entity = { name: '江苏省' }));
    expect(named.rows).toBe(5);
    expect(await engine.query(`SELECT DISTINCT e.name FROM observations o JOIN entities e USING (entity_id) WHERE o.dataset_id = 'up-province'`)).toEqual([{ name: '江苏省' }]);
  });
});
