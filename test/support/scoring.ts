import type { EntityValue, ScoredIndicator } from '../../src/scoring/score';

/** A scored indicator: basic, higher is better, target 100, weight 1, no gate, unless told. */
export const ind = (indicatorId: string, over: Partial<ScoredIndicator> = {}): ScoredIndicator => ({
  indicatorId,
  direction: 1,
  target: 100,
  weight: 1,
  tier: 'basic',
  gateMin: null,
  gateMaxStars: null,
  ...over,
});

/** One entity's value of one indicator, in 2025 unless told. */
export const val = (entityId: string, indicatorId: string, value: number, period = '2025'): EntityValue => ({ entityId, indicatorId, value, period });
