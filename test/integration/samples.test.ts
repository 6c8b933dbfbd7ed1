import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import manifest from '../../data/manifest.json';
import { readSampleRows } from '../support/sample-csv';
import { sampleEngine } from '../support/samples';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

describe('the bundled sample, loaded through the import path', () => {
  it('adds each indicator set as a sample dataset with every row and no reject', async () => {
    const rows = await engine.query<{ dataset_id: string; kind: string; row_count: number; rejected_count: number; source_file: string }>(
      'SELECT dataset_id, kind, row_count, rejected_count, source_file FROM datasets ORDER BY dataset_id',
    );
    const expected = manifest.datasets
      .map((d) => ({ dataset_id: d.id, kind: 'sample', row_count: readSampleRows(d.file).length, rejected_count: 0, source_file: d.file }))
      .sort((a, b) => a.dataset_id.localeCompare(b.dataset_id));
    expect(rows).toEqual(expected);
  });

  it('loads the entity hierarchy and the catalog exactly', async () => {
    const entities = readSampleRows('entities.csv');
    const [counts] = await engine.query<{ n: number; districts: number; branches: number; villages: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE level = 'district') AS districts,
        count(*) FILTER (WHERE level = 'branch') AS branches, count(*) FILTER (WHERE level = 'village') AS villages FROM entities`,
    );
    expect(counts).toEqual({
      n: entities.length,
      districts: entities.filter((e) => e.level === 'district').length,
      branches: entities.filter((e) => e.level === 'branch').length,
      villages: entities.filter((e) => e.level === 'village').length,
    });
    expect(counts!.districts).toBeGreaterThanOrEqual(8);
    expect(counts!.branches).toBeGreaterThanOrEqual(60);
    expect(counts!.villages).toBeGreaterThanOrEqual(30);

    const catalog = readSampleRows('catalog.csv');
    const stored = await engine.query<{ indicator_id: string; target: number | null; weight: number; direction: number; tier: string; gate_min: number | null }>(
      'SELECT indicator_id, target, weight, direction, tier, gate_min FROM indicators ORDER BY indicator_id',
    );
    expect(stored).toEqual(
      catalog
        .map((c) => ({
          indicator_id: c.indicator_id,
          target: c.target === '' ? null : Number(c.target),
          weight: Number(c.weight),
          direction: Number(c.direction),
          tier: c.tier,
          gate_min: c.gate_min === '' ? null : Number(c.gate_min),
        }))
        .sort((a, b) => (a.indicator_id as string).localeCompare(b.indicator_id as string)),
    );
  });

  it('stores every value with its normalised period, start date and grain', async () => {
    for (const set of manifest.datasets) {
      const csv = readSampleRows(set.file);
      const stored = await engine.query<{ entity_id: string; indicator_id: string; period: string; value: number; start: string; grain: string }>(
        `SELECT entity_id, indicator_id, period, value, CAST(period_start AS VARCHAR) AS start, grain FROM observations WHERE dataset_id = ?`,
        [set.id],
      );
      const byKey = new Map(stored.map((s) => [`${s.entity_id}|${s.indicator_id}|${s.period}`, s]));
      expect(byKey.size).toBe(csv.length);
      for (const row of csv) {
        const s = byKey.get(`${row.entity_id}|${row.indicator_id}|${row.period}`);
        expect(s?.value).toBe(Number(row.value));
        expect(s?.grain).toBe(set.grain);
      }
      const half = stored.find((s) => s.period.endsWith('H2'));
      if (half) expect(half.start).toBe(`${half.period.slice(0, 4)}-07-01`);
    }
  });
});
