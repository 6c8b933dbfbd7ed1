import { afterAll, describe, expect, it } from 'vitest';
import { runPresentSoak } from '../../scripts/lib/present-soak';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// An unattended meeting, compressed: the default show (every kind of slide, every district) at
// a tenth of a second per slide, for 500 slide changes.
const CHANGES = Number(process.env.HQD_SOAK_CHANGES ?? 500);

describe('Present mode over a long run', () => {
  it(`keeps ECharts instances bounded and the heap flat over ${CHANGES} slide changes`, { timeout: 900_000 }, async () => {
    const w = await openPage('/present?sec=0.1', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const r = await runPresentSoak(w.page, CHANGES);
    const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
    const pct = (a: number, b: number) => `${((b / a - 1) * 100).toFixed(1)}%`;
    console.log(
      `present soak: ${r.changes} changes over ${r.slides} slides in ${r.seconds.toFixed(0)} s; live charts max ${r.maxLiveCharts}, at end ${r.liveChartsAtEnd}; ` +
        `heap after first cycle ${mb(r.afterFirstCycle.used)} (objects ${mb(r.afterFirstCycle.data)}, code ${mb(r.afterFirstCycle.code)}), ` +
        `at end ${mb(r.atEnd.used)} (objects ${mb(r.atEnd.data)}, code ${mb(r.atEnd.code)}): objects ${pct(r.afterFirstCycle.data, r.atEnd.data)}, all ${pct(r.afterFirstCycle.used, r.atEnd.used)}`,
    );
    expect(r.changes).toBeGreaterThanOrEqual(CHANGES);
    // One slide is on screen at a time, and no slide draws more than two charts.
    expect(r.maxLiveCharts).toBeLessThanOrEqual(2);
    expect(r.liveChartsAtEnd).toBeLessThanOrEqual(2);
    // The objects on the heap stay within 10% of the first cycle's. Compiled code is reported,
    // not judged: V8 keeps optimising hot functions for the first few hundred changes.
    expect(r.atEnd.data).toBeLessThanOrEqual(r.afterFirstCycle.data * 1.1);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
