import { describe, expect, it } from 'vitest';
import type { IndicatorInfo } from '../../../src/queries/indicators';
import { applyOverrides } from '../../../src/scoring/overrides';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';
import { sanitizeSettings } from '../../../src/app/scoring-store';

const base = { indicator_id: 'a', target: 95, target_year: 2026, weight: 2, tier: 'basic', gate_min: 90, gate_max_stars: 3 } as IndicatorInfo;

describe('applyOverrides', () => {
  it('changes only what was overridden, and can clear a target or a gate', () => {
    const [a] = applyOverrides([base], { a: { weight: 1, target: null, gateMin: null } });
    expect(a).toMatchObject({ weight: 1, target: null, target_year: 2026, tier: 'basic', gate_min: null, gate_max_stars: 3 });
    expect(applyOverrides([base], {})[0]).toBe(base);
  });
});

describe('sanitizeSettings', () => {
  it('keeps valid values, clamps out-of-range ones and replaces garbage with the defaults', () => {
    expect(sanitizeSettings({ basicShare: 0.7, characteristicShare: 0.3, minCoverage: 2, starThresholds: [95, 'x', 70, 60], trendPoints: 1.4 })).toEqual({
      ...DEFAULT_SETTINGS,
      basicShare: 0.7,
      characteristicShare: 0.3,
      minCoverage: 1,
      starThresholds: [95, 80, 70, 60],
      trendPoints: 2,
    });
    expect(sanitizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });
});
