import { formatNumber, formatValue } from '../../format/number';
import type { IndicatorInfo } from '../../queries/indicators';
import type { SnapshotRow } from '../../queries/snapshot';
import { movement } from '../../scoring/attainment';
import type { EntityScore } from '../../scoring/score';
import type { HistoryRow } from '../../queries/history';
import { entityTrends, rankScores, scoreLevel } from '../../scoring/scorecard';
import type { ScoringSettings } from '../../scoring/settings';
import { nameIn, type Labels } from '../../ui/labels';

// 述评: the two lines a leader reads first, written by rules from the scores (no language model).
// Each sentence names the element of the page that holds its number, so that it can link there.

export interface BriefingLine {
  /** Which rule wrote it: rank, gain, drop, offTrack, gate, lagging, nextStar, leaders, moves. */
  rule: string;
  text: string;
  /** The id of the element on the page that holds the sentence's number. */
  target: string;
}

/** Ids of the elements the sentences link to (the pages give their elements these ids). */
export const anchors = {
  scores: 'briefing-scores',
  breakdown: 'briefing-breakdown',
  trends: 'briefing-trends',
  below: 'briefing-below',
  nextStar: 'briefing-next-star',
  statuses: 'briefing-statuses',
  kpi: (indicatorId: string) => `briefing-kpi-${indicatorId.replace(/[^\w-]/g, '_')}`,
};

export interface Move {
  indicatorId: string;
  indicator: string;
  from: string;
  to: string;
  /** Signed change relative to the earlier value, positive when it is for the better. */
  size: number;
}

/**
 * The largest move for the better and for the worse among rows that have an earlier value,
 * compared relative to that value (the indicators have different units). A move that rounds to
 * nothing at the indicator's decimals is no move, as on the tiles.
 */
export function biggestMoves(rows: readonly SnapshotRow[], indicators: ReadonlyMap<string, IndicatorInfo>, labels: Labels): { gain: Move | null; drop: Move | null } {
  let gain: Move | null = null;
  let drop: Move | null = null;
  for (const r of rows) {
    const i = indicators.get(r.indicator_id);
    if (!i || r.prev_value === null) continue;
    const move = movement(r.value, r.prev_value, i.direction, i.decimals);
    if (move === 'flat') continue;
    const size = (i.direction * (r.value - r.prev_value)) / (Math.abs(r.prev_value) || 1);
    const fmt = (v: number) => formatValue(v, i.decimals, i.unit, labels.locale);
    const m: Move = { indicatorId: i.indicator_id, indicator: nameIn(i, labels.locale), from: fmt(r.prev_value), to: fmt(r.value), size };
    if (move === 'better' && (!gain || size > gain.size)) gain = m;
    if (move === 'worse' && (!drop || size < drop.size)) drop = m;
  }
  return { gain, drop };
}

/** The scores of the previous period: each row's earlier value, where it has one. */
export function previousScores(indicators: readonly IndicatorInfo[], rows: readonly SnapshotRow[], settings: ScoringSettings): EntityScore[] {
  const earlier = rows.flatMap((r) => (r.prev_period !== null && r.prev_value !== null ? [{ ...r, period: r.prev_period, value: r.prev_value, prev_period: null, prev_value: null }] : []));
  return rankScores(scoreLevel(indicators, earlier, settings));
}

/** 1-based rank of each entity in a ranked list. */
export function ranksOf(ranked: readonly EntityScore[]): Map<string, number> {
  return new Map(ranked.map((s, k) => [s.entityId, k + 1]));
}

const starsWord = (labels: Labels, stars: number) => labels.t(`briefing.starName.${stars}`);

function movesLines(moves: { gain: Move | null; drop: Move | null }, labels: Labels, subject: string): BriefingLine[] {
  const t = labels.t;
  const lines: BriefingLine[] = [];
  if (moves.gain) lines.push({ rule: 'gain', text: t('briefing.gain', { subject, ...moves.gain }), target: anchors.kpi(moves.gain.indicatorId) });
  if (moves.drop) lines.push({ rule: 'drop', text: t('briefing.drop', { subject, ...moves.drop }), target: anchors.kpi(moves.drop.indicatorId) });
  return lines;
}

/** Names in a list, the first `max` and a count beyond that ("等 5 个", or "等 5 项" of indicators). */
const list = (labels: Labels, names: readonly string[], max = 3, more = 'briefing.andMore') =>
  names.length <= max ? names.join(labels.separator) : labels.t(more, { names: names.slice(0, max).join(labels.separator), n: names.length });
const items = (labels: Labels, names: readonly string[]) => list(labels, names, 3, 'briefing.andMoreItems');

/** What a district's or branch's page says first. */
export interface EntityFacts {
  name: string;
  /** 区县, 支部: the level's name, for "among 12 districts". */
  levelName: string;
  year: number;
  score: EntityScore | null;
  /** Rank among the peers now and in the previous period (null when it had no score then). */
  rank: number | null;
  of: number;
  previousRank: number | null;
  moves: { gain: Move | null; drop: Move | null };
  offTrack: string[];
  /** Indicators whose gate caps the stars, with value and gate written out. */
  gates: { indicator: string; value: string; gate: string; cap: number }[];
  /** Units below scored lowest among their siblings, weakest first, with their weakest indicator. */
  lagging: { name: string; weakest: string | null }[];
  belowName: string;
  /** The cheapest reachable step to the next star. */
  nextStar: { stars: number; indicator: string; needed: string } | null;
}

export function entityBriefing(f: EntityFacts, labels: Labels): BriefingLine[] {
  const t = labels.t;
  const lines: BriefingLine[] = [];
  const s = f.score;
  if (s && f.rank !== null) {
    const composite = s.composite === null ? '—' : formatNumber(s.composite, 1, labels.locale);
    if (s.insufficient || s.stars === null) {
      lines.push({ rule: 'rank', text: t('briefing.rankInsufficient', { name: f.name, year: f.year, composite }) + t('briefing.stop'), target: anchors.breakdown });
    } else {
      const standing = t('briefing.rank', { name: f.name, year: f.year, of: f.of, level: f.levelName, rank: f.rank, composite, stars: starsWord(labels, s.stars) });
      const before = f.previousRank;
      const moved = before === null ? '' : before > f.rank ? t('briefing.rankUp', { n: before - f.rank }) : before < f.rank ? t('briefing.rankDown', { n: f.rank - before }) : t('briefing.rankSame');
      lines.push({ rule: 'rank', text: standing + moved + t('briefing.stop'), target: anchors.breakdown });
    }
  }
  lines.push(...movesLines(f.moves, labels, f.name));
  if (f.offTrack.length > 0) lines.push({ rule: 'offTrack', text: t('briefing.offTrack', { names: items(labels, f.offTrack), n: f.offTrack.length }), target: anchors.trends });
  for (const g of f.gates) lines.push({ rule: 'gate', text: t('briefing.gate', { ...g, stars: starsWord(labels, g.cap) }), target: anchors.breakdown });
  if (f.nextStar) lines.push({ rule: 'nextStar', text: t('briefing.nextStar', { ...f.nextStar, stars: starsWord(labels, f.nextStar.stars) }), target: anchors.nextStar });
  if (f.lagging.length > 0) {
    const names = f.lagging.map((l) => (l.weakest ? t('briefing.withWeakest', { name: l.name, weakest: l.weakest }) : l.name));
    lines.push({ rule: 'lagging', text: t('briefing.lagging', { below: f.belowName, names: list(labels, names, 2) }), target: anchors.below });
  }
  return lines;
}

/** What the overview says first: the members of the city (or of the data in view) side by side. */
export interface OverviewFacts {
  /** The city's name, or empty for data without a top entity. */
  name: string;
  levelName: string;
  year: number;
  ranked: readonly EntityScore[];
  names: ReadonlyMap<string, string>;
  previousRanks: ReadonlyMap<string, number>;
  /** The city's own moves (its headline tiles). */
  moves: { gain: Move | null; drop: Move | null };
  /** The city's indicators off track toward their target. */
  offTrack: string[];
  /** Members whose stars a gate caps, by gating indicator. */
  gated: { indicator: string; members: string[] }[];
}

export function overviewBriefing(f: OverviewFacts, labels: Labels): BriefingLine[] {
  const t = labels.t;
  const lines: BriefingLine[] = [];
  const name = (id: string) => f.names.get(id) ?? id;
  const scored = f.ranked.filter((s) => !s.insufficient && s.composite !== null);
  const best = scored[0];
  const worst = scored[scored.length - 1];
  if (best && worst && best !== worst) {
    const fact = (s: EntityScore) => ({ composite: formatNumber(s.composite as number, 1, labels.locale), stars: starsWord(labels, s.stars ?? 1) });
    lines.push({
      rule: 'leaders',
      text: t('briefing.leaders', { year: f.year, of: f.ranked.length, level: f.levelName, best: name(best.entityId), worst: name(worst.entityId), bestFacts: t('briefing.facts', fact(best)), worstFacts: t('briefing.facts', fact(worst)) }),
      target: anchors.scores,
    });
  }
  const moved = f.ranked.flatMap((s, k) => {
    const before = f.previousRanks.get(s.entityId);
    return before === undefined || before === k + 1 ? [] : [{ id: s.entityId, by: before - (k + 1) }];
  });
  const up = [...moved].sort((a, b) => b.by - a.by)[0];
  const down = [...moved].sort((a, b) => a.by - b.by)[0];
  const parts = [
    up && up.by > 0 ? t('briefing.memberUp', { name: name(up.id), n: up.by }) : '',
    down && down.by < 0 ? t('briefing.memberDown', { name: name(down.id), n: -down.by }) : '',
  ].filter(Boolean);
  if (parts.length > 0) lines.push({ rule: 'moves', text: t('briefing.membersMoved', { moves: parts.join(labels.locale === 'en' ? '; ' : '，') }), target: anchors.scores });
  lines.push(...movesLines(f.moves, labels, f.name || t('briefing.overall')));
  if (f.offTrack.length > 0) lines.push({ rule: 'offTrack', text: t('briefing.cityOffTrack', { name: f.name || t('briefing.overall'), names: items(labels, f.offTrack), n: f.offTrack.length }), target: anchors.statuses });
  for (const g of f.gated) lines.push({ rule: 'gate', text: t('briefing.membersGated', { indicator: g.indicator, members: list(labels, g.members) }), target: anchors.scores });
  const insufficient = f.ranked.filter((s) => s.insufficient).map((s) => name(s.entityId));
  const low = scored.filter((s) => (s.stars ?? 1) <= 2).map((s) => name(s.entityId));
  if (low.length > 0 || insufficient.length > 0) {
    const text = [low.length > 0 ? t('briefing.lowStars', { names: list(labels, low) }) : '', insufficient.length > 0 ? t('briefing.insufficient', { names: list(labels, insufficient) }) : ''].filter(Boolean).join(labels.locale === 'en' ? ' ' : '');
    lines.push({ rule: 'lagging', text, target: anchors.scores });
  }
  return lines;
}

/** What the overview and Present's briefing slide know of the data in view. */
export interface CityValues {
  indicators: readonly IndicatorInfo[];
  root: { entity_id: string; name: string } | null;
  names: ReadonlyMap<string, string>;
  levelName: string;
  year: number;
  /** The members ranked (rankScores), and their rows for the year. */
  ranked: readonly EntityScore[];
  members: readonly SnapshotRow[];
  /** The city's rows (its moves) and history (what is off track). */
  rootRows: readonly SnapshotRow[];
  history: readonly HistoryRow[];
  settings: ScoringSettings;
}

/** The overview's briefing from the values it shows (also Present's briefing slide). */
export function cityBriefing(c: CityValues, labels: Labels): BriefingLine[] {
  const byId = new Map(c.indicators.map((i) => [i.indicator_id, i]));
  const named = (id: string) => {
    const i = byId.get(id);
    return i ? nameIn(i, labels.locale) : id;
  };
  const gated = new Map<string, string[]>();
  for (const s of c.ranked) if (s.stars !== null) for (const id of s.gatedBy) gated.set(id, [...(gated.get(id) ?? []), c.names.get(s.entityId) ?? s.entityId]);
  return overviewBriefing(
    {
      name: c.root?.name ?? '',
      levelName: c.levelName,
      year: c.year,
      ranked: c.ranked,
      names: c.names,
      previousRanks: ranksOf(previousScores(c.indicators, c.members, c.settings)),
      moves: biggestMoves(c.rootRows, byId, labels),
      offTrack: c.root ? entityTrends(c.indicators, c.history, c.root.entity_id, c.settings).filter((t) => t.status === 'off-track').map((t) => named(t.indicatorId)) : [],
      gated: [...gated].map(([id, members]) => ({ indicator: named(id), members })),
    },
    labels,
  );
}

/** The briefing as plain text, for the clipboard: one sentence a line. */
export function briefingText(title: string, lines: readonly BriefingLine[]): string {
  return [title, ...lines.map((l) => l.text)].join('\n');
}
