import { buildProjectionOption } from '../../charts/projection';
import { buildScoreBarsOption } from '../../charts/score-bars';
import type { Entity } from '../../domain/entity';
import { formatValue, roundTo } from '../../format/number';
import { periodLabel } from '../../format/period';
import type { HistoryRow } from '../../queries/history';
import type { IndicatorInfo } from '../../queries/indicators';
import type { SnapshotRow } from '../../queries/snapshot';
import { kpiFigures, meanOf, type KpiFigures } from '../../scoring/kpi';
import type { EntityScore } from '../../scoring/score';
import { entityTrends, indicatorBounds, levelInputs, rankScores, scoreLevel, scoreSiblings, weakestPart } from '../../scoring/scorecard';
import { nextStar, type NextStar } from '../../scoring/next-star';
import { peerRanges } from '../../scoring/score';
import { roundToward } from './round-toward';

import { biggestMoves, entityBriefing, previousScores, ranksOf, type BriefingLine } from '../briefing/briefing';
import type { ScoringSettings } from '../../scoring/settings';
import { periodX, projectToTarget, type TrendStatus } from '../../scoring/trend';
import type { ChartModel } from '../../ui/charts/chart-table';
import { describeLines, describeScoreBars, sentence } from '../../ui/charts/describe';
import { levelName, nameIn, type Labels } from '../../ui/labels';

// A district's or branch's scorecard as data: its indices, a tile and a trend per indicator,
// its scores against its peers' average, and the units below it, scored among their siblings.

/** The entity's place in the hierarchy of the data in view. */
export function entityFamily(entities: readonly Entity[], id: string) {
  const entity = entities.find((e) => e.entity_id === id) ?? null;
  const parent = entities.find((e) => e.entity_id === entity?.parent_id) ?? null;
  const grandparent = entities.find((e) => e.entity_id === parent?.parent_id) ?? null;
  /** Peers are the entities of the same level under the same parent: districts of the city, branches of a district. */
  const peers = entity ? entities.filter((e) => e.level === entity.level && e.parent_id === entity.parent_id) : [];
  /** Children and grandchildren (a district's branches, and its villages under their towns). */
  const children = entities.filter((e) => e.parent_id === id);
  const childIds = new Set(children.map((c) => c.entity_id));
  const below = [...children, ...entities.filter((e) => e.parent_id !== null && childIds.has(e.parent_id))];
  return { entity, parent, grandparent, peers, below };
}

/** A unit below the entity in the branch table, with its score among its siblings. */
export interface DescendantRow {
  id: string;
  name: string;
  level: string;
  score: EntityScore | null;
  /** The indicator it scores lowest on, named. */
  weakest: string | null;
}

export interface ScorecardValues {
  entityId: string;
  year: number;
  history: HistoryRow[];
  peers: SnapshotRow[];
  descendants: SnapshotRow[];
}

export interface ScorecardInput {
  indicators: readonly IndicatorInfo[];
  family: ReturnType<typeof entityFamily>;
  values: ScorecardValues;
  settings: ScoringSettings;
  labels: Labels;
  source: string;
}

export interface IndicatorCard {
  indicator: IndicatorInfo;
  figures: KpiFigures;
  row: SnapshotRow;
  yearAgo: { period: string; value: number } | null;
  spark: number[];
  /** The peers' average of the indicator (the entity among them). */
  peers: { label: string; value: number } | null;
}

export interface TrendCard {
  id: string;
  status: TrendStatus | null;
  chart: ChartModel;
}

function scoreBars(input: ScorecardInput, own: EntityScore, peerScores: readonly EntityScore[]) {
  const { labels, family } = input;
  const t = labels.t;
  const byId = new Map(input.indicators.map((i) => [i.indicator_id, i]));
  const average = new Map<string, number>();
  for (const p of own.parts) {
    const all = peerScores.flatMap((s) => s.parts.filter((x) => x.indicatorId === p.indicatorId).map((x) => x.score));
    average.set(p.indicatorId, all.reduce((a, b) => a + b, 0) / all.length);
  }
  const indicators = own.parts.map((p) => {
    const i = byId.get(p.indicatorId);
    return { id: p.indicatorId, name: i ? nameIn(i, labels.locale) : p.indicatorId };
  });
  const name = family.entity?.name ?? '';
  const peersName = family.parent ? t('scorecard.peerAverage', { parent: family.parent.name, level: levelName(labels, family.entity?.level ?? '') }) : t('scorecard.average');
  const chart: ChartModel = {
    title: t('scorecard.scoresTitle'),
    subtitle: t('score.heatmapNote'),
    source: input.source,
    option: buildScoreBarsOption({ indicators, own: new Map(own.parts.map((p) => [p.indicatorId, p.score])), average, ownLabel: name, averageLabel: peersName, theme: 'light' }),
    points: own.parts.length * 2,
    table: {
      columns: [t('scorecard.colIndicator'), name, peersName],
      rows: indicators.map((i) => [i.name, roundTo(own.parts.find((p) => p.indicatorId === i.id)?.score ?? 0, 1), roundTo(average.get(i.id) ?? 0, 1)]),
    },
    description: describeScoreBars(
      indicators.map((i) => ({ indicator: i.name, own: own.parts.find((p) => p.indicatorId === i.id)?.score ?? 0, average: average.get(i.id) ?? 0 })),
      name,
      peersName,
      labels,
    ),
  };
  return { chart, height: Math.max(220, 60 + own.parts.length * 30) };
}

function trendCard(input: ScorecardInput, i: IndicatorInfo, rows: readonly HistoryRow[]): TrendCard {
  const { labels } = input;
  const t = labels.t;
  const points = rows.map((r) => ({ x: periodX(r.period), value: r.value }));
  const projection = i.target !== null && i.target_year !== null ? projectToTarget(points, i.target, i.target_year, i.direction, input.settings) : null;
  const lastX = periodX(rows[rows.length - 1]?.period ?? '0');
  const name = nameIn(i, labels.locale);
  const fmt = (v: number) => formatValue(v, i.decimals, i.unit, labels.locale);
  const ahead = projection && projection.atX > lastX ? { atX: projection.atX, value: projection.projected } : null;
  const chart: ChartModel = {
    title: name,
    subtitle: projection ? t(`scorecard.status.${projection.status}`) : undefined,
    source: input.source,
    points: rows.length,
    table: { columns: [t('overview.period'), `${name}${i.unit ? ` (${i.unit})` : ''}`], rows: rows.map((r) => [periodLabel(r.period, t), r.value]) },
    option: buildProjectionOption({
      name: input.family.entity?.name ?? '',
      points: rows,
      target: i.target,
      targetYear: i.target_year,
      projection: ahead,
      unit: i.unit,
      decimals: i.decimals,
      locale: labels.locale,
      theme: 'light',
      targetLabel: i.target !== null ? t('chart.target', { value: formatValue(i.target, i.decimals, i.unit, labels.locale) }) : '',
      projectionLabel: t('scorecard.projection', { year: i.target_year ?? '' }),
      periodLabel: (p) => periodLabel(p, t),
    }),
    description: sentence(
      [
        describeLines([{ name: input.family.entity?.name ?? '', points: rows }], fmt, labels, (p) => periodLabel(p, t), i.target),
        ahead && i.target_year !== null ? t('describe.projection', { year: i.target_year, value: fmt(ahead.value) }) : '',
      ],
      labels,
    ),
  };
  return { id: i.indicator_id, status: projection?.status ?? null, chart };
}

/** Everything the scorecard shows for the entity and year whose values are in hand. */
export function buildScorecard(input: ScorecardInput) {
  const { indicators, family, values, labels } = input;
  const peerScores = scoreLevel(indicators, values.peers, input.settings);
  const own = peerScores.find((s) => s.entityId === values.entityId) ?? null;
  const byId = new Map(indicators.map((i) => [i.indicator_id, i]));
  const name = family.entity?.name ?? values.entityId;

  const perIndicator = indicators.flatMap((i) => {
    const rows = values.history.filter((h) => h.indicator_id === i.indicator_id);
    const figures = kpiFigures(rows);
    return figures ? [{ indicator: i, rows, figures }] : [];
  });
  const peersLabel = family.parent ? labels.t('scorecard.peerAverage', { parent: family.parent.name, level: levelName(labels, family.entity?.level ?? '') }) : labels.t('scorecard.average');
  const peerMean = (id: string) => {
    const mean = meanOf(values.peers.filter((r) => r.indicator_id === id).map((r) => r.value));
    return mean === null ? null : { label: peersLabel, value: mean };
  };
  const cards: IndicatorCard[] = perIndicator.map(({ indicator: i, rows, figures: k }) => ({
    indicator: i,
    figures: k,
    row: { entity_id: values.entityId, name, indicator_id: i.indicator_id, period: k.period, value: k.value, flag: k.flag, prev_period: k.prevPeriod, prev_value: k.prevValue },
    yearAgo: k.yearAgoPeriod !== null && k.yearAgoValue !== null ? { period: k.yearAgoPeriod, value: k.yearAgoValue } : null,
    spark: rows.slice(-8).map((r) => r.value),
    peers: peerMean(i.indicator_id),
  }));

  const scores = scoreSiblings(indicators, family.below, values.descendants, input.settings);
  const descendants: DescendantRow[] = family.below
    .filter((b) => scores.has(b.entity_id))
    .map((b) => {
      const s = scores.get(b.entity_id) ?? null;
      const weakest = s ? weakestPart(s) : null;
      const wi = weakest ? byId.get(weakest.indicatorId) : undefined;
      return { id: b.entity_id, name: b.name, level: b.level, score: s, weakest: wi ? nameIn(wi, labels.locale) : null };
    });

  const { scored, values: levelValues } = levelInputs(indicators, values.peers);
  const ownValues = new Map(own?.parts.map((p) => [p.indicatorId, p.value]));
  const next = own
    ? nextStar(own, { indicators: scored, ranges: peerRanges(levelValues), settings: input.settings, bounds: (id) => indicatorBounds(byId.get(id), ownValues.get(id) ?? 0) })
    : null;
  const ranked = rankScores(peerScores);
  return {
    own,
    byId,
    cards,
    bars: own ? scoreBars(input, own, peerScores) : null,
    descendants,
    trends: perIndicator.map(({ indicator, rows }) => trendCard(input, indicator, rows)),
    nextStar: next,
    /** The peers' scores and the indicators that count among them, for the rank ranges. */
    peerScores,
    scored,
    briefing: briefingLines(input, { own, ranked, next, descendants, cards }),
  };
}

function briefingLines(
  input: ScorecardInput,
  m: { own: EntityScore | null; ranked: readonly EntityScore[]; next: NextStar | null; descendants: readonly DescendantRow[]; cards: readonly IndicatorCard[] },
): BriefingLine[] {
  const { indicators, family, values, labels } = input;
  const byId = new Map(indicators.map((i) => [i.indicator_id, i]));
  const name = family.entity?.name ?? values.entityId;
  const fmt = (id: string, v: number) => {
    const i = byId.get(id);
    return i ? formatValue(v, i.decimals, i.unit, labels.locale) : String(v);
  };
  const named = (id: string) => {
    const i = byId.get(id);
    return i ? nameIn(i, labels.locale) : id;
  };
  const rank = ranksOf(m.ranked).get(values.entityId) ?? null;
  const step = m.next?.steps.find((s) => s.needed !== null);
  const lagging = m.descendants
    .filter((d) => d.score && (d.score.insufficient || (d.score.stars ?? 5) <= 2))
    .sort((a, b) => (a.score?.composite ?? -1) - (b.score?.composite ?? -1))
    .map((d) => ({ name: d.name, weakest: d.weakest }));
  return entityBriefing(
    {
      name,
      levelName: levelName(labels, family.entity?.level ?? ''),
      year: values.year,
      score: m.own,
      rank,
      of: m.ranked.length,
      previousRank: ranksOf(previousScores(indicators, values.peers, input.settings)).get(values.entityId) ?? null,
      moves: biggestMoves(m.cards.map((c) => c.row), byId, labels),
      offTrack: entityTrends(indicators, values.history, values.entityId, input.settings)
        .filter((t) => t.status === 'off-track')
        .map((t) => named(t.indicatorId)),
      gates: (m.own?.gatedBy ?? []).map((id) => {
        const i = byId.get(id);
        return { indicator: named(id), value: fmt(id, m.own?.parts.find((p) => p.indicatorId === id)?.value ?? 0), gate: fmt(id, i?.gate_min ?? 0), cap: i?.gate_max_stars ?? 1 };
      }),
      lagging,
      belowName: labels.t('scorecard.belowTitle', { name }),
      nextStar: step && m.next ? { stars: m.next.stars, indicator: named(step.indicatorId), needed: fmt(step.indicatorId, roundToward(step.needed as number, byId.get(step.indicatorId)?.decimals ?? 2, byId.get(step.indicatorId)?.direction ?? 1)) } : null,
    },
    labels,
  );
}

export type ScorecardModel = ReturnType<typeof buildScorecard>;
