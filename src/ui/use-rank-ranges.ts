import { shallowRef, watch, type Ref } from 'vue';
import type { RankRange } from '../scoring/rank-stability';
import { rankRangesOffThread } from '../scoring/rank-stability-client';
import type { EntityScore, ScoredIndicator } from '../scoring/score';
import type { ScoringSettings } from '../scoring/settings';

/**
 * The rank range of each entity of a group, recomputed off the main thread whenever the scores
 * change; an answer that arrives after a newer request is dropped.
 */
export function useRankRanges(source: () => { scores: readonly EntityScore[]; indicators: readonly ScoredIndicator[]; settings: ScoringSettings } | null): Ref<ReadonlyMap<string, RankRange> | null> {
  const ranges = shallowRef<ReadonlyMap<string, RankRange> | null>(null);
  let asked = 0;
  watch(
    source,
    async (input) => {
      const mine = ++asked;
      if (!input || input.scores.length === 0) {
        ranges.value = null;
        return;
      }
      const result = await rankRangesOffThread(input.scores, input.indicators, input.settings);
      if (mine === asked) ranges.value = new Map(result.map((r) => [r.entityId, r]));
    },
    { immediate: true },
  );
  return ranges;
}
