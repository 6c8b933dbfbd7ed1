import { compositeOf, type EntityScore, type ScoredIndicator } from './score';
import type { ScoringSettings } from './settings';

// 距下一星: for each indicator an entity reports, the value that indicator alone would need for
// the entity to earn its next star, every other value staying as it is (docs/scoring.md §12).

export interface NextStarStep {
  indicatorId: string;
  current: number;
  /** The value needed, unrounded; null when no value in the indicator's range gets there. */
  needed: number | null;
  /** The change needed relative to the current value (absolute when that is 0); Infinity when unreachable. */
  effort: number;
  /** What holds the star back for this indicator: the composite, its own gate, or both. */
  lifts: 'composite' | 'gate' | 'both' | null;
}

export interface NextStar {
  entityId: string;
  /** The star to earn: one more than today. */
  stars: number;
  /** The composite that star needs (its threshold). */
  threshold: number;
  /** Cheapest first; those no value can reach last. */
  steps: NextStarStep[];
}

export interface NextStarContext {
  indicators: readonly ScoredIndicator[];
  /** The peers' range per `indicator|period` (score.ts `peerRanges`), held fixed. */
  ranges: ReadonlyMap<string, { min: number; max: number }>;
  settings: ScoringSettings;
  /** The values an indicator can take at all (0–100 for a percentage), when it has such bounds. */
  bounds?: (indicatorId: string) => { min: number; max: number } | null;
}

const EPS = 1e-9;

/**
 * The value of `indicator` that scores `score`, for the direction and method it is scored by.
 * For a lower-is-better target it is the largest value that still scores that much.
 */
function valueForScore(score: number, indicator: ScoredIndicator, range: { min: number; max: number }): number {
  if (indicator.target !== null && indicator.target > 0) return indicator.direction === 1 ? (score / 100) * indicator.target : (100 * indicator.target) / score;
  return indicator.direction === 1 ? range.min + (score / 100) * (range.max - range.min) : range.max - (score / 100) * (range.max - range.min);
}

/** Null when the entity has no next star to show: 数据不足 (below minimum coverage), or five stars. */
export function nextStar(score: EntityScore, context: NextStarContext): NextStar | null {
  const { settings } = context;
  if (score.insufficient || score.stars === null || score.stars >= 5 || score.coverage < settings.minCoverage - 1e-12) return null;
  const stars = score.stars + 1;
  const threshold = settings.starThresholds[5 - stars] as number;
  const byId = new Map(context.indicators.map((i) => [i.indicatorId, i]));
  const capsBelow = (id: string, value: number) => {
    const i = byId.get(id);
    return !!i && i.gateMin !== null && i.gateMaxStars !== null && value < i.gateMin && i.gateMaxStars < stars;
  };

  const steps = score.parts.map((part): NextStarStep => {
    const i = byId.get(part.indicatorId) as ScoredIndicator;
    const unreachable: NextStarStep = { indicatorId: part.indicatorId, current: part.value, needed: null, effort: Infinity, lifts: null };
    // Another indicator's gate caps the stars: no value of this one lifts it.
    if (score.parts.some((p) => p !== part && capsBelow(p.indicatorId, p.value))) return unreachable;

    let lo = -Infinity;
    let hi = Infinity;
    // The composite is linear in this part's score: the score it needs follows from two points.
    const at = (s: number) => compositeOf(score.parts.map((p) => (p === part ? { ...p, score: s } : p)), settings).composite ?? -Infinity;
    const [c0, c100] = [at(0), at(100)];
    const needScore = c100 - c0 > EPS ? (100 * (threshold - c0)) / (c100 - c0) : threshold <= c0 + EPS ? 0 : Infinity;
    if (needScore > 100 + EPS) return unreachable;
    // The score must not fall below what the composite needs, whichever way the value moves
    // (raising a lower-is-better value to its gate lowers its score).
    const range = context.ranges.get(`${part.indicatorId}|${part.period}`) ?? { min: part.value, max: part.value };
    const flat = !(i.target !== null && i.target > 0) && range.max - range.min < EPS;
    if (needScore > EPS && !flat) {
      const v = valueForScore(needScore, i, range);
      if (i.direction === 1) lo = v;
      else hi = v;
    }
    const composite = needScore > part.score + EPS;
    const gate = capsBelow(part.indicatorId, part.value);
    if (gate) lo = Math.max(lo, i.gateMin as number);
    const bounds = context.bounds?.(part.indicatorId);
    if (bounds) [lo, hi] = [Math.max(lo, bounds.min), Math.min(hi, bounds.max)];
    if (lo > hi + EPS) return unreachable;
    const needed = Math.min(Math.max(part.value, lo), hi);
    const change = Math.abs(needed - part.value);
    return {
      indicatorId: part.indicatorId,
      current: part.value,
      needed,
      effort: part.value === 0 ? change : change / Math.abs(part.value),
      lifts: composite && gate ? 'both' : gate ? 'gate' : 'composite',
    };
  });
  steps.sort((a, b) => a.effort - b.effort || a.indicatorId.localeCompare(b.indicatorId));
  return { entityId: score.entityId, stars, threshold, steps };
}
