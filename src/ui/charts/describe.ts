import type { TrendSeries } from '../../charts/trend';
import type { Labels } from '../labels';

// What a screen reader hears of a chart: its main figures in a sentence or two, in the words of the
// locale. ECharts' own description reads out every point with its index ("第0个系列…数据是0，78.6"),
// which says nothing to a listener; these say who leads, who trails and how each line moved. The
// whole numbers stay one click away in the table view beside every chart.

/** Lines named one by one up to this many; beyond, the highest and lowest at the end are named. */
export const NAMED_LINES = 5;
/** Leaders a ranking names before its last place. */
export const NAMED_RANKS = 3;

export interface DescribedLine {
  id?: string;
  name: string;
  /** The line's values in period order, gaps left out. */
  points: readonly { period: string; value: number }[];
}

type Format = (value: number) => string;

/** A trend chart's series as lines to describe, in the chart's period order. */
export function trendLines(periods: readonly string[], series: readonly TrendSeries[]): DescribedLine[] {
  return series.map((s) => ({ id: s.id, name: s.name, points: periods.flatMap((period) => (s.values.has(period) ? [{ period, value: s.values.get(period) as number }] : [])) }));
}

/** Sentences run on in Chinese and take a space between them in English. */
export function sentence(parts: readonly string[], labels: Labels): string {
  return parts.filter(Boolean).join(labels.locale === 'en' ? ' ' : '');
}

/** How one line moved, from its first value to its last. */
function movement(line: DescribedLine, fmt: Format, labels: Labels, periodLabel: (p: string) => string): string {
  const { t } = labels;
  const first = line.points[0];
  const last = line.points[line.points.length - 1];
  if (!first || !last) return '';
  if (first === last) return t('describe.single', { name: line.name, value: fmt(last.value), period: periodLabel(last.period) });
  const key = last.value > first.value ? 'describe.rose' : last.value < first.value ? 'describe.fell' : 'describe.held';
  return t(key, { name: line.name, first: fmt(first.value), last: fmt(last.value) });
}

/**
 * Lines over time: their span, how each moved (or, past `NAMED_LINES`, how the lead line moved and
 * which were highest and lowest at the end), the target.
 */
export function describeLines(lines: readonly DescribedLine[], fmt: Format, labels: Labels, periodLabel: (p: string) => string, target: number | null, leadId?: string): string {
  const { t } = labels;
  const drawn = lines.filter((l) => l.points.length > 0);
  if (drawn.length === 0) return t('describe.empty');
  const periods = [...new Set(drawn.flatMap((l) => l.points.map((p) => p.period)))].sort();
  const from = periodLabel(periods[0] ?? '');
  const to = periodLabel(periods[periods.length - 1] ?? '');
  // One period: each value already says which.
  const span = periods.length === 1 ? '' : drawn.length === 1 ? t('describe.oneLine', { from, to }) : t('describe.lines', { count: drawn.length, from, to });
  let body: string;
  if (drawn.length <= NAMED_LINES) body = drawn.map((l) => movement(l, fmt, labels, periodLabel)).join(t('describe.and')) + t('describe.stop');
  else {
    const lead = drawn.find((l) => l.id !== undefined && l.id === leadId);
    const latest = drawn.filter((l) => l !== lead).map((l) => ({ name: l.name, last: l.points[l.points.length - 1] })).filter((l) => l.last?.period === periods[periods.length - 1]);
    const sorted = [...latest].sort((a, b) => (b.last?.value ?? 0) - (a.last?.value ?? 0));
    const high = sorted[0];
    const low = sorted[sorted.length - 1];
    const extremes = high && low ? t('describe.extremes', { period: to, high: `${high.name} ${fmt(high.last?.value ?? 0)}`, low: `${low.name} ${fmt(low.last?.value ?? 0)}` }) : '';
    body = sentence([lead ? movement(lead, fmt, labels, periodLabel) + t('describe.stop') : '', extremes], labels);
  }
  return sentence([span, body, target !== null ? t('describe.target', { target: fmt(target) }) : ''], labels);
}

/** A league table, best first: how many, the leaders and the last place, the target. */
export function describeRanking(ranked: readonly { name: string; value: number }[], fmt: Format, labels: Labels, target: number | null): string {
  const { t } = labels;
  if (ranked.length === 0) return t('describe.empty');
  const place = (r: { name: string; value: number }, i: number) => `${i + 1}. ${r.name} ${fmt(r.value)}`;
  const top = ranked.slice(0, NAMED_RANKS).map(place).join(t('describe.and'));
  const lastIndex = ranked.length - 1;
  const last = ranked.length > NAMED_RANKS ? t('describe.last', { last: place(ranked[lastIndex] as { name: string; value: number }, lastIndex) }) : '';
  return sentence([t('describe.ranking', { count: ranked.length, top }), last, target !== null ? t('describe.target', { target: fmt(target) }) : ''], labels);
}

/** Scores (0–100) of entities on indicators: the best and worst entity by mean score, the weakest indicator. */
export function describeScoreGrid(
  rows: readonly { name: string; scores: readonly (number | null)[] }[],
  columns: readonly string[],
  labels: Labels,
): string {
  const { t } = labels;
  const mean = (xs: readonly (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const byRow = rows.map((r) => ({ name: r.name, mean: mean(r.scores) })).filter((r): r is { name: string; mean: number } => r.mean !== null);
  const byColumn = columns.map((name, j) => ({ name, mean: mean(rows.map((r) => r.scores[j] ?? null)) })).filter((c): c is { name: string; mean: number } => c.mean !== null);
  if (byRow.length === 0 || byColumn.length === 0) return t('describe.empty');
  const best = byRow.reduce((a, b) => (b.mean > a.mean ? b : a));
  const worst = byRow.reduce((a, b) => (b.mean < a.mean ? b : a));
  const weakest = byColumn.reduce((a, b) => (b.mean < a.mean ? b : a));
  const score = (x: { name: string; mean: number }) => `${x.name} ${Math.round(x.mean)}`;
  return sentence([
    t('describe.grid', { rows: byRow.length, columns: byColumn.length }),
    t('describe.gridExtremes', { best: score(best), worst: score(worst) }),
    t('describe.weakest', { indicator: score(weakest) }),
  ], labels);
}

/** One entity's indicator scores beside its peers' average: on how many it is ahead, and its lowest. */
export function describeScoreBars(rows: readonly { indicator: string; own: number; average: number }[], name: string, peers: string, labels: Labels): string {
  const { t } = labels;
  if (rows.length === 0) return t('describe.empty');
  const above = rows.filter((r) => r.own > r.average).length;
  const lowest = rows.reduce((a, b) => (b.own < a.own ? b : a));
  return sentence([
    t('describe.ahead', { name, peers, above, count: rows.length }),
    t('describe.lowest', { indicator: `${lowest.indicator} ${Math.round(lowest.own)}`, average: Math.round(lowest.average) }),
  ], labels);
}
