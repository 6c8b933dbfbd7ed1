import { buildRankingOption, rankRows } from '../../charts/ranking';
import { buildTrendOption, seriesByEntity, trendPointCount, trendTable } from '../../charts/trend';
import { flagLabel } from '../../format/flag';
import { formatChange, formatValue } from '../../format/number';
import { periodLabel } from '../../format/period';
import { compareRows, sinceStart, withinYears, type CompareRow } from '../../queries/compare';
import type { IndicatorInfo } from '../../queries/indicators';
import type { SeriesPoint } from '../../queries/series';
import type { ChartModel } from '../../ui/charts/chart-table';
import { describeLines, describeRanking, trendLines } from '../../ui/charts/describe';
import { nameIn, type Labels } from '../../ui/labels';

// Compare as data: one indicator, any entities, a year range, in five ways to look.

/** The values of one indicator for the entities compared, as queried. */
export interface CompareSeries {
  indicatorId: string;
  points: SeriesPoint[];
}

export interface CompareInput {
  indicators: readonly IndicatorInfo[];
  series: CompareSeries | null;
  fromYear: number;
  toYear: number;
  /** Change since the start instead of the values. */
  change: boolean;
  labels: Labels;
  datasetNames: (ids: readonly string[]) => string;
}

export interface CompareModel {
  indicator: IndicatorInfo;
  title: string;
  rows: CompareRow[];
  line: ChartModel;
  bar: ChartModel;
  slope: ChartModel;
  multiples: { id: string; chart: ChartModel }[];
}

function trendChart(i: IndicatorInfo, input: CompareInput, points: readonly SeriesPoint[], periods: string[], label: (p: string) => string) {
  const { labels } = input;
  const chart = {
    periods,
    series: seriesByEntity(points),
    unit: i.unit,
    decimals: i.decimals,
    target: input.change ? null : i.target,
    targetLabel: i.target !== null ? labels.t('chart.target', { value: formatValue(i.target, i.decimals, i.unit, labels.locale) }) : '',
    locale: labels.locale,
    theme: 'light' as const,
    periodLabel: label,
    flagLabel: (f: string) => flagLabel(f, labels.t),
  };
  return { option: buildTrendOption(chart), points: trendPointCount(chart), lines: chart.series };
}

/** Everything compare shows, for the indicator whose values are in hand; null before any arrive. */
export function buildCompare(input: CompareInput): CompareModel | null {
  const { labels, series } = input;
  const i = series ? input.indicators.find((x) => x.indicator_id === series.indicatorId) : undefined;
  if (!series || !i || series.points.length === 0) return null;
  const t = labels.t;
  const label = (p: string) => periodLabel(p, t);
  const ranged = withinYears(series.points, input.fromYear, input.toYear);
  const inRange = input.change ? sinceStart(ranged) : ranged;
  const rows = compareRows(series.points, input.fromYear, input.toYear);
  const periods = [...new Set(inRange.map((p) => p.period))].sort();
  const title = `${nameIn(i, labels.locale)}${input.change ? ` · ${t('compare.changeMode')}` : ''}`;
  const source = t('overview.source', { sources: input.datasetNames(i.dataset_ids.split(',')) });

  // In change mode every value is a change since the start: signed, in points for rates.
  const fmt = (v: number) => (input.change ? formatChange(v, i.decimals, i.unit, labels.locale) : formatValue(v, i.decimals, i.unit, labels.locale));
  const target = input.change ? null : i.target;
  const line = trendChart(i, input, inRange, periods, label);
  const lineModel: ChartModel = {
    title,
    source,
    option: line.option,
    points: line.points,
    table: trendTable(periods, line.lines, t('overview.period'), label),
    description: describeLines(trendLines(periods, line.lines), fmt, labels, label, target),
  };

  const ranked = rows.map((r) => ({ id: r.entityId, name: r.name, value: input.change ? r.change : r.end }));
  const barModel: ChartModel = {
    title: `${title} · ${input.toYear}`,
    source,
    option: buildRankingOption({ rows: ranked, direction: i.direction, unit: i.unit, decimals: i.decimals, target: input.change ? null : i.target, targetLabel: '', locale: labels.locale, theme: 'light' }),
    points: ranked.length,
    table: { columns: ['#', t('compare.entity'), title], rows: rankRows(ranked, i.direction).map((r, n) => [n + 1, r.name, r.value]) },
    description: describeRanking(rankRows(ranked, i.direction), fmt, labels, target),
  };

  const ends = rows.flatMap((r) => [
    { entity_id: r.entityId, name: r.name, period: 'start', value: input.change ? 0 : r.start },
    { entity_id: r.entityId, name: r.name, period: 'end', value: input.change ? r.change : r.end },
  ]);
  const first = rows[0];
  const slopeLabel = (p: string) => (p === 'start' ? `${t('compare.start')} ${first ? label(first.startPeriod) : ''}` : `${t('compare.end')} ${first ? label(first.endPeriod) : ''}`);
  const slope = trendChart(i, input, ends, ['start', 'end'], slopeLabel);
  const slopeModel: ChartModel = {
    title: `${title} · ${t('compare.start')} → ${t('compare.end')}`,
    source,
    option: slope.option,
    points: slope.points,
    table: { columns: [t('compare.entity'), t('compare.start'), t('compare.end')], rows: rows.map((r) => [r.name, input.change ? 0 : r.start, input.change ? r.change : r.end]) },
    description: describeLines(trendLines(['start', 'end'], slope.lines), fmt, labels, slopeLabel, target),
  };

  const multiples = line.lines.map((s) => {
    const own = trendChart(i, input, inRange.filter((p) => p.entity_id === s.id), periods, label);
    const chart: ChartModel = {
      title: s.name,
      source,
      option: own.option,
      points: own.points,
      table: trendTable(periods, [{ ...s, name: title }], t('overview.period'), label),
      description: describeLines(trendLines(periods, [s]), fmt, labels, label, target),
    };
    return { id: s.id, chart };
  });

  return { indicator: i, title, rows, line: lineModel, bar: barModel, slope: slopeModel, multiples };
}
