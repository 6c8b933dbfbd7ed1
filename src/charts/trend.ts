import type { EChartsCoreOption } from 'echarts/core';
import type { Locale } from '../format/number';
import { formatValue } from '../format/number';
import { TARGET } from './theme';
import type { ThemeName } from './theme';
import { niceCeil } from './scale';
import { tooltipElement } from './tooltip';
import type { ChartTable } from '../ui/charts/chart-table';

export interface TrendSeries {
  id: string;
  name: string;
  /** Values by period; a period with no value is a gap, not a zero. */
  values: ReadonlyMap<string, number>;
  /** The publisher's flags by period (`p` provisional), where a value has one. */
  flags?: ReadonlyMap<string, string>;
}

export interface TrendInput {
  periods: readonly string[];
  series: readonly TrendSeries[];
  unit: string;
  decimals: number;
  target: number | null;
  targetLabel: string;
  locale: Locale;
  theme: ThemeName;
  /** Entity drawn thicker, e.g. the city among its districts. */
  emphasisId?: string;
  /** Display label of a period (`2023H1` → `2023 上半年`). */
  periodLabel: (period: string) => string;
  /** A flag in words, for tooltips (`p` → `p 临时数据`); the flag as written without it. */
  flagLabel?: (flag: string) => string;
}

/** Count of values drawn, for `data-points` and the table view. */
/** One line per entity from points in any order, in the order entities first appear; names from the points unless given. */
export function seriesByEntity(
  points: readonly { entity_id: string; period: string; value: number; name?: string; flag?: string | null }[],
  nameOf: (entityId: string) => string | undefined = () => undefined,
): TrendSeries[] {
  const byEntity = new Map<string, { id: string; name: string; values: Map<string, number>; flags: Map<string, string> }>();
  for (const p of points) {
    let s = byEntity.get(p.entity_id);
    if (!s) byEntity.set(p.entity_id, (s = { id: p.entity_id, name: p.name ?? nameOf(p.entity_id) ?? p.entity_id, values: new Map(), flags: new Map() }));
    s.values.set(p.period, p.value);
    if (p.flag) s.flags.set(p.period, p.flag);
  }
  return [...byEntity.values()];
}

/** The numbers of a trend chart as its table view and CSV show them: a row per period, a column per line, flags beside. */
export function trendTable(periods: readonly string[], series: readonly TrendSeries[], periodHeader: string, label: (period: string) => string): ChartTable {
  const flagged = series.some((s) => (s.flags?.size ?? 0) > 0);
  return {
    columns: [periodHeader, ...series.map((s) => s.name)],
    rows: periods.map((p) => [label(p), ...series.map((s) => s.values.get(p) ?? null)]),
    ...(flagged ? { flags: periods.map((p) => [null, ...series.map((s) => s.flags?.get(p) ?? null)]) } : {}),
  };
}

export function trendPointCount(input: Pick<TrendInput, 'periods' | 'series'>): number {
  return input.series.reduce((n, s) => n + input.periods.filter((p) => s.values.has(p)).length, 0);
}

/** Lines over time, one per entity, with the target as a dashed line labelled in words. */
export function buildTrendOption(input: TrendInput): EChartsCoreOption {
  const big = input.theme === 'dark';
  const labels = input.periods.map(input.periodLabel);
  const series = input.series.map((s, i) => ({
    id: s.id,
    name: s.name,
    type: 'line',
    data: input.periods.map((p) => s.values.get(p) ?? null),
    connectNulls: false,
    showSymbol: input.periods.length <= 24,
    symbolSize: big ? 9 : 6,
    lineStyle: { width: s.id === input.emphasisId ? (big ? 5 : 3.5) : big ? 3 : 2 },
    z: s.id === input.emphasisId ? 3 : 2,
    emphasis: { focus: 'series' },
    ...(i === 0 && input.target !== null
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: TARGET[input.theme], type: 'dashed', width: big ? 3 : 2 },
            label: { formatter: input.targetLabel, position: 'insideEndTop', color: TARGET[input.theme], fontSize: big ? 18 : 12 },
            data: [{ yAxis: input.target }],
          },
        }
      : {}),
  }));
  return {
    animation: false,
    // The legend stands at the right, one entity per line, so ten districts never wrap or page.
    grid: { left: 8, right: big ? 170 : 112, top: big ? 40 : 28, bottom: 8, containLabel: true },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemGap: big ? 14 : 8,
      itemWidth: big ? 28 : 18,
      textStyle: { fontSize: big ? 18 : 12, width: big ? 120 : 80, overflow: 'truncate' },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { seriesName: string; seriesIndex: number; value: number | null; color: string; dataIndex: number }[];
        const index = items[0]?.dataIndex ?? 0;
        const period = input.periods[index] ?? '';
        const flagOf = (p: { seriesIndex: number }) => {
          const flag = input.series[p.seriesIndex]?.flags?.get(period);
          return flag ? ` (${input.flagLabel ? input.flagLabel(flag) : flag})` : '';
        };
        const lines = items
          .filter((p) => p.value !== null && p.value !== undefined)
          .sort((a, b) => (b.value as number) - (a.value as number))
          .map((p) => ({ label: p.seriesName, value: formatValue(p.value as number, input.decimals, input.unit, input.locale) + flagOf(p), color: p.color }));
        return tooltipElement(labels[index] ?? '', lines);
      },
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true, fontSize: big ? 18 : 12 } },
    yAxis: {
      type: 'value',
      scale: true,
      name: input.unit,
      nameTextStyle: { fontSize: big ? 18 : 12 },
      axisLabel: { fontSize: big ? 18 : 12 },
      // Keep the target line in view, and end the axis on a round number.
      max: (v: { max: number; min: number }) => {
        const top = Math.max(v.max, input.target ?? -Infinity);
        const step = niceCeil(Math.max((top - v.min) / 5, 1e-9));
        return Math.min(Math.ceil(top / step) * step, input.unit === '%' && top <= 100 ? 100 : Infinity);
      },
    },
    series,
  };
}
