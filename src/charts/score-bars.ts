import { roundTo } from '../format/number';
import type { EChartsCoreOption } from 'echarts/core';
import { MUTED, PALETTE, PALETTE_DARK, type ThemeName } from './theme';
import { tooltipElement } from './tooltip';

export interface ScoreBarsInput {
  indicators: readonly { id: string; name: string }[];
  own: ReadonlyMap<string, number>;
  average: ReadonlyMap<string, number>;
  ownLabel: string;
  averageLabel: string;
  theme: ThemeName;
}

/** Indicator scores of one entity beside its peers' average, as paired horizontal bars. */
export function buildScoreBarsOption(input: ScoreBarsInput): EChartsCoreOption {
  const big = input.theme === 'dark';
  const palette = big ? PALETTE_DARK : PALETTE;
  const rows = [...input.indicators].reverse();
  const value = (m: ReadonlyMap<string, number>, id: string) => {
    const v = m.get(id);
    return v === undefined ? null : roundTo(v, 1);
  };
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 28, bottom: 4, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: big ? 16 : 12 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (p: unknown) => {
        const items = p as { seriesName: string; value: number | null; color: string; dataIndex: number }[];
        const row = rows[items[0]?.dataIndex ?? 0];
        return tooltipElement(row?.name ?? '', items.map((i) => ({ label: i.seriesName, value: i.value === null ? '—' : String(i.value), color: i.color })));
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontSize: big ? 16 : 12 } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisTick: { show: false }, axisLabel: { fontSize: big ? 16 : 12, color: MUTED[input.theme], width: 120, overflow: 'truncate' } },
    series: [
      { name: input.ownLabel, type: 'bar', data: rows.map((r) => value(input.own, r.id)), itemStyle: { color: palette[0] }, barMaxWidth: 12, label: { show: true, position: 'right', fontSize: big ? 14 : 12 } },
      { name: input.averageLabel, type: 'bar', data: rows.map((r) => value(input.average, r.id)), itemStyle: { color: '#b7c3d0' }, barMaxWidth: 12 },
    ],
  };
}
