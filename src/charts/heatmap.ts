import { roundTo } from '../format/number';
import type { EChartsCoreOption } from 'echarts/core';
import { INK, MUTED } from './theme';
import type { ThemeName } from './theme';
import { tooltipElement } from './tooltip';

export interface HeatmapCell {
  score: number;
  /** Shown on hover beside the score: the value with its unit and period. */
  detail: string;
}

export interface HeatmapInput {
  rows: readonly { id: string; name: string }[];
  columns: readonly { id: string; name: string }[];
  /** cells.get(`${rowId}|${columnId}`); a missing key is an empty cell, not a zero. */
  cells: ReadonlyMap<string, HeatmapCell>;
  theme: ThemeName;
  scoreLabel: string;
}

// A sequential blue ramp (light to dark): readable by red–green colour-blind viewers, and every
// cell also prints its score, so colour is never the only carrier.
export const HEAT_COLORS = ['#eef4fb', '#c6dbef', '#85bcdb', '#4292c6', '#1c5fa3', '#0b3b73'];
/** Scores from which a cell is dark enough for a white label. */
const DARK_FROM = 55;

export function heatmapPointCount(input: Pick<HeatmapInput, 'rows' | 'columns' | 'cells'>): number {
  let n = 0;
  for (const r of input.rows) for (const c of input.columns) if (input.cells.has(`${r.id}|${c.id}`)) n++;
  return n;
}

/** Entities down, indicators across, each cell coloured and labelled by its indicator score (0–100). */
export function buildHeatmapOption(input: HeatmapInput): EChartsCoreOption {
  const big = input.theme === 'dark';
  // Cells on the dark end of the ramp carry white labels. Two series rather than a label option on
  // each of hundreds of cells: ECharts builds a model per item that has options of its own, and
  // that made the heatmap the slowest chart of the overview.
  const light: [number, number, number][] = [];
  const dark: [number, number, number][] = [];
  input.rows.forEach((r, y) =>
    input.columns.forEach((c, x) => {
      const cell = input.cells.get(`${r.id}|${c.id}`);
      if (cell) (cell.score >= DARK_FROM ? dark : light).push([x, y, roundTo(cell.score, 1)]);
    }),
  );
  const cells = (data: [number, number, number][], color: string) => ({
    type: 'heatmap',
    data,
    label: { show: true, color, fontSize: big ? 16 : 12, formatter: (p: { value: [number, number, number] }) => String(Math.round(p.value[2])) },
    itemStyle: { borderColor: big ? '#111a24' : '#ffffff', borderWidth: 2 },
    emphasis: { itemStyle: { borderColor: INK[input.theme], borderWidth: 2 } },
  });
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const [x, y, score] = (p as { value: [number, number, number] }).value;
        const row = input.rows[y];
        const column = input.columns[x];
        const cell = row && column ? input.cells.get(`${row.id}|${column.id}`) : undefined;
        return tooltipElement(`${row?.name ?? ''} · ${column?.name ?? ''}`, [
          { label: input.scoreLabel, value: String(score) },
          { label: '', value: cell?.detail ?? '' },
        ]);
      },
    },
    xAxis: {
      type: 'category',
      data: input.columns.map((c) => c.name),
      position: 'top',
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, rotate: input.columns.length > 8 ? 35 : 0, fontSize: big ? 16 : 12, color: MUTED[input.theme], width: 90, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: input.rows.map((r) => r.name),
      inverse: true,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: big ? 18 : 12, color: MUTED[input.theme], width: big ? 240 : 160, overflow: 'truncate' },
    },
    visualMap: { show: false, min: 0, max: 100, dimension: 2, inRange: { color: HEAT_COLORS } },
    series: [cells(light, INK.light), cells(dark, '#ffffff')],
  };
}
