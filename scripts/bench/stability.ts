// Rank ranges for a large city: 100 entities × 20 indicators × 1,000 weight draws, timed on the
// function the page's worker runs (src/scoring/rank-stability.ts), median of five runs.
import { performance } from 'node:perf_hooks';
import { mulberry32 as seededRandom } from '../../src/domain/random';
import { rankRanges } from '../../src/scoring/rank-stability';
import { scoreEntities, type EntityValue, type ScoredIndicator } from '../../src/scoring/score';
import { DEFAULT_SETTINGS } from '../../src/scoring/settings';

export function stabilityBench(entities = 100, indicatorCount = 20): { ms: number; entities: number; indicators: number } {
  const random = seededRandom(1);
  const indicators: ScoredIndicator[] = Array.from({ length: indicatorCount }, (_, k) => ({
    indicatorId: `i${k}`,
    direction: 1,
    target: k % 3 === 0 ? null : 100,
    weight: 0.5 + random() * 2,
    tier: k % 4 === 0 ? 'characteristic' : 'basic',
    gateMin: null,
    gateMaxStars: null,
  }));
  const values: EntityValue[] = Array.from({ length: entities }, (_, e) => indicators.map((i) => ({ entityId: `e${e}`, indicatorId: i.indicatorId, period: '2025', value: 50 + 50 * random() }))).flat();
  const scores = scoreEntities(indicators, values);
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    rankRanges(scores, indicators, DEFAULT_SETTINGS);
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return { ms: times[2] as number, entities, indicators: indicatorCount };
}
