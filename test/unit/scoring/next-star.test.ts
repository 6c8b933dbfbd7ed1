import { describe, expect, it } from 'vitest';
import { ind, val } from '../../support/scoring';
import { nextStar } from '../../../src/scoring/next-star';
import { peerRanges, scoreEntities, type EntityValue, type ScoredIndicator } from '../../../src/scoring/score';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';


/** The next star of `entityId`, scored among `values` as the app scores a level. */
function next(indicators: ScoredIndicator[], values: EntityValue[], entityId: string, bounds?: (id: string) => { min: number; max: number } | null) {
  const score = scoreEntities(indicators, values).find((s) => s.entityId === entityId);
  if (!score) throw new Error('no score');
  return nextStar(score, { indicators, ranges: peerRanges(values), settings: DEFAULT_SETTINGS, bounds });
}
const needed = (n: ReturnType<typeof next>) => Object.fromEntries((n?.steps ?? []).map((s) => [s.indicatorId, s.needed]));

// A: basic, target 100. B: characteristic, no target: min–max between the peers' 40 and 60.
const AB = [ind('a'), ind('b', { tier: 'characteristic', target: null })];
const peersB = [val('lo', 'b', 40), val('hi', 'b', 60)];

describe('the gap to the next star', () => {
  it('gives the value each indicator alone needs for the next threshold, cheapest first', () => {
    // composite = 0.8 × 70 + 0.2 × 50 = 66: two stars; three need 70.
    const n = next(AB, [val('x', 'a', 70), val('x', 'b', 50), ...peersB], 'x');
    expect(n?.stars).toBe(3);
    expect(n?.threshold).toBe(70);
    // A: 0.8·s + 10 = 70 → s = 75 → 75. B: 56 + 0.2·s = 70 → s = 70 → 40 + 0.7 × 20 = 54.
    expect(needed(n).a).toBeCloseTo(75, 9);
    expect(needed(n).b).toBeCloseTo(54, 9);
    expect(n?.steps.map((s) => s.indicatorId)).toEqual(['a', 'b']); // 5/70 = 7.1% before 4/50 = 8%
    expect(n?.steps[0]?.effort).toBeCloseTo(5 / 70, 9);
    expect(n?.steps.every((s) => s.lifts === 'composite')).toBe(true);
  });

  it('holds the peers’ range fixed: a min–max value beyond the maximum scores no more than 100', () => {
    // composite = 0.8 × 85 + 0.2 × 100 = 88: four stars; five need 90, which B at 100 cannot give.
    const n = next(AB, [val('x', 'a', 85), val('x', 'b', 60), ...peersB], 'x');
    expect(n?.stars).toBe(5);
    expect(needed(n).a).toBeCloseTo(87.5, 9); // 0.8·s + 20 = 90
    expect(needed(n).b).toBeNull();
    expect(n?.steps.map((s) => s.indicatorId)).toEqual(['a', 'b']);
  });

  it('reads a lower-is-better target the other way: the largest value that still scores enough', () => {
    // 3/4 → 75: three stars; four need 80 → 3/v = 0.8 → v = 3.75.
    const n = next([ind('days', { target: 3, direction: -1 })], [val('x', 'days', 4)], 'x');
    expect(needed(n).days).toBeCloseTo(3.75, 9);
    expect(n?.steps[0]?.effort).toBeCloseTo(0.0625, 9);
  });

  it('names the gate: only the gated indicator can lift the cap, to the gate and no further', () => {
    // docs/scoring.md §11, d02: composite 82.9 would be four stars; 群众满意度 86.6 < 90 caps it at three.
    const indicators = [
      ind('sat', { target: 95, weight: 2, gateMin: 90, gateMaxStars: 3 }),
      ind('income', { target: 20, weight: 1.5 }),
      ind('days', { target: 3, direction: -1, weight: 0.5, tier: 'characteristic' }),
      ind('tertiary', { target: null, weight: 0.5, tier: 'characteristic' }),
    ];
    const values = [
      ...[['sat', 93.1], ['income', 24.6], ['days', 3.6], ['tertiary', 52]].map(([i, v]) => val('d01', i as string, v as number)),
      ...[['sat', 86.6], ['income', 18.2], ['days', 2.8], ['tertiary', 45]].map(([i, v]) => val('d02', i as string, v as number)),
      val('d03', 'sat', 91),
      val('d03', 'tertiary', 48.5),
    ];
    const n = next(indicators, values, 'd02');
    expect(n?.stars).toBe(4);
    expect(needed(n)).toEqual({ sat: 90, income: null, days: null, tertiary: null });
    expect(n?.steps[0]).toMatchObject({ indicatorId: 'sat', lifts: 'gate' });
    expect(n?.steps[0]?.effort).toBeCloseTo(3.4 / 86.6, 9);
  });

  it('asks for gate and threshold together when the gated indicator must do both', () => {
    // 60 would be two stars; the gate caps them at one while below 70. Only the gate holds it back.
    const gateOnly = next([ind('a', { gateMin: 70, gateMaxStars: 1 })], [val('x', 'a', 60)], 'x');
    expect(gateOnly?.steps[0]).toMatchObject({ needed: 70, lifts: 'gate' });
    // 50 is one star: two need 60, and the gate 65 (or 55) too. The higher of the two is needed.
    const gateHigher = next([ind('a', { gateMin: 65, gateMaxStars: 1 })], [val('x', 'a', 50)], 'x');
    expect(gateHigher?.stars).toBe(2);
    expect(gateHigher?.steps[0]).toMatchObject({ needed: 65, lifts: 'both' });
    const thresholdHigher = next([ind('a', { gateMin: 55, gateMaxStars: 1 })], [val('x', 'a', 50)], 'x');
    expect(thresholdHigher?.steps[0]?.needed).toBeCloseTo(60, 9);
    expect(thresholdHigher?.steps[0]?.lifts).toBe('both');
  });

  it('says so when the indicator’s own bounds leave no value that gets there', () => {
    const n = next([ind('a', { target: 120 })], [val('x', 'a', 80)], 'x', () => ({ min: 0, max: 100 }));
    // 80/120 = 66.7: two stars; three need 70 → 84, inside 0–100; five would need 108.
    expect(needed(n).a).toBeCloseTo(84, 9);
    const far = next([ind('a', { target: 120 })], [val('x', 'a', 106)], 'x', () => ({ min: 0, max: 100 }));
    expect(far?.stars).toBe(5);
    expect(needed(far).a).toBeNull();
  });

  it('shows nothing for five stars or for 数据不足', () => {
    expect(next([ind('a')], [val('x', 'a', 95)], 'x')).toBeNull();
    // One of two equal weights: coverage 50% < 60%.
    expect(next([ind('a'), ind('b')], [val('x', 'a', 50), val('y', 'b', 50)], 'x')).toBeNull();
  });
});
