import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import { listIndicators } from '../../src/queries/indicators';
import { querySnapshot } from '../../src/queries/snapshot';
import { rankScores, scoreLevel } from '../../src/scoring/scorecard';
import { latestAtOrBefore, readSampleRows, sampleObservations } from '../support/sample-csv';
import { sampleEngine } from '../support/samples';

// District composite indices on the sample, computed by the app (DuckDB + scoring) and, in this
// file, directly from the CSVs with the arithmetic of docs/scoring.md written out.
let engine: Engine;
const all = [...SAMPLE_DATASET_IDS];
const observations = sampleObservations();
const catalog = readSampleRows('catalog.csv');
const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district').map((e) => e.entity_id as string);

beforeAll(async () => {
  engine = await sampleEngine();
});

function expected(year: number) {
  const latest = new Map<string, { period: string; value: number }>();
  for (const d of districts)
    for (const c of catalog) {
      const v = latestAtOrBefore(observations, d, c.indicator_id as string, year)[0];
      if (v) latest.set(`${d}|${c.indicator_id}`, v);
    }
  const reported = catalog.filter((c) => districts.some((d) => latest.has(`${d}|${c.indicator_id}`)));
  const totalWeight = reported.reduce((w, c) => w + Number(c.weight), 0);
  return districts.map((d) => {
    const parts = reported.flatMap((c) => {
      const v = latest.get(`${d}|${c.indicator_id}`);
      if (!v) return [];
      const dir = Number(c.direction);
      let s: number;
      if (c.target !== '' && Number(c.target) > 0) {
        const t = Number(c.target);
        s = dir === 1 ? 100 * Math.min(1, Math.max(0, v.value / t)) : v.value <= 0 ? 100 : 100 * Math.min(1, Math.max(0, t / v.value));
      } else {
        const peers = districts.map((p) => latest.get(`${p}|${c.indicator_id}`)).filter((p) => p && p.period === v.period).map((p) => p!.value);
        const [lo, hi] = [Math.min(...peers), Math.max(...peers)];
        s = hi === lo ? 100 : 100 * (dir === 1 ? (v.value - lo) / (hi - lo) : (hi - v.value) / (hi - lo));
      }
      return [{ s, w: Number(c.weight), tier: c.tier, gate: c.gate_min === '' ? null : Number(c.gate_min), cap: Number(c.gate_max_stars), v: v.value }];
    });
    const mean = (tier: string) => {
      const p = parts.filter((x) => x.tier === tier);
      const w = p.reduce((a, x) => a + x.w, 0);
      return w > 0 ? p.reduce((a, x) => a + x.w * x.s, 0) / w : null;
    };
    const basic = mean('basic');
    const characteristic = mean('characteristic');
    const composite = basic !== null && characteristic !== null ? 0.8 * basic + 0.2 * characteristic : (basic ?? characteristic);
    const coverage = parts.reduce((a, x) => a + x.w, 0) / totalWeight;
    let stars: number | null = null;
    if (coverage >= 0.6 && composite !== null) {
      stars = composite >= 90 ? 5 : composite >= 80 ? 4 : composite >= 70 ? 3 : composite >= 60 ? 2 : 1;
      for (const x of parts) if (x.gate !== null && x.v < x.gate) stars = Math.min(stars, x.cap);
    }
    return { entityId: d, composite: composite as number, coverage, stars };
  });
}

describe('district scorecards on the sample', () => {
  it.each([2025, 2022])('match an independent computation for %i', async (year) => {
    const indicators = await listIndicators(engine, all);
    const snapshot = await querySnapshot(engine, { datasetIds: all, entityIds: districts, year });
    const scores = scoreLevel(indicators, snapshot);
    const want = expected(year);
    expect(scores).toHaveLength(districts.length);
    for (const w of want) {
      const got = scores.find((s) => s.entityId === w.entityId);
      expect(got?.composite).toBeCloseTo(w.composite, 9);
      expect(got?.coverage).toBeCloseTo(w.coverage, 12);
      expect(got?.stars).toBe(w.stars);
    }
  });

  it('caps the stars of districts below the public-satisfaction gate in 2025', async () => {
    const indicators = await listIndicators(engine, all);
    const snapshot = await querySnapshot(engine, { datasetIds: all, entityIds: districts, year: 2025 });
    const ranked = rankScores(scoreLevel(indicators, snapshot));
    const below = snapshot.filter((r) => r.indicator_id === 'public_satisfaction' && r.value < 90).map((r) => r.entity_id);
    expect(below.length).toBeGreaterThan(0);
    for (const id of below) {
      const s = ranked.find((x) => x.entityId === id);
      expect(s?.gatedBy).toContain('public_satisfaction');
      expect(s?.stars).toBeLessThanOrEqual(3);
    }
    expect(ranked.map((s) => s.composite)).toEqual([...ranked.map((s) => s.composite)].sort((a, b) => (b ?? 0) - (a ?? 0)));
  });
});
