import { DEFAULT_SETTINGS, type ScoringSettings } from './settings';

// The scoring method of docs/scoring.md (steps 1 to 5), as pure functions over plain values.

export interface ScoredIndicator {
  indicatorId: string;
  direction: 1 | -1;
  /** Only a positive target is scored by attainment; otherwise min–max among peers. */
  target: number | null;
  weight: number;
  tier: 'basic' | 'characteristic';
  gateMin: number | null;
  gateMaxStars: number | null;
}

export interface EntityValue {
  entityId: string;
  indicatorId: string;
  /** Period in normal form; min–max compares entities of the same period only. */
  period: string;
  value: number;
}

export interface IndicatorPart {
  indicatorId: string;
  value: number;
  period: string;
  score: number;
  weight: number;
  tier: 'basic' | 'characteristic';
  method: 'target' | 'min-max';
}

export interface EntityScore {
  entityId: string;
  basic: number | null;
  characteristic: number | null;
  /** Unrounded; null when the entity has no scored indicator at all. */
  composite: number | null;
  /** Share of the total weight of the indicators in view that had data for this entity. */
  coverage: number;
  /** 数据不足: coverage below the minimum; such an entity gets no stars. */
  insufficient: boolean;
  stars: number | null;
  /** Indicators whose gate capped the stars (value below gate_min). */
  gatedBy: string[];
  parts: IndicatorPart[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Step 1 with a target: attainment, capped at 100. */
export function targetScore(value: number, target: number, direction: 1 | -1): number {
  if (direction === 1) return 100 * clamp01(value / target);
  return value <= 0 ? 100 : 100 * clamp01(target / value);
}

/** Step 1 without a target: position between the worst and best peer; 100 when all are equal. */
export function minMaxScore(value: number, min: number, max: number, direction: 1 | -1): number {
  if (max === min) return 100;
  const share = (value - min) / (max - min);
  return 100 * (direction === 1 ? share : 1 - share);
}

/** Step 5: stars from the composite, before gates. */
export function starsFor(composite: number, thresholds: ScoringSettings['starThresholds']): number {
  const index = thresholds.findIndex((t) => composite >= t);
  return index < 0 ? 1 : 5 - index;
}

function weightedMean(parts: readonly Pick<IndicatorPart, 'weight' | 'score'>[]): number | null {
  const weight = parts.reduce((w, p) => w + p.weight, 0);
  return weight > 0 ? parts.reduce((s, p) => s + p.weight * p.score, 0) / weight : null;
}

/** Steps 2 and 3: the tier indices and the composite of an entity's scored parts. */
export function compositeOf(
  parts: readonly Pick<IndicatorPart, 'weight' | 'score' | 'tier'>[],
  settings: Pick<ScoringSettings, 'basicShare' | 'characteristicShare'>,
): { basic: number | null; characteristic: number | null; composite: number | null } {
  const basic = weightedMean(parts.filter((p) => p.tier === 'basic'));
  const characteristic = weightedMean(parts.filter((p) => p.tier === 'characteristic'));
  const composite =
    basic !== null && characteristic !== null ? settings.basicShare * basic + settings.characteristicShare * characteristic : (basic ?? characteristic);
  return { basic, characteristic, composite };
}

/** The peers' range for min–max scoring: per indicator and period, keyed `indicator|period`. */
export function peerRanges(values: readonly EntityValue[]): Map<string, { min: number; max: number }> {
  const range = new Map<string, { min: number; max: number }>();
  for (const v of values) {
    const key = `${v.indicatorId}|${v.period}`;
    const r = range.get(key);
    range.set(key, r ? { min: Math.min(r.min, v.value), max: Math.max(r.max, v.value) } : { min: v.value, max: v.value });
  }
  return range;
}

/** The score of one value: attainment with a positive target, else its place in the peers' range. */
export function scoreValue(value: number, indicator: Pick<ScoredIndicator, 'target' | 'direction'>, range: { min: number; max: number }): number {
  return indicator.target !== null && indicator.target > 0
    ? targetScore(value, indicator.target, indicator.direction)
    : minMaxScore(value, range.min, range.max, indicator.direction);
}

/** The stars a composite earns once gates are applied: the lowest cap of the gates that hold. */
export function cappedStars(composite: number, caps: readonly number[], settings: Pick<ScoringSettings, 'starThresholds'>): number {
  return caps.reduce((stars, cap) => Math.min(stars, cap), starsFor(composite, settings.starThresholds));
}

/**
 * Scores every entity of one level. `values` holds one value per entity and indicator (the latest
 * at or before the selected year); `indicators` are those in view at this level, whose weights make
 * the total for coverage.
 */
export function scoreEntities(
  indicators: readonly ScoredIndicator[],
  values: readonly EntityValue[],
  settings: ScoringSettings = DEFAULT_SETTINGS,
): EntityScore[] {
  const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
  const totalWeight = indicators.reduce((w, i) => w + Math.max(0, i.weight), 0);

  // Peers for min–max: the same indicator in the same period.
  const range = peerRanges(values);

  const byEntity = new Map<string, EntityValue[]>();
  for (const v of values) if (byId.has(v.indicatorId)) byEntity.set(v.entityId, [...(byEntity.get(v.entityId) ?? []), v]);

  return [...byEntity].map(([entityId, own]): EntityScore => {
    const parts = own.map((v): IndicatorPart => {
      const i = byId.get(v.indicatorId) as ScoredIndicator;
      const useTarget = i.target !== null && i.target > 0;
      const r = range.get(`${v.indicatorId}|${v.period}`) as { min: number; max: number };
      return {
        indicatorId: v.indicatorId,
        value: v.value,
        period: v.period,
        score: scoreValue(v.value, i, r),
        weight: Math.max(0, i.weight),
        tier: i.tier,
        method: useTarget ? 'target' : 'min-max',
      };
    });
    const { basic, characteristic, composite } = compositeOf(parts, settings);
    const coverage = totalWeight > 0 ? parts.reduce((w, p) => w + p.weight, 0) / totalWeight : 0;
    const insufficient = coverage < settings.minCoverage - 1e-12;
    const gatedBy = own
      .filter((v) => {
        const i = byId.get(v.indicatorId) as ScoredIndicator;
        return i.gateMin !== null && i.gateMaxStars !== null && v.value < i.gateMin;
      })
      .map((v) => v.indicatorId);
    const stars = !insufficient && composite !== null ? cappedStars(composite, gatedBy.map((id) => (byId.get(id) as ScoredIndicator).gateMaxStars as number), settings) : null;
    return { entityId, basic, characteristic, composite, coverage, insufficient, stars, gatedBy, parts };
  });
}
