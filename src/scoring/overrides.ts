import type { IndicatorInfo } from '../queries/indicators';

/** What the settings panel may change about an indicator, without touching the catalog. */
export interface IndicatorOverride {
  weight?: number;
  tier?: 'basic' | 'characteristic';
  target?: number | null;
  targetYear?: number | null;
  gateMin?: number | null;
  gateMaxStars?: number | null;
}

/** The catalog entries as the person has adjusted them; indicators without an override are unchanged. */
export function applyOverrides(indicators: readonly IndicatorInfo[], overrides: Readonly<Record<string, IndicatorOverride>>): IndicatorInfo[] {
  return indicators.map((i) => {
    const o = overrides[i.indicator_id];
    if (!o) return i;
    return {
      ...i,
      weight: o.weight ?? i.weight,
      tier: o.tier ?? i.tier,
      target: o.target !== undefined ? o.target : i.target,
      target_year: o.targetYear !== undefined ? o.targetYear : i.target_year,
      gate_min: o.gateMin !== undefined ? o.gateMin : i.gate_min,
      gate_max_stars: o.gateMaxStars !== undefined ? o.gateMaxStars : i.gate_max_stars,
    };
  });
}
