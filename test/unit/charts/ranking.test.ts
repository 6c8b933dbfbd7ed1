import { describe, expect, it } from 'vitest';
import { buildRankingOption, rankRows } from '../../../src/charts/ranking';
import type { RankingInput, RankingRow } from '../../../src/charts/ranking';

interface BarOption {
  yAxis: { type: string; data: string[] };
  xAxis: { max?: number };
  series: {
    type: string;
    data: { value: number; itemStyle: { color: string } }[];
    markLine?: { label: { formatter: string }; data: { xAxis: number }[] };
  }[];
}

const option = (input: RankingInput) => buildRankingOption(input) as unknown as BarOption;
const bars = (input: RankingInput) => option(input).series[0]?.data ?? [];

const ROWS: RankingRow[] = [
  { id: 'd01', name: '东湖区', value: 88.5 },
  { id: 'd02', name: '西山区', value: 93.1 },
  { id: 'd03', name: '南岭县', value: 76.4 },
  { id: 'd04', name: '北湖区', value: 90 },
];

function input(overrides: Partial<RankingInput> = {}): RankingInput {
  return {
    rows: ROWS,
    direction: 1,
    unit: '%',
    decimals: 1,
    target: 90,
    targetLabel: '目标 90.0%',
    locale: 'zh-CN',
    theme: 'light',
    ...overrides,
  };
}

const names = (rows: readonly RankingRow[]) => rows.map((r) => r.name);

describe('rankRows', () => {
  it('puts the largest first where higher is better', () => {
    expect(names(rankRows(ROWS, 1))).toEqual(['西山区', '北湖区', '东湖区', '南岭县']);
  });

  it('puts the smallest first where lower is better', () => {
    expect(names(rankRows(ROWS, -1))).toEqual(['南岭县', '东湖区', '北湖区', '西山区']);
  });

  it('orders ties by name in Chinese (pinyin) order, whatever the direction', () => {
    // 安 (ān) before 北 (běi), although 北 U+5317 comes before 安 U+5B89 in code points.
    const tied: RankingRow[] = [
      { id: 'x', name: '北湖区', value: 90 },
      { id: 'y', name: '安宁区', value: 90 },
      { id: 'z', name: '城关镇', value: 95 },
    ];
    expect(names(rankRows(tied, 1))).toEqual(['城关镇', '安宁区', '北湖区']);
    expect(names(rankRows(tied, -1))).toEqual(['安宁区', '北湖区', '城关镇']);
  });

  it('does not reorder the caller\u2019s rows', () => {
    const copy = [...ROWS];
    rankRows(copy, 1);
    expect(copy).toEqual(ROWS);
  });
});

describe('buildRankingOption', () => {
  it('lists rank 1 last, because ECharts draws the first category at the bottom', () => {
    expect(option(input()).yAxis.data).toEqual(['4. 南岭县', '3. 东湖区', '2. 北湖区', '1. 西山区']);
  });

  it('ranks the other way where lower is better', () => {
    expect(option(input({ direction: -1 })).yAxis.data).toEqual(['4. 西山区', '3. 北湖区', '2. 东湖区', '1. 南岭县']);
  });

  it('gives each bar the value of its category', () => {
    expect(bars(input()).map((b) => b.value)).toEqual([76.4, 88.5, 90, 93.1]);
  });

  it('adds the period note after the name of an entity with older data', () => {
    const rows = [...ROWS.slice(0, 3), { id: 'd04', name: '北湖区', value: 90, periodNote: '2022 年' }];
    expect(option(input({ rows })).yAxis.data).toContain('2. 北湖区 (2022 年)');
  });

  it('colours the highlighted bar differently from the others', () => {
    const data = bars(input({ highlightId: 'd01' }));
    // d01 (东湖区) is rank 3, the second category from the bottom.
    const highlighted = data[1]?.itemStyle.color;
    const others = [data[0], data[2], data[3]].map((b) => b?.itemStyle.color);
    expect(new Set(others).size).toBe(1);
    expect(highlighted).not.toBe(others[0]);
  });

  it('colours all bars alike without a highlight', () => {
    expect(new Set(bars(input()).map((b) => b.itemStyle.color)).size).toBe(1);
  });

  it('draws the target as a vertical line at the target value, with its label', () => {
    const mark = option(input()).series[0]?.markLine;
    expect(mark?.data).toEqual([{ xAxis: 90 }]);
    expect(mark?.label.formatter).toBe('目标 90.0%');
    // The axis ends on a round number that keeps the target line in view.
    expect(option(input()).xAxis.max).toBe(100);
    expect(option(input({ target: 120, unit: '' })).xAxis.max).toBe(200);
  });

  it('draws no target line when there is no target', () => {
    const o = option(input({ target: null }));
    expect(o.series[0]?.markLine).toBeUndefined();
    expect(o.xAxis.max).toBeGreaterThanOrEqual(Math.max(...ROWS.map((r) => r.value)));
  });

  it('draws one bar series with a category per row', () => {
    const o = option(input());
    expect(o.series).toHaveLength(1);
    expect(o.series[0]?.type).toBe('bar');
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.data).toHaveLength(ROWS.length);
  });
});
