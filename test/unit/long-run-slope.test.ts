import { describe, expect, it } from 'vitest';
import { heapSlope } from '../../scripts/lib/long-run';

const at = (action: number, heap: number) => ({ action, heap, code: 0, liveCharts: 0, chartsOnScreen: 0 });

describe('heapSlope', () => {
  it('is the growth per action after the first checkpoint', () => {
    expect(heapSlope([at(50, 5e6), at(100, 10e6), at(150, 10.1e6), at(200, 10.2e6)])).toBeCloseTo(2000, 6);
  });

  it('sees a steady leak through GC noise, and no leak in noise alone', () => {
    const noise = [0.4e6, -0.3e6, 0.5e6, -0.5e6, 0.2e6, -0.1e6, 0.3e6, -0.4e6];
    const flat = noise.map((n, i) => at(50 * (i + 1), 20e6 + n));
    const leaking = noise.map((n, i) => at(50 * (i + 1), 20e6 + n + 20_000 * 50 * (i + 1)));
    expect(Math.abs(heapSlope(flat))).toBeLessThan(3000);
    expect(heapSlope(leaking)).toBeGreaterThan(17_000);
  });

  it('is 0 with fewer than three checkpoints', () => {
    expect(heapSlope([at(50, 1), at(100, 9e9)])).toBe(0);
  });
});
