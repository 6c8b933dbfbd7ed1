import { describe, expect, it } from 'vitest';
import { ind, val } from '../../support/scoring';
import { mulberry32 as seededRandom } from '../../../src/domain/random';
import { rankRanges } from '../../../src/scoring/rank-stability';
import { scoreEntities, type EntityValue, type ScoredIndicator } from '../../../src/scoring/score';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';

function ranges(indicators: ScoredIndicator[], values: EntityValue[], options = {}) {
  const scores = scoreEntities(indicators, values);
  return Object.fromEntries(rankRanges(scores, indicators, DEFAULT_SETTINGS, options).map((r) => [r.entityId, [r.rank, r.low, r.high]]));
}

describe('how stable each rank is', () => {
  it('gives a rank that no weighting changes a range of one', () => {
    // a beats b and b beats c on every indicator: no weights reorder them.
    const indicators = [ind('i1'), ind('i2'), ind('i3')];
    const values = ['a', 'b', 'c'].flatMap((e, k) => ['i1', 'i2', 'i3'].map((i) => val(e, i, 90 - 10 * k)));
    expect(ranges(indicators, values)).toEqual({ a: [1, 1, 1], b: [2, 2, 2], c: [3, 3, 3] });
  });

  it('spans both ranks where the order turns on which of two weights draws higher', () => {
    // a leads on i1, b on i2, with equal weights: a tie, broken by id as set. Each draw gives one
    // weight more than the other, about half the time each way.
    const values = [val('a', 'i1', 100), val('a', 'i2', 0), val('b', 'i1', 0), val('b', 'i2', 100)];
    expect(ranges([ind('i1'), ind('i2')], values)).toEqual({ a: [1, 1, 2], b: [2, 1, 2] });
  });

  it('keeps an order that no draw in [0.5, 1.5] can undo', () => {
    // a > b while 90·w1 > 100·w2; the worst case 90 × 2 = 180 against 100 × 1.5 = 150 still holds.
    const values = [val('a', 'i1', 90), val('a', 'i2', 0), val('b', 'i1', 0), val('b', 'i2', 100)];
    expect(ranges([ind('i1', { weight: 4 }), ind('i2')], values)).toEqual({ a: [1, 1, 1], b: [2, 2, 2] });
  });

  it('puts 数据不足 last in every draw, as the ranking does', () => {
    // c reports only i3, one weight of three: its coverage stays below 60% in every draw (it
    // would need 1.5 against 0.5 + 0.5), however high its score.
    const values = ['i1', 'i2', 'i3'].flatMap((i) => [val('a', i, 60), val('b', i, 50)]).concat(val('c', 'i3', 100));
    expect(ranges([ind('i1'), ind('i2'), ind('i3')], values)).toEqual({ a: [1, 1, 1], b: [2, 2, 2], c: [3, 3, 3] });
  });

  it('is the same for the same seed', () => {
    const indicators = ['i1', 'i2', 'i3', 'i4'].map((i) => ind(i));
    const random = seededRandom(7);
    const values = 'abcdefgh'.split('').flatMap((e) => indicators.map((i) => val(e, i.indicatorId, 40 + 60 * random())));
    expect(ranges(indicators, values)).toEqual(ranges(indicators, values));
    const first = seededRandom(42);
    const again = seededRandom(42);
    expect([first(), first(), first()]).toEqual([again(), again(), again()]);
  });

  it('reports the 5th to 95th percentile: a rank drawn in 4% of draws leaves the range, one drawn in 6% widens it', () => {
    // a: i1 100, i2 40; b: i2 100. b leads when 100·w2 > 100·w1 + 40·w2, i.e. w1 < 0.6·w2.
    const values = [val('a', 'i1', 100), val('a', 'i2', 40), val('b', 'i1', 0), val('b', 'i2', 100)];
    // Weights 1.3 and 1: that needs f2 > 2.17·f1, with f uniform in [0.5, 1.5]: 4.0% of draws.
    expect(ranges([ind('i1', { weight: 1.3 }), ind('i2')], values)).toEqual({ a: [1, 1, 1], b: [2, 2, 2] });
    // Weights 1.2 and 1: f2 > 2·f1, 6.25% of draws. b is first often enough to count.
    expect(ranges([ind('i1', { weight: 1.2 }), ind('i2')], values)).toEqual({ a: [1, 1, 2], b: [2, 1, 2] });
  });
});
