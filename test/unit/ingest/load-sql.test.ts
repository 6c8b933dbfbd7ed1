import { describe, expect, it } from 'vitest';
import { splitNameUnit } from '../../../src/ingest/load-sql';

// Wide-by-indicator headers carry the unit in the name; the indicator gets the name without it.
describe('splitNameUnit', () => {
  it.each([
    ['第二产业比重_%', '第二产业比重', '%'],
    ['城镇化率_%', '城镇化率', '%'],
    ['GDP_当年价_亿元', 'GDP_当年价', '亿元'],
    ['GDP(亿元)', 'GDP', '亿元'],
    ['GDP (亿元)', 'GDP', '亿元'],
    ['人口（万人）', '人口', '万人'],
    ['人均收入[元]', '人均收入', '元'],
    ['办件时长_天', '办件时长', '天'],
    [' 城镇化率_% ', '城镇化率', '%'],
    ['城镇\n人口(万人)', '城镇\n人口', '万人'],
    ['地区生产总值\n(亿元)', '地区生产总值', '亿元'],
    ['城镇\n化率_%', '城镇\n化率', '%'],
  ])('%j → name %j, unit %j', (header, name, unit) => {
    expect(splitNameUnit(header)).toEqual({ name, unit });
  });

  it('keeps a qualifier in brackets in the name: it is no unit', () => {
    expect(splitNameUnit('Life expectancy at birth (historical)')).toEqual({ name: 'Life expectancy at birth (historical)', unit: '' });
    expect(splitNameUnit('Population (historical estimates)')).toEqual({ name: 'Population (historical estimates)', unit: '' });
    expect(splitNameUnit('GDP (current US$)')).toEqual({ name: 'GDP', unit: 'current US$' });
  });

  it('leaves a plain header whole with no unit', () => {
    expect(splitNameUnit('Value')).toEqual({ name: 'Value', unit: '' });
    expect(splitNameUnit('高新技术产业占比')).toEqual({ name: '高新技术产业占比', unit: '' });
  });

  it('does not split at an underscore before something that is not a unit', () => {
    // 2023 holds no unit character, so it stays part of the name.
    expect(splitNameUnit('产值_2023')).toEqual({ name: '产值_2023', unit: '' });
  });

  it('keeps snake_case English headers whole (gdp_per_capita is not "gdp_per" in "capita")', () => {
    expect(splitNameUnit('gdp_per_capita')).toEqual({ name: 'gdp_per_capita', unit: '' });
  });
});
