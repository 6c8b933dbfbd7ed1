import type { HistoryRow } from '../queries/history';
import type { IndicatorInfo } from '../queries/indicators';
import type { SnapshotRow } from '../queries/snapshot';
import { scoreEntities, type EntityScore, type EntityValue, type ScoredIndicator } from './score';
import { DEFAULT_SETTINGS, type ScoringSettings } from './settings';
import { periodX, projectToTarget, type TrendStatus } from './trend';

// Glue between query rows and the pure scoring functions: which indicators count at a level, and
// the trend status of each indicator of one entity.

export function toScored(i: IndicatorInfo): ScoredIndicator {
  return {
    indicatorId: i.indicator_id,
    direction: i.direction,
    target: i.target,
    weight: i.weight,
    tier: i.tier,
    gateMin: i.gate_min,
    gateMaxStars: i.gate_max_stars,
  };
}

/**
 * Scores the entities of one level. The indicators that count (and make the total weight for
 * coverage) are those in view that have data for at least one entity of this level: a branch is
 * not judged on indicators only districts report.
 */
export function scoreLevel(indicators: readonly IndicatorInfo[], snapshot: readonly SnapshotRow[], settings: ScoringSettings = DEFAULT_SETTINGS): EntityScore[] {
  const { scored, values } = levelInputs(indicators, snapshot);
  return scoreEntities(scored, values, settings);
}

/** What scoreLevel scores: the indicators that count at the level, and the values. */
export function levelInputs(indicators: readonly IndicatorInfo[], snapshot: readonly SnapshotRow[]): { scored: ScoredIndicator[]; values: EntityValue[] } {
  const reported = new Set(snapshot.map((r) => r.indicator_id));
  return {
    scored: indicators.filter((i) => reported.has(i.indicator_id)).map(toScored),
    values: snapshot.map((r) => ({ entityId: r.entity_id, indicatorId: r.indicator_id, period: r.period, value: r.value })),
  };
}

/**
 * The values an indicator can take at all: a share in % lies in 0–100. A % value outside that
 * (a growth rate of −3%) says the indicator is no share, and it is left unbounded.
 */
export function indicatorBounds(indicator: Pick<IndicatorInfo, 'unit'> | undefined, value: number): { min: number; max: number } | null {
  return indicator?.unit === '%' && value >= 0 && value <= 100 ? { min: 0, max: 100 } : null;
}

/** Best first; 数据不足 after every scored entity; ties by id so the order is stable. */
export function rankScores(scores: readonly EntityScore[]): EntityScore[] {
  return [...scores].sort(
    (a, b) => Number(a.insufficient) - Number(b.insufficient) || (b.composite ?? -1) - (a.composite ?? -1) || a.entityId.localeCompare(b.entityId),
  );
}

/**
 * Scores entities below another (a district's branches, its villages under their towns), each
 * among its siblings: the same parent and level, exactly as its own page scores it.
 */
export function scoreSiblings(
  indicators: readonly IndicatorInfo[],
  entities: readonly { entity_id: string; level: string; parent_id: string | null }[],
  snapshot: readonly SnapshotRow[],
  settings: ScoringSettings = DEFAULT_SETTINGS,
): Map<string, EntityScore> {
  const groups = new Map<string, Set<string>>();
  for (const e of entities) {
    const key = `${e.level}|${e.parent_id ?? ''}`;
    groups.set(key, (groups.get(key) ?? new Set()).add(e.entity_id));
  }
  const scores = new Map<string, EntityScore>();
  for (const ids of groups.values())
    for (const s of scoreLevel(indicators, snapshot.filter((r) => ids.has(r.entity_id)), settings)) scores.set(s.entityId, s);
  return scores;
}

/** The part of a score that pulls it down most: the indicator with the lowest score. */
export function weakestPart(score: EntityScore): EntityScore['parts'][number] | null {
  return score.parts.reduce<EntityScore['parts'][number] | null>((w, p) => (w === null || p.score < w.score ? p : w), null);
}

export interface IndicatorTrend {
  indicatorId: string;
  status: TrendStatus;
  projected: number;
}

/** Trend status of every indicator of one entity that has a target and a target year. */
export function entityTrends(indicators: readonly IndicatorInfo[], history: readonly HistoryRow[], entityId: string, settings: ScoringSettings = DEFAULT_SETTINGS): IndicatorTrend[] {
  return indicators.flatMap((i) => {
    if (i.target === null || i.target_year === null) return [];
    const points = history.filter((h) => h.entity_id === entityId && h.indicator_id === i.indicator_id).map((h) => ({ x: periodX(h.period), value: h.value }));
    const p = projectToTarget(points, i.target, i.target_year, i.direction, settings);
    return p ? [{ indicatorId: i.indicator_id, status: p.status, projected: p.projected }] : [];
  });
}

export function countStatuses(trends: readonly IndicatorTrend[]): Record<TrendStatus, number> {
  const counts: Record<TrendStatus, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0 };
  for (const t of trends) counts[t.status]++;
  return counts;
}
