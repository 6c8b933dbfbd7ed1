import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { listEntities } from '../../src/queries/entities';
import { chooseScope } from '../../src/queries/hierarchy';
import { listIndicators, listYears } from '../../src/queries/indicators';
import { observationsInView } from '../../src/queries/scope';
import { querySeries } from '../../src/queries/series';
import { querySnapshot } from '../../src/queries/snapshot';
import { queryHistory } from '../../src/queries/history';
import { fetchCoded, heldRowsSql, MAX_HELD_ROWS, viewQueries } from '../../src/queries/view-cache';
import { inSet } from '../../src/queries/id-set';
import { heldFromRows, heldHistory, heldSeries, heldSnapshot, type HeldRow } from '../../src/queries/held-rows';
import { SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import { latestAtOrBefore, readSampleRows, sampleObservations } from '../support/sample-csv';
import { sampleEngine } from '../support/samples';

let engine: Engine;
const all = [...SAMPLE_DATASET_IDS];
const observations = sampleObservations();
const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district').map((e) => e.entity_id as string);

beforeAll(async () => {
  engine = await sampleEngine();
});

describe('observations in view', () => {
  it('reads one dataset without grouping, exactly as the grouped form reads it', async () => {
    for (const id of all) {
      const sql = (ids: string[]) => `SELECT * FROM (${observationsInView(ids)}) o ORDER BY entity_id, indicator_id, period`;
      const direct = await engine.query(sql([id]));
      expect(observationsInView([id])).not.toContain('GROUP BY');
      expect(direct.length).toBeGreaterThan(0);
      // The same dataset twice takes the grouping path: every cell once, with the same value.
      expect(direct).toEqual(await engine.query(sql([id, id])));
    }
  });
});

describe("a view's observations held in memory", () => {
  it('answer every snapshot, history and series question exactly as DuckDB does, for one dataset or several', async () => {
    const [indicator] = await listIndicators(engine, all);
    for (const datasetIds of [all, ['sample-satisfaction'], ['sample-industry', 'sample-coverage']]) {
      const scope = { dataVersion: 1, datasetIds, entityIds: ['city', ...districts] };
      const { sql, params } = heldRowsSql(scope, MAX_HELD_ROWS);
      const rows = await engine.query<HeldRow>(sql, params);
      expect(rows.length).toBeGreaterThan(0);
      // Fetched as rows (a small scope) and as codes (a large one): the same answers.
      const codes = await fetchCoded(engine, scope);
      expect(codes?.entity).toBeInstanceOf(Int32Array);
      expect(codes?.value).toBeInstanceOf(Float64Array);
      for (const set of [heldFromRows(rows), codes!]) {
        expect(set.value).toHaveLength(rows.length);
        for (const year of [2025, 2022, 2019, 2010]) {
          for (const entityIds of [scope.entityIds, districts.slice(2, 5), ['city']]) {
            expect(heldSnapshot(set, entityIds, year)).toEqual(await querySnapshot(engine, { datasetIds, entityIds, year }));
            expect(heldHistory(set, entityIds, year)).toEqual(await queryHistory(engine, datasetIds, entityIds, year));
            expect(heldSeries(set, indicator!.indicator_id, entityIds, year)).toEqual(
              await querySeries(engine, { datasetIds, indicatorId: indicator!.indicator_id, entityIds, toYear: year }),
            );
          }
        }
      }
      // And through the view's questions, held or not.
      const q = await viewQueries(engine, scope);
      expect(await q.snapshot(districts, 2024)).toEqual(await querySnapshot(engine, { datasetIds, entityIds: districts, year: 2024 }));
    }
  });
});

describe('a scope fetched as codes', () => {
  it('keeps flags and hostile keys, and answers as DuckDB does', async () => {
    // Entities and an indicator with quotes, backslashes and commas, values flagged here and there.
    const hostile = ["o'brien", '\\', "\\'", 'a,b', '"; DROP TABLE entities; --'];
    await engine.query('CREATE TEMP TABLE hostile_ids (id VARCHAR)');
    for (const id of hostile) {
      await engine.query(`INSERT INTO entities VALUES (?, ?, 'district', 'city')`, [`h:${id}`, `名${id}`]);
      await engine.query('INSERT INTO hostile_ids VALUES (?)', [id]);
    }
    await engine.query(
      `INSERT INTO observations_local SELECT 'hostile', 'h:' || h.id, i.id, o.period, o.period_start, o.grain, o.value + length(h.id), CASE WHEN o.period >= '2023' THEN 'p' WHEN o.period = '2020' THEN 'e''x' END
       FROM observations o, hostile_ids h, (VALUES ('x''y'), ('hightech_share')) i(id) WHERE o.dataset_id = 'sample-industry' AND o.entity_id = 'city' AND o.indicator_id = 'hightech_share'`,
    );
    try {
      const scope = { dataVersion: 1, datasetIds: ['hostile'], entityIds: hostile.map((id) => `h:${id}`) };
      const set = await fetchCoded(engine, scope);
      expect(set?.flags.slice().sort()).toEqual(["e'x", 'p']);
      for (const year of [2025, 2020]) {
        expect(heldSnapshot(set!, scope.entityIds, year)).toEqual(await querySnapshot(engine, { datasetIds: scope.datasetIds, entityIds: scope.entityIds, year }));
        expect(heldHistory(set!, scope.entityIds.slice(1, 3), year)).toEqual(await queryHistory(engine, scope.datasetIds, scope.entityIds.slice(1, 3), year));
        expect(heldSeries(set!, "x'y", scope.entityIds, year)).toEqual(await querySeries(engine, { datasetIds: scope.datasetIds, indicatorId: "x'y", entityIds: scope.entityIds, toYear: year }));
      }
      // Five entities, two indicators each, every latest value of 2020 flagged so.
      expect(heldSnapshot(set!, scope.entityIds, 2020).map((r) => r.flag)).toEqual(Array(10).fill("e'x"));
    } finally {
      await engine.query(`DELETE FROM observations_local WHERE dataset_id = 'hostile'`);
      await engine.query(`DELETE FROM entities WHERE entity_id LIKE 'h:%'`);
      await engine.query('DROP TABLE hostile_ids');
    }
  });
});

describe('overview queries against the sample', () => {
  it('lists the indicators in view with their grain and period range', async () => {
    const indicators = await listIndicators(engine, all);
    expect(indicators).toHaveLength(readSampleRows('catalog.csv').length);
    const satisfaction = indicators.find((i) => i.indicator_id === 'public_satisfaction');
    expect(satisfaction).toMatchObject({ grain: 'half', first_period: '2019H1', last_period: '2025H2', unit: '%', target: 95, gate_min: 90 });
    const only = await listIndicators(engine, ['sample-industry']);
    expect(only.map((i) => i.indicator_id).sort()).toEqual(['digital_core_share', 'hightech_share', 'sei_share', 'tertiary_share']);
    expect(only.map((i) => i.dataset_ids)).toEqual(['sample-industry', 'sample-industry', 'sample-industry', 'sample-industry']);
    expect(satisfaction?.dataset_ids).toBe('sample-satisfaction');
  });

  it('lists the years with data, newest first', async () => {
    const years = await listYears(engine, all);
    const expected = [...new Set(observations.map((o) => Number(o.period.slice(0, 4))))].sort((a, b) => b - a);
    expect(years).toEqual(expected);
  });

  it('takes the latest value at or before the selected year, and the period before it', async () => {
    for (const year of [2025, 2022, 2019]) {
      const rows = await querySnapshot(engine, { datasetIds: all, entityIds: ['city'], year });
      for (const row of rows) {
        const [latest, previous] = latestAtOrBefore(observations, 'city', row.indicator_id, year);
        expect(row.period).toBe(latest?.period);
        expect(row.value).toBe(latest?.value);
        expect(row.prev_period).toBe(previous?.period ?? null);
        expect(row.prev_value).toBe(previous?.value ?? null);
      }
      const expectedIndicators = new Set(observations.filter((o) => o.entity_id === 'city' && Number(o.period.slice(0, 4)) <= year).map((o) => o.indicator_id));
      expect(rows.map((r) => r.indicator_id).sort()).toEqual([...expectedIndicators].sort());
    }
  });

  it('ranks districts on one indicator with the values a reader would compute', async () => {
    const rows = await querySnapshot(engine, { datasetIds: all, entityIds: districts, indicatorIds: ['hightech_share'], year: 2023 });
    expect(rows).toHaveLength(districts.length);
    for (const row of rows) expect(row.value).toBe(latestAtOrBefore(observations, row.entity_id, 'hightech_share', 2023)[0]?.value);
  });

  it('returns trend series only up to the selected year, in period order', async () => {
    const points = await querySeries(engine, { datasetIds: all, indicatorId: 'public_satisfaction', entityIds: ['city', 'd02'], toYear: 2021 });
    const expected = observations
      .filter((o) => o.indicator_id === 'public_satisfaction' && ['city', 'd02'].includes(o.entity_id) && Number(o.period.slice(0, 4)) <= 2021)
      .sort((a, b) => a.entity_id.localeCompare(b.entity_id) || a.period.localeCompare(b.period));
    expect(points.map((p) => [p.entity_id, p.period, p.value])).toEqual(expected.map((o) => [o.entity_id, o.period, o.value]));
  });

  it('scopes the overview to the city and its districts', async () => {
    const scope = chooseScope(await listEntities(engine, all));
    expect(scope.root?.entity_id).toBe('city');
    expect(scope.level).toBe('district');
    expect(scope.members.map((m) => m.entity_id).sort()).toEqual([...districts].sort());
  });

  it('counts a cell present in two datasets in view once', async () => {
    await engine.query(`INSERT INTO observations_local SELECT 'copy', entity_id, indicator_id, period, period_start, grain, value + 2, flag FROM observations WHERE dataset_id = 'sample-industry'`);
    const rows = await querySnapshot(engine, { datasetIds: ['sample-industry', 'copy'], entityIds: ['city'], indicatorIds: ['hightech_share'], year: 2025 });
    const latest = latestAtOrBefore(observations, 'city', 'hightech_share', 2025)[0]!;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBeCloseTo(latest.value + 1, 10);
    // The indicator is listed as held by both, its cells counted once.
    const single = (await listIndicators(engine, ['sample-industry'])).find((i) => i.indicator_id === 'hightech_share');
    const both = (await listIndicators(engine, ['sample-industry', 'copy'])).find((i) => i.indicator_id === 'hightech_share');
    expect(both).toEqual({ ...single, dataset_ids: 'copy,sample-industry' });
    await engine.query(`DELETE FROM observations_local WHERE dataset_id = 'copy'`);
  });
});

describe('an id set', () => {
  it('matches exactly the ids given, hostile, holding NUL, empty or long', async () => {
    const hostile = ["o'brien", "'); DROP TABLE entities; --", '"; DROP TABLE entities; --', '\\', "\\'", '', ' 东湖区 ', 'a,b', 'x\u001fy', 'Nul\u0000Name'];
    const ids = [...hostile, ...Array.from({ length: 1500 }, (_, i) => `id${i}`)];
    const entityCount = async () => (await engine.query<{ n: number }>('SELECT count(*)::INT AS n FROM entities'))[0]!.n;
    const entitiesBefore = await entityCount();
    // Written as parameters: a literal cannot hold the NUL of one of them.
    await engine.query('CREATE TEMP TABLE id_probe (id VARCHAR)');
    for (const id of ids) await engine.query('INSERT INTO id_probe VALUES (?)', [id]);
    try {
      const matched = async (asked: readonly string[]) => {
        const set = inSet('id', asked);
        return (await engine.query<{ id: string }>(`SELECT id FROM id_probe WHERE ${set.sql} ORDER BY id`, set.params)).map((r) => r.id);
      };
      const sorted = (xs: readonly string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // As literals, and with the NUL one among them as parameters.
      const literal = ids.filter((id) => !id.includes('\u0000'));
      expect(await matched(literal)).toEqual(sorted(literal));
      expect(await matched(ids)).toEqual(sorted(ids));
      expect(await matched(hostile)).toEqual(sorted(hostile));
      expect(await matched(['', 'nobody'])).toEqual(['']);
      expect(await matched([])).toEqual([]);
      expect(await entityCount()).toBe(entitiesBefore);
    } finally {
      await engine.query('DROP TABLE id_probe');
    }
  });
});
