import { describe, expect, it } from 'vitest';
import { buildHeatmapOption, heatmapPointCount, HEAT_COLORS, type HeatmapInput } from '../../../src/charts/heatmap';

const input: HeatmapInput = {
  rows: [{ id: 'd1', name: '东湖区' }, { id: 'd2', name: '西城区' }],
  columns: [{ id: 'a', name: '群众满意度' }, { id: 'b', name: '网办率' }],
  cells: new Map([
    ['d1|a', { score: 97.26, detail: '92.3% · 2025 下半年' }],
    ['d1|b', { score: 40, detail: '36%' }],
    ['d2|a', { score: 60, detail: '57%' }],
  ]),
  theme: 'light',
  scoreLabel: '得分',
};

type Option = {
  xAxis: { data: string[] };
  yAxis: { data: string[]; inverse: boolean };
  visualMap: { min: number; max: number; inRange: { color: string[] } };
  series: { type: string; data: [number, number, number][]; label: { color: string } }[];
};

describe('buildHeatmapOption', () => {
  const o = buildHeatmapOption(input) as unknown as Option;

  it('puts entities down and indicators across, first entity on top', () => {
    expect(o.yAxis.data).toEqual(['东湖区', '西城区']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.xAxis.data).toEqual(['群众满意度', '网办率']);
  });

  it('draws a cell per value and leaves missing cells empty, not zero', () => {
    const cells = o.series.flatMap((s) => s.data).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    expect(cells).toEqual([
      [0, 0, 97.3],
      [1, 0, 40],
      [0, 1, 60],
    ]);
    expect(heatmapPointCount(input)).toBe(3);
  });

  it('scales colour over 0–100 and keeps labels readable on dark cells', () => {
    expect(o.visualMap).toMatchObject({ min: 0, max: 100, inRange: { color: HEAT_COLORS } });
    // Light cells carry dark labels, dark cells (score 55 and up) white ones.
    expect(o.series.map((s) => [s.type, s.label.color, s.data.map((d) => d[2])])).toEqual([
      ['heatmap', '#1f2933', [40]],
      ['heatmap', '#ffffff', [97.3, 60]],
    ]);
  });
});
