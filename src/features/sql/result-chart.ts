import type { EChartsCoreOption } from 'echarts/core';
import { tooltipElement } from '../../charts/tooltip';
import type { SqlColumn } from './run-query';

/**
 * A chart of a query's result, picked from its column types: numbers over time as lines, numbers
 * by category as bars, two numbers against each other as a scatter. A second text column splits
 * the numbers into one series per value (`entity_name, period, value` gives a line per entity).
 */
export type ResultChartKind = 'line' | 'bar' | 'scatter';

export interface ResultChartPlan {
  x: number;
  /** Columns drawn as series, by index. */
  ys: number[];
  /** A text column whose values become the series, or -1. */
  split: number;
}

/** Series beyond this many are left out of the drawing (and said so): a legend of hundreds helps no one. */
export const MAX_SERIES = 20;

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)/;
const TEMPORAL_TYPE = /^(DATE|TIMESTAMP|TIME)/;
const TEMPORAL_NAME = /(period|year|month|quarter|date|time|年|月|季|期)/i;

export const isNumeric = (c: SqlColumn) => NUMERIC.test(c.type);
const isTemporal = (c: SqlColumn) => TEMPORAL_TYPE.test(c.type) || (!isNumeric(c) && TEMPORAL_NAME.test(c.name)) || (/^(year|年份?)$/i.test(c.name) && isNumeric(c));

/** The kind the columns suggest, or null when there is nothing to draw (no number column). */
export function suggestKind(columns: readonly SqlColumn[]): ResultChartKind | null {
  const numbers = columns.filter(isNumeric);
  if (numbers.length === 0) return null;
  if (columns.some(isTemporal)) return 'line';
  if (columns.every(isNumeric) && numbers.length >= 2) return 'scatter';
  return 'bar';
}

/** Which columns a chart of `kind` draws; null when the result cannot be drawn so. */
export function planChart(columns: readonly SqlColumn[], kind: ResultChartKind): ResultChartPlan | null {
  const index = columns.map((c, i) => ({ c, i }));
  const numbers = index.filter(({ c }) => isNumeric(c));
  if (numbers.length === 0) return null;
  if (kind === 'scatter') {
    if (numbers.length < 2) return null;
    const text = index.find(({ c }) => !isNumeric(c));
    return { x: (numbers[0] as { i: number }).i, ys: [(numbers[1] as { i: number }).i], split: text?.i ?? -1 };
  }
  // The x axis: a time column for lines, else the first column that is not a measure.
  const temporal = index.find(({ c }) => isTemporal(c));
  const firstText = index.find(({ c }) => !isNumeric(c));
  const x = kind === 'line' && temporal ? temporal : (firstText ?? temporal ?? numbers[0]);
  if (!x) return null;
  // A year held as a number is an axis, not a measure.
  const measures = numbers.filter(({ i, c }) => i !== x.i && !isTemporal(c));
  const ys = (measures.length > 0 ? measures : numbers.filter(({ i }) => i !== x.i)).map(({ i }) => i);
  if (ys.length === 0) return null;
  const split = index.find(({ c, i }) => i !== x.i && !isNumeric(c));
  // Split into series only with one measure: a series per (value × measure) would be unreadable.
  return { x: x.i, ys, split: split && ys.length === 1 ? split.i : -1 };
}

export interface ResultChart {
  option: EChartsCoreOption;
  /** Values drawn, for `data-points`. */
  points: number;
  /** Series the result had beyond MAX_SERIES, not drawn. */
  seriesLeftOut: number;
  seriesNames: string[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);

/** The ECharts option for `rows` drawn as `kind` by `plan`. Names from the data are text, never markup. */
export function buildResultChart(columns: readonly SqlColumn[], rows: readonly (readonly unknown[])[], kind: ResultChartKind, plan: ResultChartPlan, format: (v: number) => string): ResultChart {
  const xName = (columns[plan.x] as SqlColumn).name;
  type Series = { name: string; points: Map<string, number> | [number, number][] };
  const series = new Map<string, Series>();
  const categories: string[] = [];
  const seen = new Set<string>();
  const seriesFor = (name: string, scatter: boolean): Series | null => {
    let s = series.get(name);
    if (!s) {
      if (series.size >= MAX_SERIES) return null;
      series.set(name, (s = { name, points: scatter ? [] : new Map() }));
    }
    return s;
  };
  const dropped = new Set<string>();
  for (const row of rows) {
    for (const y of plan.ys) {
      const name = plan.split >= 0 ? text(row[plan.split]) : (columns[y] as SqlColumn).name;
      const value = num(row[y]);
      if (value === null) continue;
      const s = seriesFor(name, kind === 'scatter');
      if (!s) {
        dropped.add(name);
        continue;
      }
      if (kind === 'scatter') {
        const xValue = num(row[plan.x]);
        if (xValue !== null) (s.points as [number, number][]).push([xValue, value]);
      } else {
        const category = text(row[plan.x]);
        if (!seen.has(category)) {
          seen.add(category);
          categories.push(category);
        }
        (s.points as Map<string, number>).set(category, value);
      }
    }
  }
  if (kind === 'line' && TEMPORAL_TYPE.test((columns[plan.x] as SqlColumn).type) === false) categories.sort();
  const list = [...series.values()];
  const points = list.reduce((n, s) => n + (Array.isArray(s.points) ? s.points.length : s.points.size), 0);
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: list.length > 1 ? 150 : 24, top: 30, bottom: 8, containLabel: true },
    legend: list.length > 1 ? { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { width: 120, overflow: 'truncate' } } : { show: false },
    tooltip: {
      trigger: kind === 'scatter' ? 'item' : 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]) as { seriesName: string; value: number | [number, number] | null; color: string; name: string }[];
        if (kind === 'scatter') {
          const p = items[0];
          const [vx, vy] = (p?.value ?? [0, 0]) as [number, number];
          return tooltipElement(p?.seriesName ?? '', [{ label: xName, value: format(vx) }, { label: (columns[plan.ys[0] as number] as SqlColumn).name, value: format(vy), color: p?.color }]);
        }
        const lines = items.filter((p) => typeof p.value === 'number').map((p) => ({ label: p.seriesName, value: format(p.value as number), color: p.color }));
        return tooltipElement(items[0]?.name ?? '', lines);
      },
    },
    xAxis: kind === 'scatter' ? { type: 'value', scale: true, name: xName, nameLocation: 'middle', nameGap: 28 } : { type: 'category', data: categories, boundaryGap: kind === 'bar', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: kind !== 'bar', name: kind === 'scatter' ? (columns[plan.ys[0] as number] as SqlColumn).name : list.length === 1 ? (list[0] as Series).name : '' },
    series: list.map((s) => ({
      name: s.name,
      type: kind,
      data: Array.isArray(s.points) ? s.points : categories.map((c) => (s.points as Map<string, number>).get(c) ?? null),
      ...(kind === 'line' ? { connectNulls: false, showSymbol: categories.length <= 40 } : {}),
      ...(kind === 'scatter' ? { symbolSize: 7 } : {}),
      ...(kind === 'bar' && list.length === 1 ? { barMaxWidth: 48 } : {}),
    })),
  };
  return { option, points, seriesLeftOut: dropped.size, seriesNames: list.map((s) => s.name) };
}
