/// <reference lib="webworker" />
// Rank ranges off the page's main thread: 1,000 draws over a city's districts take a moment the
// page should spend drawing.
import { rankRanges } from './rank-stability';
import type { RankStabilityRequest } from './rank-stability-client';

self.onmessage = (event: MessageEvent<RankStabilityRequest>) => {
  const { id, scores, indicators, settings } = event.data;
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ id, ranges: rankRanges(scores, indicators, settings) });
};
