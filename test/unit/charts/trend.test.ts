import { describe, expect, it } from 'vitest';
import { buildTrendOption, trendPointCount, seriesByEntity } from '../../../src/charts/trend';
import type { TrendInput } from '../../../src/charts/trend';
import { periodLabel } from '../../../src/format/period';

interface LineSeries {
  id: string;
  name: string;
  type: string;
  data: (number | null)[];
  connectNulls: boolean;
  lineStyle: { width: number };
  markLine?: { label: { formatter: string }; data: { yAxis: number }[]; lineStyle: { type: string } };
}
interface TrendOption {
  series: LineSeries[];
  xAxis: { type: string; data: string[] };
  yAxis: { name: string; max?: (v: { max: number; min: number }) => number };
}

const option = (input: TrendInput) => buildTrendOption(input) as unknown as TrendOption;

const zhT = (key: string, values?: Record<string, unknown>) => `${key}|${JSON.stringify(values)}`;

function input(overrides: Partial<TrendInput> = {}): TrendInput {
  return {
    periods: ['2021', '2022', '2023'],
    series: [
      { id: 'city', name: '云澜市', values: new Map([['2021', 15], ['2022', 24.5], ['2023', 35]]) },
      { id: 'd01', name: '东湖区', values: new Map([['2021', 12], ['2023', 30]]) },
      { id: 'd02', name: '西山区', values: new Map([['2022', 0], ['2023', 18.2]]) },
    ],
    unit: '%',
    decimals: 1,
    target: 40,
    targetLabel: '目标 40.0%',
    locale: 'zh-CN',
    theme: 'light',
    emphasisId: 'city',
    periodLabel: (p) => `label ${p}`,
    ...overrides,
  };
}

describe('buildTrendOption', () => {
  it('draws one line per series, in the given order', () => {
    const o = option(input());
    expect(o.series.map((s) => [s.id, s.name, s.type])).toEqual([
      ['city', '云澜市', 'line'],
      ['d01', '东湖区', 'line'],
      ['d02', '西山区', 'line'],
    ]);
  });

  it('puts values in period order and leaves gaps as null, never 0', () => {
    const o = option(input());
    expect(o.series[0]?.data).toEqual([15, 24.5, 35]);
    expect(o.series[1]?.data).toEqual([12, null, 30]);
    expect(o.series.every((s) => s.connectNulls === false)).toBe(true);
  });

  it('keeps a real zero as 0', () => {
    expect(option(input()).series[2]?.data).toEqual([null, 0, 18.2]);
  });

  it('follows the periods asked for, ignoring values outside them', () => {
    const o = option(input({ periods: ['2023', '2022'] }));
    expect(o.series[0]?.data).toEqual([35, 24.5]);
    expect(o.xAxis.data).toEqual(['label 2023', 'label 2022']);
  });

  it('draws the target once, as a dashed line at the target value with its label', () => {
    const o = option(input());
    const withTarget = o.series.filter((s) => s.markLine !== undefined);
    expect(withTarget).toHaveLength(1);
    const mark = withTarget[0]?.markLine;
    expect(mark?.data).toEqual([{ yAxis: 40 }]);
    expect(mark?.label.formatter).toBe('目标 40.0%');
    expect(mark?.lineStyle.type).toBe('dashed');
  });

  it('draws no target line when there is no target', () => {
    const o = option(input({ target: null }));
    expect(o.series.some((s) => s.markLine !== undefined)).toBe(false);
    expect(o.yAxis.max?.({ max: 37.2, min: 12 })).toBe(40);
  });

  it('stretches the value axis to show a target above the data, but not below it', () => {
    const max = option(input()).yAxis.max;
    expect(max?.({ max: 35, min: 10 })).toBe(40);
    // Above the target the axis ends on the next round step (10 for a 10–55 range), never past 100%.
    expect(max?.({ max: 55, min: 10 })).toBe(60);
    expect(max?.({ max: 97, min: 60 })).toBe(100);
  });

  it('draws the emphasised series thicker than the others, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const [city, d01, d02] = option(input({ theme })).series.map((s) => s.lineStyle.width);
      expect(city, theme).toBeGreaterThan(d01 ?? Infinity);
      expect(d01, theme).toBe(d02);
    }
  });

  it('makes d01 the thick line when it is the emphasised one', () => {
    const widths = option(input({ emphasisId: 'd01' })).series.map((s) => s.lineStyle.width);
    expect(widths[1]).toBeGreaterThan(widths[0] ?? Infinity);
    expect(widths[0]).toBe(widths[2]);
  });

  it('draws all lines alike when nothing is emphasised', () => {
    const widths = option(input({ emphasisId: undefined })).series.map((s) => s.lineStyle.width);
    expect(new Set(widths).size).toBe(1);
  });

  it('labels the x axis with periodLabel', () => {
    const o = option(input({ periods: ['2023H1', '2023H2'], periodLabel: (p) => periodLabel(p, zhT) }));
    expect(o.xAxis.type).toBe('category');
    expect(o.xAxis.data).toEqual(['period.half1|{"year":"2023"}', 'period.half2|{"year":"2023"}']);
  });

  it('names the value axis with the unit', () => {
    expect(option(input({ unit: '万元' })).yAxis.name).toBe('万元');
  });
});

describe('trendPointCount', () => {
  it('counts the values drawn, not the gaps', () => {
    // city 3 + d01 2 + d02 2 (its 0 counts as a value)
    expect(trendPointCount(input())).toBe(7);
  });

  it('counts only the periods shown', () => {
    expect(trendPointCount(input({ periods: ['2022'] }))).toBe(2);
    expect(trendPointCount(input({ periods: [] }))).toBe(0);
  });

  it('is 0 without series', () => {
    expect(trendPointCount({ periods: ['2023'], series: [] })).toBe(0);
  });
});

describe('seriesByEntity', () => {
  it('makes one line per entity in order of first appearance, each value under its period', () => {
    const lines = seriesByEntity([
      { entity_id: 'b', name: '乙', period: '2024', value: 2 },
      { entity_id: 'a', name: '甲', period: '2023', value: 1 },
      { entity_id: 'b', name: '乙', period: '2023', value: 3 },
    ]);
    expect(lines.map((s) => [s.id, s.name, [...s.values]])).toEqual([
      ['b', '乙', [['2024', 2], ['2023', 3]]],
      ['a', '甲', [['2023', 1]]],
    ]);
  });

  it('names points that carry no name by the lookup, else by their id', () => {
    const lines = seriesByEntity([{ entity_id: 'a', period: '2023', value: 1 }, { entity_id: 'z', period: '2023', value: 2 }], (id) => (id === 'a' ? '甲' : undefined));
    expect(lines.map((s) => s.name)).toEqual(['甲', 'z']);
  });
});
