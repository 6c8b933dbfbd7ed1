import type { FileReadProgress } from '../engine/progress';

/** Where a load stands: the pass over the file, how far into it, and the time left at the rate so far. */
export interface LoadProgress {
  /** 1-based pass over the file; each statement that reads the file is one pass. */
  pass: number;
  passes: number;
  position: number;
  size: number;
  /** Of the whole load's work, 0–1. */
  share: number;
  /** Milliseconds left at the rate so far; null until there is a rate worth the name. */
  etaMs: number | null;
}

/**
 * Turns the engine's reports of how far it has read into a file into a load's progress. A load
 * reads the file once per pass, each pass with its share of the work (`weights`: a clean file is
 * read for its keys, then again for its rows, which costs about twice as much, the writing and
 * the checks after it included). A report behind the one before starts the next pass; a pass
 * beyond those expected (a file with refusals is read once more, the staged way) weighs as much as
 * the heaviest. Pure: the clock is passed in.
 */
export function readTracker(size: number, weights: readonly number[], startedAt: number): (read: FileReadProgress, now: number) => LoadProgress {
  const known = weights.length > 0 ? [...weights] : [1];
  let pass = 0;
  let last = 0;
  return (read, now) => {
    if (read.position < last) pass++;
    last = read.position;
    while (known.length <= pass) known.push(Math.max(...known));
    const total = known.reduce((a, b) => a + b, 0);
    const position = Math.min(read.position, size);
    const before = known.slice(0, pass).reduce((a, b) => a + b, 0);
    const share = (before + (known[pass] as number) * (size > 0 ? position / size : 1)) / total;
    const elapsed = now - startedAt;
    // Half a second and a few percent in, the rate says something; before that, no estimate.
    const etaMs = elapsed > 500 && share > 0.03 ? (elapsed * (1 - share)) / share : null;
    return { pass: pass + 1, passes: known.length, position, size, share, etaMs };
  };
}

/** Seconds or minutes and seconds, rounded up: what is left is never shown as less than it is. */
export function etaParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(1, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
