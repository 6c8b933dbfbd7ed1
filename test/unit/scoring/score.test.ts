import { describe, expect, it } from 'vitest';
import { ind, val } from '../../support/scoring';
import { minMaxScore, scoreEntities, starsFor, targetScore } from '../../../src/scoring/score';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';

const byEntity = (scores: ReturnType<typeof scoreEntities>) => Object.fromEntries(scores.map((s) => [s.entityId, s]));

describe('indicator score (step 1)', () => {
  it('scores attainment of a target where higher is better, capped at 100', () => {
    expect(targetScore(30, 40, 1)).toBe(75);
    expect(targetScore(50, 40, 1)).toBe(100);
    expect(targetScore(-5, 40, 1)).toBe(0);
  });

  it('scores T/v where lower is better; zero or less meets it', () => {
    expect(targetScore(4, 3, -1)).toBe(75);
    expect(targetScore(2, 3, -1)).toBe(100);
    expect(targetScore(0, 3, -1)).toBe(100);
    expect(targetScore(-1, 3, -1)).toBe(100);
  });

  it('places a value between the worst and best peer without a target, reversed where lower is better', () => {
    expect(minMaxScore(55, 50, 70, 1)).toBe(25);
    expect(minMaxScore(55, 50, 70, -1)).toBe(75);
    expect(minMaxScore(42, 42, 42, 1)).toBe(100);
    expect(minMaxScore(42, 42, 42, -1)).toBe(100);
  });
});

describe('indices, composite and coverage (steps 2–4)', () => {
  const indicators = [
    ind('a', { weight: 2 }), // basic, target 100
    ind('b', { weight: 1, target: 50, direction: -1 }), // basic, lower better
    ind('c', { weight: 1, tier: 'characteristic', target: null }), // min–max
  ];

  it('weights the tier means and splits 0.8 / 0.2', () => {
    const scores = byEntity(
      scoreEntities(indicators, [val('x', 'a', 90), val('x', 'b', 100), val('x', 'c', 10), val('y', 'a', 60), val('y', 'b', 40), val('y', 'c', 20)]),
    );
    // x: a = 90, b = 50/100 → 50; basic = (2·90 + 1·50)/3 = 76.67; c = min → 0; composite = 0.8·76.67 + 0.2·0 = 61.33
    expect(scores.x?.basic).toBeCloseTo(230 / 3, 10);
    expect(scores.x?.characteristic).toBe(0);
    expect(scores.x?.composite).toBeCloseTo(0.8 * (230 / 3), 10);
    // y: a = 60, b = 100 (40 below the 50 target); basic = (120 + 100)/3 = 73.33; c = max → 100
    expect(scores.y?.composite).toBeCloseTo(0.8 * (220 / 3) + 0.2 * 100, 10);
    expect(scores.y?.coverage).toBe(1);
  });

  it('uses the basic index alone when an entity has no characteristic indicator, and re-weights missing ones', () => {
    const scores = byEntity(scoreEntities(indicators, [val('x', 'a', 90), val('x', 'b', 50)]));
    expect(scores.x?.characteristic).toBeNull();
    expect(scores.x?.composite).toBeCloseTo((2 * 90 + 100) / 3, 10);
    expect(scores.x?.coverage).toBe(0.75);
    expect(scores.x?.insufficient).toBe(false);
  });

  it('calls coverage below 60% 数据不足 and gives no stars', () => {
    const scores = byEntity(scoreEntities(indicators, [val('x', 'b', 50), val('x', 'c', 5)]));
    expect(scores.x?.coverage).toBe(0.5);
    expect(scores.x?.insufficient).toBe(true);
    expect(scores.x?.stars).toBeNull();
    expect(scores.x?.composite).not.toBeNull();
  });

  it('compares min–max peers within the same period only', () => {
    const only = [ind('c', { target: null })];
    const scores = byEntity(scoreEntities(only, [val('x', 'c', 10, '2024'), val('y', 'c', 20, '2025'), val('z', 'c', 30, '2025')]));
    expect(scores.x?.composite).toBe(100);
    expect(scores.y?.composite).toBe(0);
    expect(scores.z?.composite).toBe(100);
  });
});

describe('stars and gates (step 5)', () => {
  it('maps the composite to stars at 90, 80, 70 and 60', () => {
    expect([95, 90, 89.99, 80, 70, 60, 59.99, 0].map((c) => starsFor(c, DEFAULT_SETTINGS.starThresholds))).toEqual([5, 5, 4, 4, 3, 2, 1, 1]);
  });

  it('caps the stars while a gated indicator is below its gate', () => {
    const indicators = [ind('sat', { target: 95, gateMin: 90, gateMaxStars: 3 }), ind('other')];
    const below = byEntity(scoreEntities(indicators, [val('x', 'sat', 89.9), val('x', 'other', 100)]));
    expect(below.x?.composite).toBeGreaterThan(90);
    expect(below.x?.stars).toBe(3);
    expect(below.x?.gatedBy).toEqual(['sat']);
    const at = byEntity(scoreEntities(indicators, [val('x', 'sat', 90), val('x', 'other', 100)]));
    expect(at.x?.stars).toBe(5);
    expect(at.x?.gatedBy).toEqual([]);
  });
});
