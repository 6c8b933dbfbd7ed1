import { describe, expect, it } from 'vitest';
import { buildHeatmapOption } from '../../../src/charts/heatmap';
import { buildRankingOption } from '../../../src/charts/ranking';
import { scaleForScreen, screenUnit } from '../../../src/charts/screen-scale';
import { buildTrendOption } from '../../../src/charts/trend';

/** Every fontSize anywhere in an option. */
function fontSizes(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) fontSizes(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'fontSize' && typeof v === 'number') out.push(v);
      else fontSizes(v, out);
    }
  return out;
}

const trend = buildTrendOption({
  periods: ['2023', '2024'],
  series: [{ id: 'a', name: '东湖区', values: new Map([['2023', 1], ['2024', 2]]) }],
  unit: '%',
  decimals: 1,
  target: 3,
  targetLabel: '目标 3.0%',
  locale: 'zh-CN',
  theme: 'dark',
  periodLabel: (p) => p,
});

describe('charts sized for the screen', () => {
  it('the type unit is 1.8% of the height and never under 18 px', () => {
    expect(screenUnit(768)).toBe(18);
    expect(screenUnit(1080)).toBeCloseTo(19.44);
    expect(screenUnit(2160)).toBeCloseTo(38.88);
  });

  it('raises every font to the minimum, then scales it with the screen', () => {
    const heatmap = buildHeatmapOption({ rows: [{ id: 'a', name: '东湖区' }], columns: [{ id: 'x', name: '指标' }], cells: new Map(), theme: 'dark', scoreLabel: '得分' });
    expect(Math.min(...fontSizes(heatmap))).toBe(16);
    expect(Math.min(...fontSizes(scaleForScreen(heatmap, { scale: 1, minFont: 18 })))).toBe(18);
    const at1080 = scaleForScreen(trend, { scale: 1.08, minFont: 18 });
    expect(Math.min(...fontSizes(at1080))).toBeGreaterThanOrEqual(19.4);
    const at2160 = scaleForScreen(trend, { scale: 2.16, minFont: 18 });
    expect(Math.min(...fontSizes(at2160))).toBeGreaterThanOrEqual(38.8);
    // Text with no size of its own takes the unit as well.
    expect((at2160 as { textStyle: { fontSize: number } }).textStyle.fontSize).toBeCloseTo(38.9, 1);
  });

  it('turns off tooltips and scales strokes and the grid, leaving data and formatters alone', () => {
    const ranking = buildRankingOption({
      rows: [{ id: 'a', name: '东湖区', value: 90 }],
      direction: 1,
      unit: '%',
      decimals: 1,
      target: 95,
      targetLabel: '目标',
      locale: 'zh-CN',
      theme: 'dark',
    }) as Record<string, unknown>;
    const scaled = scaleForScreen(ranking, { scale: 2, minFont: 18 }) as Record<string, unknown>;
    expect(scaled.tooltip).toEqual({ show: false });
    const series = (scaled.series as Record<string, unknown>[])[0]!;
    const original = (ranking.series as Record<string, unknown>[])[0]!;
    expect(series.data).toBe(original.data);
    expect(series.barMaxWidth).toBe((original.barMaxWidth as number) * 2);
    expect((series.label as { formatter: unknown }).formatter).toBe((original.label as { formatter: unknown }).formatter);
    expect(((series.markLine as { lineStyle: { width: number } }).lineStyle.width)).toBe(6);
    expect((scaled.grid as { right: number }).right).toBe(((ranking.grid as { right: number }).right) * 2);
  });

  it('wraps long labels instead of cutting them', () => {
    const heatmap = buildHeatmapOption({
      rows: [{ id: 'a', name: '东湖区' }],
      columns: Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, name: '村(社区)法律服务覆盖率' })),
      cells: new Map(),
      theme: 'dark',
      scoreLabel: '得分',
    });
    const label = (scaleForScreen(heatmap, { scale: 1, minFont: 18 }) as { xAxis: { axisLabel: { overflow: string; width: number } } }).xAxis.axisLabel;
    expect(label.overflow).toBe('break');
    expect(label.width).toBeGreaterThan(90);
  });
});
