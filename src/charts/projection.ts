import type { EChartsCoreOption } from 'echarts/core';
import { formatValue, type Locale } from '../format/number';
import { periodX } from '../scoring/trend';
import { niceCeil } from './scale';
import { PALETTE, PALETTE_DARK, TARGET, type ThemeName } from './theme';
import { tooltipElement } from './tooltip';

export interface ProjectionInput {
  name: string;
  points: readonly { period: string; value: number }[];
  target: number | null;
  targetYear: number | null;
  /** The fitted line's value at the target year, drawn dashed from the latest point. */
  projection: { atX: number; value: number } | null;
  unit: string;
  decimals: number;
  locale: Locale;
  theme: ThemeName;
  targetLabel: string;
  projectionLabel: string;
  periodLabel: (period: string) => string;
}

/** One entity's indicator over time on a year axis, with its target and where the trend leads. */
export function buildProjectionOption(input: ProjectionInput): EChartsCoreOption {
  const big = input.theme === 'dark';
  const palette = big ? PALETTE_DARK : PALETTE;
  const data = input.points.map((p) => [periodX(p.period), p.value, p.period] as [number, number, string]);
  const last = data[data.length - 1];
  const xs = [...data.map((d) => d[0]), ...(input.projection ? [input.projection.atX] : [])];
  const top = Math.max(...data.map((d) => d[1]), input.target ?? -Infinity, input.projection?.value ?? -Infinity);
  const fmt = (v: number) => formatValue(v, input.decimals, input.unit, input.locale);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data: [number, number, string?]; seriesId: string }).data;
        const isProjection = (p as { seriesId: string }).seriesId === 'projection';
        return tooltipElement(isProjection ? input.projectionLabel : input.periodLabel(d[2] ?? String(d[0])), [{ label: input.name, value: fmt(d[1]) }]);
      },
    },
    xAxis: {
      type: 'value',
      min: Math.floor(Math.min(...xs)),
      max: Math.ceil(Math.max(...xs)),
      minInterval: 1,
      axisLabel: { formatter: (v: number) => String(Math.round(v)), fontSize: big ? 16 : 12 },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', scale: true, max: top > 0 && input.unit === '%' && top <= 100 ? Math.min(100, niceCeil(top)) : undefined, axisLabel: { fontSize: big ? 16 : 12 } },
    series: [
      {
        id: 'actual',
        type: 'line',
        data,
        symbolSize: big ? 8 : 5,
        lineStyle: { width: big ? 3 : 2, color: palette[0] },
        itemStyle: { color: palette[0] },
        ...(input.target !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: TARGET[input.theme], type: 'dashed', width: 1.5 },
                label: { formatter: input.targetLabel, position: 'insideEndTop', color: TARGET[input.theme], fontSize: big ? 15 : 12 },
                data: [{ yAxis: input.target }],
              },
            }
          : {}),
      },
      ...(input.projection && last
        ? [
            {
              id: 'projection',
              type: 'line',
              data: [
                [last[0], last[1]],
                [input.projection.atX, input.projection.value],
              ],
              symbol: ['none', 'diamond'],
              symbolSize: big ? 12 : 8,
              lineStyle: { type: 'dotted', width: 2, color: palette[1] },
              itemStyle: { color: palette[1] },
            },
          ]
        : []),
    ],
  };
}
