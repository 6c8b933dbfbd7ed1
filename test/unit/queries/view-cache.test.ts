import { describe, expect, it } from 'vitest';
import type { Columns, Engine, Row } from '../../../src/engine/types';
import { heldRowsSql, HELD_VIEWS, MAX_CODED_ROWS, MAX_HELD_ENTITIES, MAX_HELD_ROWS, MAX_ROW_ENTITIES, viewQueries } from '../../../src/queries/view-cache';

/**
 * An engine that records statements, answers the rows fetch with `rows` rows of one entity and
 * the keys fetch with `codedRows` observations of each entity asked for (one indicator, a
 * period each), and fails statements matching `fail`.
 */
function recordingEngine(rows: number, fail?: RegExp, codedRows = 2): Engine & { log: string[] } {
  const log: string[] = [];
  let asked: string[] = [];
  const record = (sql: string) => {
    const flat = sql.replace(/\s+/g, ' ').trim();
    log.push(flat);
    if (fail?.test(flat)) throw new Error('boom');
    return flat;
  };
  return {
    log,
    async query<T extends object = Row>(sql: string): Promise<T[]> {
      const flat = record(sql);
      if (flat.includes("SELECT 'e' AS kind")) {
        asked = [...flat.matchAll(/'(e\d+|f\d+)'/g)].map((m) => m[1] as string);
        const entities = [...new Set(asked)].map((k) => ({ kind: 'e', k, label: `名${k}`, n: codedRows }));
        const periods = Array.from({ length: Math.min(codedRows, 2) }, (_, i) => ({ kind: 'p', k: String(2000 + i), label: `${2000 + i}-01-01`, n: entities.length }));
        return [...entities, { kind: 'i', k: 'x', label: null, n: entities.length * codedRows }, ...periods] as T[];
      }
      if (!flat.startsWith('SELECT o.entity_id AS entity_id, e.name AS name, o.indicator_id')) return [];
      return Array.from({ length: rows }, (_, i) => ({ entity_id: 'e1', name: '甲', indicator_id: 'x', period: String(2000 + i), period_start: `${2000 + i}-01-01`, value: i })) as T[];
    },
    async queryColumns(sql: string): Promise<Columns> {
      record(sql);
      const n = new Set(asked).size * codedRows;
      const entity = Int32Array.from({ length: n }, (_, r) => Math.floor(r / codedRows));
      const period = Int32Array.from({ length: n }, (_, r) => r % codedRows);
      // Only ever asked of scopes of a few rows an entity: codedRows is 2 there.
      return { length: n, columns: { entity, indicator: new Int32Array(n), period, flag: new Int32Array(n).fill(-1), value: Float64Array.from(period) } };
    },
    transaction: () => Promise.reject(new Error('unused')),
    registerFile: () => Promise.resolve(),
    dropFile: () => Promise.resolve(),
    registerEmptyFile: () => Promise.resolve(),
    copyFile: () => Promise.resolve(new Uint8Array()),
  };
}

const scope = (n: number, dataVersion = 1) => ({ dataVersion, datasetIds: ['a'], entityIds: ['e1', `f${n}`] });
const fetches = (engine: { log: string[] }) => engine.log.filter((s) => s.startsWith('SELECT o.entity_id AS entity_id, e.name AS name')).length;

describe('heldRowsSql', () => {
  it('fetches the entities asked for, quoted, in held order, one row past the limit', () => {
    const { sql, params } = heldRowsSql({ dataVersion: 1, datasetIds: ['a', 'b'], entityIds: ["it's", 'x'] }, 11);
    expect(sql).toContain("entity_id IN ('it''s', 'x')");
    expect(sql).toContain("dataset_id IN ('a', 'b')");
    expect(sql.replace(/\s+/g, ' ')).toContain('ORDER BY o.entity_id, o.indicator_id, o.period_start LIMIT 11');
    expect(params).toEqual([]);
  });
});

describe('viewQueries', () => {
  it('fetches a scope once and answers from memory after that', async () => {
    const engine = recordingEngine(3);
    const q = await viewQueries(engine, scope(1));
    expect(await q.series('x', ['e1'], 2001)).toEqual([
      { entity_id: 'e1', name: '甲', period: '2000', value: 0, flag: null },
      { entity_id: 'e1', name: '甲', period: '2001', value: 1, flag: null },
    ]);
    expect(await (await viewQueries(engine, scope(1))).snapshot(['e1'], 2099)).toEqual([
      { entity_id: 'e1', name: '甲', indicator_id: 'x', period: '2002', value: 2, flag: null, prev_period: '2001', prev_value: 1 },
    ]);
    expect(engine.log).toHaveLength(1);
  });

  it('fetches again when the data, the datasets or the entities change', async () => {
    const engine = recordingEngine(1);
    for (const s of [scope(1), scope(1, 2), { ...scope(1), datasetIds: ['b'] }, scope(2)]) await viewQueries(engine, s);
    expect(fetches(engine)).toBe(4);
  });

  it(`holds the ${HELD_VIEWS} most recently used scopes`, async () => {
    const engine = recordingEngine(1);
    for (let i = 1; i <= HELD_VIEWS; i++) await viewQueries(engine, scope(i));
    await viewQueries(engine, scope(1)); // used again: scope 2 is now the least recently used
    await viewQueries(engine, scope(HELD_VIEWS + 1));
    expect(fetches(engine)).toBe(HELD_VIEWS + 1);
    await viewQueries(engine, scope(1));
    expect(fetches(engine)).toBe(HELD_VIEWS + 1);
    await viewQueries(engine, scope(2));
    expect(fetches(engine)).toBe(HELD_VIEWS + 2);
  });

  it('fetches a scope of many entities, or of too many rows for objects, as codes', async () => {
    const engine = recordingEngine(MAX_HELD_ROWS + 1);
    const many = Array.from({ length: MAX_ROW_ENTITIES + 1 }, (_, i) => `e${i}`);
    const q = await viewQueries(engine, { dataVersion: 1, datasetIds: ['a'], entityIds: many });
    expect(fetches(engine)).toBe(0);
    expect(await q.snapshot(['e3'], 2024)).toEqual([{ entity_id: 'e3', name: '名e3', indicator_id: 'x', period: '2001', value: 1, flag: null, prev_period: '2000', prev_value: 0 }]);
    expect(engine.log).toHaveLength(2);
    // A small scope whose rows overflow is fetched again as codes.
    const small = await viewQueries(engine, scope(1));
    expect(await small.series('x', ['f1'], 2024)).toEqual([
      { entity_id: 'f1', name: '名f1', period: '2000', value: 0, flag: null },
      { entity_id: 'f1', name: '名f1', period: '2001', value: 1, flag: null },
    ]);
    expect(fetches(engine)).toBe(1);
    expect(engine.log).toHaveLength(5);
  });

  it('asks DuckDB for scopes of no entities, too many entities or too many observations', async () => {
    const engine = recordingEngine(MAX_HELD_ROWS + 1, undefined, MAX_CODED_ROWS);
    await (await viewQueries(engine, { dataVersion: 1, datasetIds: ['a'], entityIds: [] })).snapshot([], 2024);
    const many = Array.from({ length: MAX_HELD_ENTITIES + 1 }, (_, i) => `e${i}`);
    await (await viewQueries(engine, { dataVersion: 1, datasetIds: ['a'], entityIds: many })).snapshot(many, 2024);
    expect(engine.log.filter((s) => !s.startsWith('WITH o AS MATERIALIZED (SELECT entity_id'))).toEqual([]);
    const big = await viewQueries(engine, scope(1));
    await big.snapshot(['e1'], 2024);
    expect(fetches(engine)).toBe(1);
    // Two entities of MAX_CODED_ROWS observations each are too many to hold: the snapshot went to DuckDB.
    expect(engine.log.at(-1)).toMatch(/^WITH o AS MATERIALIZED \(SELECT entity_id/);
    expect(engine.log.some((s) => s.includes("SELECT 'e' AS kind"))).toBe(true);
  });

  it('forgets a fetch that failed, so the next view tries again', async () => {
    const engine = recordingEngine(1, /^SELECT o\.entity_id/);
    await expect(viewQueries(engine, scope(1))).rejects.toThrow('boom');
    await expect(viewQueries(engine, scope(1))).rejects.toThrow('boom');
    expect(fetches(engine)).toBe(2);
  });

  it('keeps the rows of each engine apart: a restarted engine fetches its own', async () => {
    const a = recordingEngine(1);
    const b = recordingEngine(1);
    await viewQueries(a, scope(1));
    await viewQueries(b, scope(1));
    expect(fetches(b)).toBe(1);
  });
});
