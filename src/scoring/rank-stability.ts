import { mulberry32 } from '../domain/random';
import type { EntityScore, ScoredIndicator } from './score';
import { rankScores } from './scorecard';
import type { ScoringSettings } from './settings';

// 排名稳定性: how much each rank depends on the weights someone chose. The weights are drawn many
// times, each times a factor uniform in [1 − spread, 1 + spread], and the entities ranked again
// each time from their unchanged indicator scores (docs/scoring.md §13).

export interface RankRange {
  entityId: string;
  /** The rank with the weights as set (1 = best). */
  rank: number;
  /** 5th and 95th percentile of the ranks the draws gave. */
  low: number;
  high: number;
}

export interface StabilityOptions {
  draws?: number;
  spread?: number;
  seed?: number;
}

export const STABILITY_DEFAULTS = { draws: 1000, spread: 0.5, seed: 20261201 } as const;


/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/**
 * Rank ranges of the entities of one group. `indicators` are those that count in the group (their
 * weights make the coverage total); the ranking rule is rankScores' (scorecard.ts): 数据不足 last,
 * higher composite first, ties by id.
 */
export function rankRanges(
  scores: readonly EntityScore[],
  indicators: readonly ScoredIndicator[],
  settings: Pick<ScoringSettings, 'basicShare' | 'characteristicShare' | 'minCoverage'>,
  options: StabilityOptions = {},
): RankRange[] {
  const { draws, spread, seed } = { ...STABILITY_DEFAULTS, ...options };
  const index = new Map(indicators.map((i, k) => [i.indicatorId, k]));
  const base = indicators.map((i) => Math.max(0, i.weight));
  // Flat arrays per entity: which indicator, its score, and whether it is basic.
  const entities = scores.map((s) => {
    const parts = s.parts.filter((p) => index.has(p.indicatorId));
    return {
      id: s.entityId,
      at: Int32Array.from(parts, (p) => index.get(p.indicatorId) as number),
      score: Float64Array.from(parts, (p) => p.score),
      basic: Uint8Array.from(parts, (p) => (p.tier === 'basic' ? 1 : 0)),
    };
  });
  // mulberry32: the same scores always give the same ranges.
  const random = mulberry32(seed);
  const weight = new Float64Array(indicators.length);
  const ranks = entities.map(() => new Int32Array(draws));
  const composite = new Float64Array(entities.length);
  const insufficient = new Uint8Array(entities.length);
  const order = entities.map((_, k) => k);

  for (let d = 0; d < draws; d++) {
    let total = 0;
    for (let k = 0; k < base.length; k++) total += weight[k] = (base[k] as number) * (1 - spread + 2 * spread * random());
    entities.forEach((e, n) => {
      let bw = 0, bs = 0, cw = 0, cs = 0;
      for (let k = 0; k < e.at.length; k++) {
        const w = weight[e.at[k] as number] as number;
        const ws = w * (e.score[k] as number);
        if (e.basic[k]) {
          bw += w;
          bs += ws;
        } else {
          cw += w;
          cs += ws;
        }
      }
      const basic = bw > 0 ? bs / bw : null;
      const characteristic = cw > 0 ? cs / cw : null;
      const c = basic !== null && characteristic !== null ? settings.basicShare * basic + settings.characteristicShare * characteristic : (basic ?? characteristic);
      composite[n] = c ?? -1;
      insufficient[n] = total > 0 && (bw + cw) / total >= settings.minCoverage - 1e-12 ? 0 : 1;
    });
    // rankScores' rule, over the typed arrays of this draw.
    order.sort((a, b) => (insufficient[a] as number) - (insufficient[b] as number) || (composite[b] as number) - (composite[a] as number) || (entities[a]?.id ?? '').localeCompare(entities[b]?.id ?? ''));
    order.forEach((n, r) => ((ranks[n] as Int32Array)[d] = r + 1));
  }

  const rankOf = new Map(rankScores(scores).map((s, r) => [s.entityId, r + 1]));
  return entities.map((e, n) => {
    const sorted = Array.from(ranks[n] as Int32Array).sort((a, b) => a - b);
    return { entityId: e.id, rank: rankOf.get(e.id) as number, low: percentile(sorted, 0.05), high: percentile(sorted, 0.95) };
  });
}
