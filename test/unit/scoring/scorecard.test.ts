import { describe, expect, it } from 'vitest';
import type { IndicatorInfo } from '../../../src/queries/indicators';
import { countStatuses, entityTrends, rankScores, scoreLevel } from '../../../src/scoring/scorecard';
import type { EntityScore } from '../../../src/scoring/score';

const indicator = (id: string, over: Partial<IndicatorInfo> = {}): IndicatorInfo => ({
  indicator_id: id, name_zh: id, name_en: id, category: 'c', unit: '%', direction: 1, target: 100, target_year: 2027,
  weight: 1, tier: 'basic', gate_min: null, gate_max_stars: null, decimals: 1, definition: '', source: '', grain: 'year',
  first_period: '2021', last_period: '2025', observations: 5, dataset_ids: 'x', ...over,
});
const row = (entity_id: string, indicator_id: string, value: number, period = '2025') => ({ entity_id, name: entity_id, indicator_id, period, value, prev_period: null, prev_value: null });

describe('scoreLevel', () => {
  it('counts only indicators some entity of the level reports towards coverage', () => {
    const indicators = [indicator('a'), indicator('b'), indicator('districts-only', { weight: 5 })];
    const scores = scoreLevel(indicators, [row('b1', 'a', 90), row('b2', 'a', 80), row('b2', 'b', 70)]);
    const b1 = scores.find((s) => s.entityId === 'b1');
    expect(b1?.coverage).toBe(0.5);
    expect(scores.find((s) => s.entityId === 'b2')?.coverage).toBe(1);
  });
});

describe('rankScores', () => {
  const s = (entityId: string, composite: number | null, insufficient = false): EntityScore => ({
    entityId, composite, insufficient, basic: composite, characteristic: null, coverage: insufficient ? 0.3 : 1, stars: null, gatedBy: [], parts: [],
  });
  it('puts the best first and 数据不足 last, ties by id', () => {
    expect(rankScores([s('c', 70), s('a', 95, true), s('b', 80), s('d', 80)]).map((x) => x.entityId)).toEqual(['b', 'd', 'c', 'a']);
  });
});

describe('entityTrends and countStatuses', () => {
  it('projects each targeted indicator of an entity and counts the statuses', () => {
    const history = [2021, 2022, 2023, 2024, 2025].flatMap((year, i) => [
      { entity_id: 'city', indicator_id: 'up', period: String(year), value: 80 + 5 * i }, // 100 by 2025: on track
      { entity_id: 'city', indicator_id: 'flat', period: String(year), value: 50 }, // never reaches 100
      { entity_id: 'city', indicator_id: 'near', period: String(year), value: 90 + i }, // 96 by 2027: short 4 < 5
    ]);
    const trends = entityTrends([indicator('up'), indicator('flat'), indicator('near'), indicator('none', { target: null })], history, 'city');
    expect(trends.map((t) => [t.indicatorId, t.status])).toEqual([
      ['up', 'on-track'],
      ['flat', 'off-track'],
      ['near', 'at-risk'],
    ]);
    expect(countStatuses(trends)).toEqual({ 'on-track': 1, 'at-risk': 1, 'off-track': 1 });
  });
});
