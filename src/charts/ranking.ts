import type { EChartsCoreOption } from 'echarts/core';
import type { Locale } from '../format/number';
import { formatValue } from '../format/number';
import { MUTED, PALETTE, PALETTE_DARK, TARGET } from './theme';
import type { ThemeName } from './theme';
import { niceCeil } from './scale';
import { tooltipElement } from './tooltip';

export interface RankingRow {
  id: string;
  name: string;
  value: number;
  /** Shown after the name when the entity's latest value is older than the selected period. */
  periodNote?: string;
}

export interface RankingInput {
  rows: readonly RankingRow[];
  /** 1: higher is better (largest first); -1: lower is better (smallest first). */
  direction: 1 | -1;
  unit: string;
  decimals: number;
  target: number | null;
  targetLabel: string;
  locale: Locale;
  theme: ThemeName;
  highlightId?: string;
}

/** Best first, as a leader reads a league table; ties keep name order so the chart is stable. */
export function rankRows(rows: readonly RankingRow[], direction: 1 | -1): RankingRow[] {
  return [...rows].sort((a, b) => (b.value - a.value) * direction || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Horizontal bars ranked best first, value labels at the bar ends, rank numbers in the labels. */
export function buildRankingOption(input: RankingInput): EChartsCoreOption {
  const big = input.theme === 'dark';
  const ranked = rankRows(input.rows, input.direction);
  // ECharts draws the first category at the bottom; reverse so rank 1 is on top.
  const ordered = [...ranked].reverse();
  const palette = big ? PALETTE_DARK : PALETTE;
  const axisMax = niceCeil(Math.max(0, ...ranked.map((r) => r.value), input.target ?? 0), input.unit);
  // Long bars carry their value inside (clear of the target line); short ones just past the end.
  const inside = (value: number) => axisMax > 0 && value / axisMax > 0.25;
  const labelOf = (row: RankingRow) => `${ranked.indexOf(row) + 1}. ${row.name}${row.periodNote ? ` (${row.periodNote})` : ''}`;
  return {
    animation: false,
    grid: { left: 8, right: big ? 40 : 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const row = ordered[(p as { dataIndex: number }).dataIndex];
        return tooltipElement(row ? labelOf(row) : '', row ? [{ label: '', value: formatValue(row.value, input.decimals, input.unit, input.locale) }] : []);
      },
    },
    xAxis: {
      type: 'value',
      scale: false,
      axisLabel: { fontSize: big ? 18 : 12 },
      max: axisMax,
    },
    yAxis: {
      type: 'category',
      data: ordered.map(labelOf),
      // A box for the names: one very long name must not squeeze the bars to nothing.
      axisLabel: { fontSize: big ? 18 : 13, color: MUTED[input.theme], width: big ? 320 : 200, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: ordered.map((row) => ({
          value: row.value,
          itemStyle: { color: row.id === input.highlightId ? palette[1] : palette[0], borderRadius: [0, 3, 3, 0] },
          label: inside(row.value) ? { position: 'insideRight', color: '#ffffff' } : { position: 'right', color: MUTED[input.theme] },
        })),
        barMaxWidth: big ? 36 : 22,
        label: {
          show: true,
          fontSize: big ? 18 : 12,
          fontWeight: 600,
          formatter: (p: { value: number }) => formatValue(p.value, input.decimals, input.unit, input.locale),
        },
        ...(input.target !== null
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: TARGET[input.theme], type: 'dashed', width: big ? 3 : 2 },
                label: { formatter: input.targetLabel, position: 'end', color: TARGET[input.theme], fontSize: big ? 16 : 12 },
                data: [{ xAxis: input.target }],
              },
            }
          : {}),
      },
    ],
  };
}
