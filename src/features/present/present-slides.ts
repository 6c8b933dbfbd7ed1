import { cityBriefing, type BriefingLine } from '../briefing/briefing';
import type { EChartsCoreOption } from 'echarts/core';
import { buildHeatmapOption, heatmapPointCount, type HeatmapCell } from '../../charts/heatmap';
import { rankRows } from '../../charts/ranking';
import { buildScoreBarsOption } from '../../charts/score-bars';
import { scaleForScreen } from '../../charts/screen-scale';
import { PALETTE_DARK } from '../../charts/theme';
import { buildTrendOption, seriesByEntity, trendPointCount } from '../../charts/trend';
import { formatValue } from '../../format/number';
import { periodLabel } from '../../format/period';
import type { IndicatorInfo } from '../../queries/indicators';
import { kpiFigures } from '../../scoring/kpi';
import type { EntityScore } from '../../scoring/score';
import { countStatuses, entityTrends, scoreSiblings, weakestPart } from '../../scoring/scorecard';
import { describeLines, describeScoreBars, describeScoreGrid, trendLines } from '../../ui/charts/describe';
import type { ShowModel } from './present-model';

// What each kind of slide draws, built for the slide on screen and the screen it is on.

/** Rows a slide shows at most: more would not read from the back of the room. */
export const MAX_ROWS = 12;
const MAX_TILES = 15;
const MAX_LAGGING = 3;
/** Wider than 21:9 (an LED wall): district slides gain their score chart. */
const WIDE = 21 / 9;

/** The screen: its type unit in px (Present's CSS uses the same rule), width, and aspect ratio. */
/** A phone or tablet held upright: the CSS of Present's upright layout, `(max-width: 900px) and (orientation: portrait)`. */
export function isUpright(screen: Pick<Screen, 'width' | 'wide'>): boolean {
  return screen.width <= 900 && screen.wide < 1;
}

export interface Screen {
  unit: number;
  width: number;
  wide: number;
}

export interface DistrictTile {
  indicator: IndicatorInfo;
  value: number;
  period: string;
  prevValue: number | null;
  prevPeriod: string | null;
}

export interface LaggingRow {
  id: string;
  name: string;
  composite: number | null;
  stars: number | null;
  weakest: string | null;
}

/** An option sized for the screen in front of the show (screen-scale.ts). */
export const fit = (option: EChartsCoreOption, screen: Screen) => scaleForScreen(option, { scale: screen.unit / 18, minFont: 18 });

/** The districts the ranking and heatmap slides show. */
export const shownScores = (show: ShowModel) => show.scores.slice(0, MAX_ROWS);

/** 述评 on the big screen: the overview's sentences for the year. */
export function briefingSlide(show: ShowModel): BriefingLine[] {
  const { scope, values, settings, labels, indicators } = show.input;
  return cityBriefing(
    { indicators, root: scope.root, names: show.names, levelName: show.level, year: values.year, ranked: show.scores, members: values.memberValues, rootRows: values.rootValues, history: values.history, settings },
    labels,
  );
}

export function kpisSlide(show: ShowModel) {
  const { scope, values, settings } = show.input;
  const tiles = show.headline.flatMap((indicator) => {
    const row = values.rootValues.find((r) => r.indicator_id === indicator.indicator_id);
    return row ? [{ indicator, row }] : [];
  });
  const counts = scope.root ? countStatuses(entityTrends(show.input.indicators, values.history, scope.root.entity_id, settings)) : null;
  return { tiles, counts };
}

export function heatmapSlide(show: ShowModel, screen: Screen) {
  const shown = shownScores(show);
  const parts = shown.flatMap((s) => s.parts.map((p) => ({ entity: s.entityId, ...p })));
  const used = new Set(parts.map((p) => p.indicatorId));
  const columns = show.input.indicators.filter((i) => used.has(i.indicator_id)).map((i) => ({ id: i.indicator_id, name: show.indicatorNames.get(i.indicator_id) ?? i.indicator_id }));
  const rows = shown.map((s) => ({ id: s.entityId, name: show.names.get(s.entityId) ?? s.entityId }));
  const cells = new Map<string, HeatmapCell>();
  for (const p of parts) cells.set(`${p.entity}|${p.indicatorId}`, { score: p.score, detail: '' });
  const chart = { rows, columns, cells, theme: 'dark' as const, scoreLabel: show.input.labels.t('score.score') };
  const option = fit(buildHeatmapOption(chart), screen) as { xAxis: { axisLabel: Record<string, unknown> } };
  // On a wall, indicator names stand level and wrap within their column instead of slanting and
  // being cut. A phone or tablet held upright has columns too narrow for that (a name broke into a
  // character per line): there they slant, whole, over the heatmap that scrolls sideways.
  const u = screen.unit;
  const column = (screen.width - 3.2 * u - 7 * u) / Math.max(1, columns.length);
  option.xAxis.axisLabel = isUpright(screen)
    ? { ...option.xAxis.axisLabel, rotate: 40, width: undefined, overflow: 'none' }
    : { ...option.xAxis.axisLabel, rotate: 0, width: Math.floor(column - 6), overflow: 'break', lineHeight: Math.round(u * 1.25) };
  const grid = rows.map((r) => ({ name: r.name, scores: columns.map((c) => cells.get(`${r.id}|${c.id}`)?.score ?? null) }));
  return { option: option as EChartsCoreOption, points: heatmapPointCount(chart), description: describeScoreGrid(grid, columns.map((c) => c.name), show.input.labels) };
}

function scoreBars(show: ShowModel, score: EntityScore, screen: Screen) {
  const average = new Map<string, number>();
  for (const p of score.parts) {
    const peers = show.scores.flatMap((s) => s.parts.filter((x) => x.indicatorId === p.indicatorId).map((x) => x.score));
    average.set(p.indicatorId, peers.reduce((a, b) => a + b, 0) / peers.length);
  }
  const option = buildScoreBarsOption({
    indicators: score.parts.map((p) => ({ id: p.indicatorId, name: show.indicatorNames.get(p.indicatorId) ?? p.indicatorId })),
    own: new Map(score.parts.map((p) => [p.indicatorId, p.score])),
    average,
    ownLabel: show.names.get(score.entityId) ?? score.entityId,
    averageLabel: show.input.labels.t('scorecard.average'),
    theme: 'dark',
  });
  const { labels } = show.input;
  const description = describeScoreBars(
    score.parts.map((p) => ({ indicator: show.indicatorNames.get(p.indicatorId) ?? p.indicatorId, own: p.score, average: average.get(p.indicatorId) ?? 0 })),
    show.names.get(score.entityId) ?? score.entityId,
    labels.t('scorecard.average'),
    labels,
  );
  return { option: fit(option, screen), points: score.parts.length * 2, label: labels.t('describe.titled', { title: labels.t('scorecard.scoresTitle'), description }) };
}

export function districtSlide(show: ShowModel, id: string, screen: Screen) {
  const { values, labels, settings } = show.input;
  const score = show.scores.find((s) => s.entityId === id) ?? null;
  const ranked = show.scores.filter((s) => s.composite !== null && !s.insufficient);
  const rank = score ? ranked.indexOf(score) + 1 : 0;
  const all = show.input.indicators.flatMap((indicator): DistrictTile[] => {
    const k = kpiFigures(values.history.filter((h) => h.entity_id === id && h.indicator_id === indicator.indicator_id));
    return k ? [{ indicator, value: k.value, period: k.period, prevValue: k.prevValue, prevPeriod: k.prevPeriod }] : [];
  });
  // The units below this district, each scored among its siblings; the lowest few are named.
  const below = show.below.filter((b) => b.parent_id === id || show.below.some((p) => p.entity_id === b.parent_id && p.parent_id === id));
  const scored = scoreSiblings(show.input.indicators, below, values.belowValues, settings);
  const lagging: LaggingRow[] = [...scored.values()]
    .filter((s) => s.composite !== null)
    .sort((a, b) => (a.composite ?? 0) - (b.composite ?? 0))
    .slice(0, MAX_LAGGING)
    .map((s) => {
      const weak = weakestPart(s);
      return { id: s.entityId, name: show.names.get(s.entityId) ?? s.entityId, composite: s.composite, stars: s.stars, weakest: weak ? (show.indicatorNames.get(weak.indicatorId) ?? null) : null };
    });
  const levels = new Set(below.filter((b) => scored.has(b.entity_id)).map((b) => b.level));
  const lagLevel = levels.size === 1 ? ([...levels][0] ?? '') : '';
  return {
    score,
    rank: rank > 0 ? rank : null,
    total: ranked.length,
    tiles: all.slice(0, MAX_TILES),
    hiddenTiles: Math.max(0, all.length - MAX_TILES),
    lagging,
    laggingTitle: labels.t('present.lagging', { level: lagLevel ? labels.t(`level.${lagLevel}`) : labels.t('level.entity') }),
    gate: score ? score.gatedBy.map((g) => show.indicatorNames.get(g) ?? g).join(labels.locale === 'en' ? ', ' : '、') : '',
    bars: score && screen.wide > WIDE ? scoreBars(show, score, screen) : null,
  };
}

export function trendSlide(show: ShowModel, indicatorId: string, screen: Screen) {
  const i = show.byId.get(indicatorId);
  if (!i) return null;
  const { labels, values, scope } = show.input;
  const t = labels.t;
  const root = scope.root?.entity_id;
  const members = new Set(show.districts);
  const rows = values.history.filter((h) => h.indicator_id === indicatorId && (h.entity_id === root || members.has(h.entity_id)));
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const lines = seriesByEntity(rows, (id) => show.names.get(id));
  const latest = lines.flatMap((s) => {
    const k = kpiFigures(rows.filter((r) => r.entity_id === s.id));
    return k ? [{ id: s.id, name: s.name, value: k.value, prev: k.prevValue, emphasis: s.id === root }] : [];
  });
  const ranked = rankRows(latest.filter((l) => !l.emphasis), i.direction).slice(0, MAX_ROWS - 1);
  const keep = new Set([...(root ? [root] : []), ...ranked.map((r) => r.id)]);
  const series = lines.filter((s) => keep.has(s.id)).sort((a, b) => Number(b.id === root) - Number(a.id === root));
  const chart = {
    periods,
    series,
    unit: i.unit,
    decimals: i.decimals,
    target: i.target,
    targetLabel: i.target !== null ? t('chart.target', { value: formatValue(i.target, i.decimals, i.unit, labels.locale) }) : '',
    locale: labels.locale,
    theme: 'dark' as const,
    emphasisId: root,
    periodLabel: (p: string) => periodLabel(p, t),
  };
  // The list beside the chart names each line, with its colour: no legend to hover or page.
  const colour = new Map(series.map((x, n) => [x.id, PALETTE_DARK[n % PALETTE_DARK.length] as string]));
  const byId = new Map(latest.map((l) => [l.id, l]));
  const list = [...latest.filter((l) => l.emphasis), ...ranked.flatMap((r) => byId.get(r.id) ?? [])].map((l) => ({ ...l, colour: colour.get(l.id) ?? '' }));
  const option = buildTrendOption(chart) as Record<string, unknown>;
  const unlabelled = { ...option, legend: { show: false }, grid: { ...(option.grid as object), right: 24 } };
  const description = describeLines(trendLines(periods, series), (v) => formatValue(v, i.decimals, i.unit, labels.locale), labels, chart.periodLabel, i.target, root);
  return { indicator: i, option: fit(unlabelled, screen), points: trendPointCount(chart), list, description };
}
