import { describe, expect, it } from 'vitest';
import { etaParts, readTracker } from '../../../src/ingest/read-progress';

const MB = 1 << 20;

describe('readTracker', () => {
  it('counts the passes over the file as one progress, each by its weight, with the time left at the rate so far', () => {
    const track = readTracker(100 * MB, [1, 3], 0);
    const first = track({ position: 50 * MB, size: 100 * MB }, 1000);
    expect(first).toMatchObject({ pass: 1, passes: 2, position: 50 * MB, share: 0.125 });
    // An eighth of the work in 1 s: the rest takes 7 s.
    expect(first.etaMs).toBeCloseTo(7000);
    track({ position: 100 * MB, size: 100 * MB }, 2000);
    // The next statement starts again at the beginning of the file: the second pass.
    const second = track({ position: 10 * MB, size: 100 * MB }, 2200);
    expect(second).toMatchObject({ pass: 2, passes: 2, share: 0.25 + 0.075 });
    expect(second.etaMs).toBeCloseTo((2200 * (1 - 0.325)) / 0.325);
  });

  it('adds a pass when the file is read once more than expected, and never claims more than done', () => {
    const track = readTracker(10 * MB, [1, 1], 0);
    track({ position: 10 * MB, size: 10 * MB }, 100);
    track({ position: 10 * MB, size: 10 * MB }, 200);
    expect(track({ position: 1 * MB, size: 10 * MB }, 300)).toMatchObject({ pass: 2 });
    track({ position: 10 * MB, size: 10 * MB }, 400);
    const third = track({ position: 5 * MB, size: 10 * MB }, 500);
    expect(third).toMatchObject({ pass: 3, passes: 3, share: 25 / 30 });
  });

  it('gives no estimate before half a second or a few percent', () => {
    const track = readTracker(100 * MB, [1, 1], 0);
    expect(track({ position: 40 * MB, size: 100 * MB }, 400).etaMs).toBeNull();
    expect(track({ position: 41 * MB, size: 100 * MB }, 600).etaMs).not.toBeNull();
    const slow = readTracker(100 * MB, [1, 1], 0);
    expect(slow({ position: 1 * MB, size: 100 * MB }, 5000).etaMs).toBeNull();
  });
});

describe('etaParts', () => {
  it('rounds up to whole seconds, at least one', () => {
    expect(etaParts(0)).toEqual({ minutes: 0, seconds: 1 });
    expect(etaParts(1200)).toEqual({ minutes: 0, seconds: 2 });
    expect(etaParts(59_001)).toEqual({ minutes: 1, seconds: 0 });
    expect(etaParts(125_000)).toEqual({ minutes: 2, seconds: 5 });
  });
});
