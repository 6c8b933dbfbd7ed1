import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { ensureResearchViews } from '../../src/features/sql/research-views';
import { runReadOnly, SHOWN_ROWS, SqlQueryError, SqlRefusedError } from '../../src/features/sql/run-query';
import { readSampleRows, sampleObservations } from '../support/sample-csv';
import { sampleEngine } from '../support/samples';

let engine: Engine;
const observations = sampleObservations();

/** Every row of every table, to show a statement left the data as it was. */
const fingerprint = async () =>
  Promise.all(['datasets', 'entities', 'indicators', 'observations'].map((t) => engine.query(`SELECT count(*)::DOUBLE AS n, sum(hash(COLUMNS(*)))::DOUBLE AS h FROM (SELECT * FROM ${t}) x`).catch(() => engine.query(`SELECT count(*)::DOUBLE AS n FROM ${t}`))));

beforeAll(async () => {
  engine = await sampleEngine();
  await ensureResearchViews(engine, 1);
});

describe('the SQL bench over the sample', () => {
  it('answers a query with the counts and values of the sample files', async () => {
    const result = await runReadOnly(engine, "SELECT indicator_id, count(*) AS n, sum(value) AS total FROM observations_named GROUP BY ALL ORDER BY indicator_id;");
    expect(result.columns).toEqual([
      { name: 'indicator_id', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
      { name: 'total', type: 'DOUBLE' },
    ]);
    const expected = new Map<string, { n: number; total: number }>();
    for (const o of observations) {
      const e = expected.get(o.indicator_id) ?? { n: 0, total: 0 };
      expected.set(o.indicator_id, { n: e.n + 1, total: e.total + o.value });
    }
    expect(result.count).toBe(expected.size);
    for (const [id, n, total] of result.rows as [string, number, number][]) {
      expect(n).toBe(expected.get(id)?.n);
      expect(total).toBeCloseTo(expected.get(id)?.total ?? NaN, 6);
    }
  });

  it('names entities and indicators in the long view, and spreads indicators into columns in the wide one', async () => {
    const entities = new Map(readSampleRows('entities.csv').map((e) => [e.entity_id, e.name]));
    const named = await runReadOnly(engine, 'SELECT entity_id, entity_name, indicator_name_zh, value FROM observations_named ORDER BY entity_id, indicator_id, period LIMIT 50');
    for (const [id, name, indicator] of named.rows as [string, string, string, number][]) {
      expect(name).toBe(entities.get(id));
      expect(indicator).toBeTruthy();
    }
    const first = observations[0]!;
    const wide = await runReadOnly(engine, `SELECT ${first.indicator_id} FROM observations_wide WHERE entity_id = '${first.entity_id}' AND period = '${first.period}' AND ${first.indicator_id} IS NOT NULL`);
    // One row per dataset, entity and period: the dataset that holds it has its value.
    expect(wide.rows).toEqual([[first.value]]);
    const longCount = await runReadOnly(engine, 'SELECT count(*) FROM observations');
    expect(longCount.rows[0]![0]).toBe(observations.length);
  });

  it(`keeps the first ${SHOWN_ROWS} rows and counts them all`, async () => {
    const result = await runReadOnly(engine, 'SELECT i FROM range(25000) t(i) ORDER BY i');
    expect(result.count).toBe(25000);
    expect(result.rows).toHaveLength(SHOWN_ROWS);
    expect(result.rows[SHOWN_ROWS - 1]).toEqual([SHOWN_ROWS - 1]);
  });

  it('runs DESCRIBE, SUMMARIZE, SHOW and EXPLAIN', async () => {
    expect((await runReadOnly(engine, 'DESCRIBE observations_named')).rows.map((r) => r[0])).toContain('entity_name');
    expect((await runReadOnly(engine, 'SUMMARIZE entities')).count).toBe(4);
    expect((await runReadOnly(engine, 'SHOW TABLES')).rows.flat()).toEqual(expect.arrayContaining(['observations_named', 'observations_wide', 'entities']));
    const explain = await runReadOnly(engine, 'EXPLAIN SELECT count(*) FROM observations');
    expect(explain.columns.map((c) => c.name)).toEqual(['explain_key', 'explain_value']);
  });

  it('refuses every statement that writes or reaches outside, and the data stays exactly as it was', async () => {
    const before = await fingerprint();
    for (const sql of [
      'DELETE FROM observations_local',
      'DROP TABLE entities',
      "UPDATE indicators SET target = 0",
      "INSERT INTO entities VALUES ('x', 'x', 'district', NULL)",
      'SELECT 1; DELETE FROM entities',
      "SELECT * FROM read_csv('sample.csv')",
      "SELECT * FROM query('DELETE FROM entities')",
      'CREATE TABLE x AS SELECT 1',
    ]) {
      await expect(runReadOnly(engine, sql)).rejects.toBeInstanceOf(SqlRefusedError);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('agrees with DuckDB on what is a string and what is a comment', async () => {
    // What the guard lets through as one harmless statement, DuckDB reads as one too.
    expect((await runReadOnly(engine, "SELECT E'a\\'; DROP TABLE entities; --' AS s")).rows).toEqual([["a'; DROP TABLE entities; --"]]);
    expect((await runReadOnly(engine, 'SELECT /* /* ; */ DROP TABLE entities; */ 1 AS x')).rows).toEqual([[1]]);
    expect((await runReadOnly(engine, 'SELECT $$; DROP TABLE entities$$ AS s')).rows).toEqual([['; DROP TABLE entities']]);
  });

  it("places DuckDB's error where the person wrote it", async () => {
    const query = '-- a comment first\nSELECT entity_id,\n  nosuch_column\nFROM observations';
    const error = await runReadOnly(engine, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).message).toMatch(/^Binder Error: .*nosuch_column/);
    expect((error as SqlQueryError).message).not.toMatch(/LINE/);
    expect((error as SqlQueryError).position).toBe(query.indexOf('nosuch_column'));
    const parse = 'SELECT * FORM observations';
    expect(((await runReadOnly(engine, parse).catch((e: unknown) => e)) as SqlQueryError).position).toBe(parse.indexOf('observations'));
    const explain = 'EXPLAIN SELECT nosuch FROM observations';
    expect(((await runReadOnly(engine, explain).catch((e: unknown) => e)) as SqlQueryError).position).toBe(explain.indexOf('nosuch'));
  });
});
