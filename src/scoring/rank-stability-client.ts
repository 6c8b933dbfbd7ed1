import { rankRanges, type RankRange } from './rank-stability';
import type { EntityScore, ScoredIndicator } from './score';
import type { ScoringSettings } from './settings';

export interface RankStabilityRequest {
  id: number;
  scores: EntityScore[];
  indicators: ScoredIndicator[];
  settings: Pick<ScoringSettings, 'basicShare' | 'characteristicShare' | 'minCoverage'>;
}

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, (ranges: RankRange[]) => void>();

function spawn(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  const w = new Worker(new URL('./rank-stability.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number; ranges: RankRange[] }>) => {
    waiting.get(e.data.id)?.(e.data.ranges);
    waiting.delete(e.data.id);
  };
  return w;
}

/**
 * Rank ranges computed in a worker (one for the page, started on first use). Only plain numbers
 * and ids cross to it: the scores are copied out of any reactive wrapper first.
 */
export function rankRangesOffThread(scores: readonly EntityScore[], indicators: readonly ScoredIndicator[], settings: ScoringSettings): Promise<RankRange[]> {
  const plain: RankStabilityRequest = {
    id: ++next,
    scores: scores.map((s) => ({ ...s, gatedBy: [...s.gatedBy], parts: s.parts.map((p) => ({ ...p })) })),
    indicators: indicators.map((i) => ({ ...i })),
    settings: { basicShare: settings.basicShare, characteristicShare: settings.characteristicShare, minCoverage: settings.minCoverage },
  };
  worker ??= spawn();
  if (!worker) return Promise.resolve(rankRanges(plain.scores, plain.indicators, plain.settings));
  const w = worker;
  return new Promise((resolve) => {
    waiting.set(plain.id, resolve);
    w.postMessage(plain);
  });
}
