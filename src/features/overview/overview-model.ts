import { buildHeatmapOption, heatmapPointCount, type HeatmapCell } from '../../charts/heatmap';
import { buildRankingOption, rankRows } from '../../charts/ranking';
import { buildTrendOption, seriesByEntity, trendPointCount, trendTable } from '../../charts/trend';
import { flagLabel } from '../../format/flag';
import type { Entity } from '../../domain/entity';
import { formatValue, roundTo } from '../../format/number';
import { periodLabel } from '../../format/period';
import type { HistoryRow } from '../../queries/history';
import type { Scope } from '../../queries/hierarchy';
import type { IndicatorInfo } from '../../queries/indicators';
import type { SeriesPoint } from '../../queries/series';
import type { SnapshotRow } from '../../queries/snapshot';
import type { EntityScore } from '../../scoring/score';
import { meanOf } from '../../scoring/kpi';
import { countStatuses, entityTrends, levelInputs, rankScores, scoreLevel } from '../../scoring/scorecard';
import { cityBriefing } from '../briefing/briefing';
import type { ScoringSettings } from '../../scoring/settings';
import type { ChartModel } from '../../ui/charts/chart-table';
import { describeLines, describeRanking, describeScoreGrid, trendLines } from '../../ui/charts/describe';
import { categoryName, levelName, nameIn, type Labels } from '../../ui/labels';

// The overview as data: what each tile, chart and table shows, from the catalog, the queried
// values, the scoring settings and the words of the locale. The page only lays it out.

/** Beyond these, charts show the best members only and say how many there are in all. */
export const MAX_SERIES = 12;
export const MAX_BARS = 30;

/** The year's values: the city's (tiles, target progress) and its members' (ranking, scores). */
export interface OverviewYear {
  year: number;
  kpi: SnapshotRow[];
  members: SnapshotRow[];
  history: HistoryRow[];
}

/** The charted indicator's trend over the city and its members, up to `year`. */
export interface OverviewSeries {
  indicatorId: string;
  year: number;
  points: SeriesPoint[];
}

export interface OverviewInput {
  indicators: readonly IndicatorInfo[];
  scope: Scope;
  headline: readonly IndicatorInfo[];
  values: OverviewYear | null;
  series: OverviewSeries | null;
  settings: ScoringSettings;
  labels: Labels;
  /** Names of datasets from their ids, joined for a source line. */
  datasetNames: (ids: readonly string[]) => string;
  /** Every dataset in view, named: the source of the heatmap, which uses them all. */
  allSources: string;
}

/** The indicator picker's choices, grouped by category in catalog order. */
export function indicatorGroups(indicators: readonly IndicatorInfo[], labels: Labels) {
  const byCategory = new Map<string, IndicatorInfo[]>();
  for (const i of indicators) byCategory.set(i.category, [...(byCategory.get(i.category) ?? []), i]);
  return [...byCategory].map(([category, items]) => ({ category, label: categoryName(labels, category), items: items.map((i) => ({ id: i.indicator_id, name: nameIn(i, labels.locale) })) }));
}

/** The headline tiles: each headline indicator with the city's row for the year. */
export function kpiTiles(headline: readonly IndicatorInfo[], values: OverviewYear | null, peersLabel = '') {
  return headline.flatMap((indicator) => {
    const row = values?.kpi.find((r) => r.indicator_id === indicator.indicator_id);
    const average = meanOf((values?.members ?? []).filter((r) => r.indicator_id === indicator.indicator_id).map((r) => r.value));
    return row ? [{ indicator, row, peers: average === null ? null : { label: peersLabel, value: average } }] : [];
  });
}

function targetLabel(i: IndicatorInfo, labels: Labels): string {
  return i.target !== null ? labels.t('chart.target', { value: formatValue(i.target, i.decimals, i.unit, labels.locale) }) : '';
}

/** The members' values of one indicator for the year: the ranking, and which lines the trend keeps. */
function memberRows(values: OverviewYear | null, indicatorId: string) {
  return (values?.members ?? []).filter((r) => r.indicator_id === indicatorId);
}

export function trendChart(input: OverviewInput, focus: IndicatorInfo, level: string, sources: string): ChartModel | null {
  const { labels, series } = input;
  if (!series) return null;
  const t = labels.t;
  const periods = [...new Set(series.points.map((p) => p.period))].sort();
  const lines = seriesByEntity(series.points);
  const root = input.scope.root?.entity_id;
  // Many members (a flat upload of hundreds of regions): the best MAX_SERIES lines, not a tangle.
  const ranked = rankRows(memberRows(input.values, focus.indicator_id).map((r) => ({ id: r.entity_id, name: r.name, value: r.value })), focus.direction);
  const best = new Set(ranked.slice(0, MAX_SERIES).map((r) => r.id));
  const kept = lines.filter((s) => lines.length <= MAX_SERIES + 1 || s.id === root || best.has(s.id)).sort((a, b) => Number(b.id === root) - Number(a.id === root));
  const chart = {
    periods,
    series: kept,
    unit: focus.unit,
    decimals: focus.decimals,
    target: focus.target,
    targetLabel: targetLabel(focus, labels),
    locale: labels.locale,
    theme: 'light' as const,
    emphasisId: root,
    periodLabel: (p: string) => periodLabel(p, t),
    flagLabel: (f: string) => flagLabel(f, t),
  };
  const title = t('overview.trendTitle', { indicator: nameIn(focus, labels.locale), level });
  return {
    title,
    subtitle: focus.direction === -1 ? t('chart.lowerBetter') : undefined,
    source: t('overview.source', { sources }),
    option: buildTrendOption(chart),
    points: trendPointCount(chart),
    table: trendTable(periods, kept, t('overview.period'), (p) => periodLabel(p, t)),
    description: describeLines(trendLines(periods, kept), fmtOf(focus, labels), labels, (p) => periodLabel(p, t), focus.target, root),
  };
}

/** An indicator's values as its charts print them: its decimals and unit, in the locale. */
function fmtOf(i: IndicatorInfo, labels: Labels): (v: number) => string {
  return (v) => formatValue(v, i.decimals, i.unit, labels.locale);
}

export function rankingChart(input: OverviewInput, focus: IndicatorInfo, level: string, sources: string): ChartModel | null {
  const { labels, values } = input;
  if (!values) return null;
  const t = labels.t;
  const all = memberRows(values, focus.indicator_id);
  const rows = rankRows(
    all.map((r) => ({
      id: r.entity_id,
      name: r.name,
      value: r.value,
      // Against the year the values are of, so that a period change draws the chart once, with them.
      periodNote: r.period.startsWith(String(values.year)) ? undefined : periodLabel(r.period, t),
    })),
    focus.direction,
  ).slice(0, MAX_BARS);
  const periodOf = new Map(all.map((r) => [r.entity_id, r.period]));
  const subtitle = [focus.direction === -1 ? t('chart.lowerBetter') : '', all.length > rows.length ? t('overview.topOf', { shown: rows.length, total: all.length }) : ''].filter(Boolean).join(' · ');
  return {
    title: t('overview.rankingTitle', { indicator: nameIn(focus, labels.locale), level, year: values.year }),
    subtitle: subtitle || undefined,
    source: t('overview.source', { sources }),
    option: buildRankingOption({ rows, direction: focus.direction, unit: focus.unit, decimals: focus.decimals, target: focus.target, targetLabel: targetLabel(focus, labels), locale: labels.locale, theme: 'light' }),
    points: rows.length,
    table: {
      columns: ['#', level, `${nameIn(focus, labels.locale)}${focus.unit ? ` (${focus.unit})` : ''}`, t('overview.period')],
      rows: rows.map((r, n) => [n + 1, r.name, r.value, periodOf.get(r.id) ?? '']),
    },
    description: describeRanking(rows, fmtOf(focus, labels), labels, focus.target),
  };
}

/** The indicator-score heatmap of the members shown in the composite ranking. */
export function heatmapChart(input: Omit<OverviewInput, 'series'>, scores: readonly EntityScore[], level: string): ChartModel {
  const { labels, indicators } = input;
  const t = labels.t;
  const names = new Map<string, string>(input.scope.members.map((m: Entity) => [m.entity_id, m.name]));
  const parts = scores.flatMap((s) => s.parts.map((p) => ({ entity: s.entityId, ...p })));
  const used = new Set(parts.map((p) => p.indicatorId));
  const columns = indicators.filter((i) => used.has(i.indicator_id)).map((i) => ({ id: i.indicator_id, name: nameIn(i, labels.locale) }));
  const rows = scores.map((s) => ({ id: s.entityId, name: names.get(s.entityId) ?? s.entityId }));
  const byId = new Map(indicators.map((i) => [i.indicator_id, i]));
  const cells = new Map<string, HeatmapCell>();
  for (const p of parts) {
    const i = byId.get(p.indicatorId);
    const detail = i ? `${formatValue(p.value, i.decimals, i.unit, labels.locale)} · ${periodLabel(p.period, t)}` : String(p.value);
    cells.set(`${p.entity}|${p.indicatorId}`, { score: p.score, detail });
  }
  const chart = { rows, columns, cells, theme: 'light' as const, scoreLabel: t('score.score') };
  const grid = rows.map((r) => ({ name: r.name, scores: columns.map((c) => cells.get(`${r.id}|${c.id}`)?.score ?? null) }));
  return {
    title: t('score.heatmapTitle', { level }),
    subtitle: t('score.heatmapNote'),
    source: t('overview.source', { sources: input.allSources }),
    option: buildHeatmapOption(chart),
    points: heatmapPointCount(chart),
    table: {
      columns: [level, ...columns.map((c) => c.name)],
      rows: rows.map((r) => [r.name, ...columns.map((c) => {
        const cell = cells.get(`${r.id}|${c.id}`);
        return cell ? roundTo(cell.score, 1) : null;
      })]),
    },
    description: describeScoreGrid(grid, columns.map((c) => c.name), labels),
  };
}

/**
 * What the overview shows of the year whose values are in hand, whatever indicator is charted:
 * tiles, scores, heatmap, briefing. Built apart from the charted indicator's part, so that picking
 * another indicator neither scores the members again nor redraws the heatmap (profiled on 1 M
 * observations: each indicator change redrew all three charts, twice).
 */
export function buildOverviewYear(input: Omit<OverviewInput, 'series'>) {
  const { labels, indicators, values } = input;
  const level = levelName(labels, input.scope.level);
  const allScores = rankScores(scoreLevel(indicators, values?.members ?? [], input.settings));
  const scores = allScores.slice(0, MAX_BARS);
  const root = input.scope.root;
  return {
    level,
    kpis: kpiTiles(input.headline, values, root ? labels.t('scorecard.peerAverage', { parent: root.name, level }) : labels.t('scorecard.average')),
    allScores,
    scores,
    memberNames: new Map(input.scope.members.map((m) => [m.entity_id, m.name])),
    indicatorNames: new Map(indicators.map((i) => [i.indicator_id, nameIn(i, labels.locale)])),
    heatmap: scores.length > 0 ? heatmapChart(input, scores, level) : null,
    trendCounts: root && values ? { entity: root.name, counts: countStatuses(entityTrends(indicators, values.history, root.entity_id, input.settings)) } : null,
    levelIndicators: levelInputs(indicators, values?.members ?? []).scored,
    briefing: values
      ? cityBriefing(
          {
            indicators,
            root,
            names: new Map(input.scope.members.map((m) => [m.entity_id, m.name])),
            levelName: level,
            year: values.year,
            ranked: allScores,
            members: values.members,
            rootRows: values.kpi,
            history: values.history,
            settings: input.settings,
          },
          labels,
        )
      : [],
  };
}

/** The charted indicator's part: its trend and its ranking, for the indicator whose trend is in hand. */
export function buildOverviewFocus(input: OverviewInput) {
  const { labels, indicators, series } = input;
  const level = levelName(labels, input.scope.level);
  // The charted indicator is the one whose trend is in hand: picking another draws each chart
  // once, when its values have arrived.
  const focus = series ? (indicators.find((i) => i.indicator_id === series.indicatorId) ?? null) : null;
  const sources = focus ? input.datasetNames(focus.dataset_ids.split(',')) : '';
  return {
    focus,
    trend: focus ? trendChart(input, focus, level, sources) : null,
    ranking: focus ? rankingChart(input, focus, level, sources) : null,
    // What the map draws (OverviewMap.vue, which loads the boundaries): the members' values.
    map:
      focus && input.values
        ? { rows: memberRows(input.values, focus.indicator_id).map((r) => ({ entity_id: r.entity_id, name: r.name, value: r.value })), indicator: focus, year: input.values.year, level, source: labels.t('overview.source', { sources }) }
        : null,
  };
}

/** Everything the overview shows, for the indicator and year whose values are in hand. */
export function buildOverview(input: OverviewInput) {
  return { ...buildOverviewYear(input), ...buildOverviewFocus(input) };
}

export type OverviewModel = ReturnType<typeof buildOverview>;
