import { describe, expect, it } from 'vitest';
import { guessLongColumns, guessRole } from '../../../src/ingest/roles';

describe('guessRole', () => {
  it.each([
    ['entity_id', 'entity'],
    ['Country Name', 'entity'],
    ['地区', 'entity'],
    ['区县', 'entity'],
    ['党支部', 'branch'],
    ['indicator_id', 'indicator'],
    ['Series Name', 'indicator'],
    ['指标名称', 'indicator'],
    ['period', 'period'],
    ['Year', 'period'],
    ['REF_DATE', 'period'],
    ['年份', 'period'],
    ['value', 'value'],
    ['VALUE', 'value'],
    ['数值', 'value'],
    ['单位', 'unit'],
    ['Units', 'unit'],
    ['Country Code', 'ignore'],
    ['entity_name', 'ignore'],
    ['备注', 'ignore'],
    ['', 'ignore'],
  ] as const)('%j → %s', (header, role) => {
    expect(guessRole(header)).toBe(role);
  });

  it('trims the header before matching', () => {
    expect(guessRole('  Year ')).toBe('period');
    expect(guessRole('\tvalue\t')).toBe('value');
  });

  it('matches whole names only', () => {
    expect(guessRole('value_2023')).toBe('ignore');
    expect(guessRole('my year')).toBe('ignore');
  });
});

describe('guessLongColumns', () => {
  it('reads the World Bank long header', () => {
    expect(guessLongColumns(['Country Name', 'Country Code', 'Year', 'Value'])).toEqual([
      { name: 'Country Name', role: 'entity' },
      { name: 'Country Code', role: 'ignore' },
      { name: 'Year', role: 'period' },
      { name: 'Value', role: 'value' },
    ]);
  });

  it('reads the sample files\u2019 header', () => {
    expect(guessLongColumns(['entity_id', 'entity_name', 'indicator_id', 'period', 'value'])).toEqual([
      { name: 'entity_id', role: 'entity' },
      { name: 'entity_name', role: 'ignore' },
      { name: 'indicator_id', role: 'indicator' },
      { name: 'period', role: 'period' },
      { name: 'value', role: 'value' },
    ]);
  });

  it('gives a role to the first matching column only; later duplicates are ignored', () => {
    expect(guessLongColumns(['地区', 'Region', '年份', 'Year', '数值'])).toEqual([
      { name: '地区', role: 'entity' },
      { name: 'Region', role: 'ignore' },
      { name: '年份', role: 'period' },
      { name: 'Year', role: 'ignore' },
      { name: '数值', role: 'value' },
    ]);
  });

  it('trims names and keeps one mapping per header, in order', () => {
    const result = guessLongColumns([' 地区 ', '指标', '时间', '数据', '单位', '']);
    expect(result.map((c) => c.name)).toEqual(['地区', '指标', '时间', '数据', '单位', '']);
    expect(result.map((c) => c.role)).toEqual(['entity', 'indicator', 'period', 'value', 'unit', 'ignore']);
  });
});
