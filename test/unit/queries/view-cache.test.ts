import { describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../../src/engine/types';
import { heldRowsSql, HELD_VIEWS, MAX_HELD_ENTITIES, MAX_HELD_ROWS, viewQueries } from '../../../src/queries/view-cache';

/** An engine that records statements, answers the rows fetch with `rows` and fails statements matching `fail`. */
function recordingEngine(rows: number, fail?: RegExp): Engine & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    async query<T extends object = Row>(sql: string): Promise<T[]> {
      const flat = sql.replace(/\s+/g, ' ').trim();
      log.push(flat);
      if (fail?.test(flat)) throw new Error('boom');
      if (!flat.startsWith('SELECT o.entity_id, e.name, o.indicator_id')) return [];
      return Array.from({ length: rows }, (_, i) => ({ entity_id: 'e1', name: '甲', indicator_id: 'x', period: String(2000 + i), period_start: `${2000 + i}-01-01`, value: i })) as T[];
    },
    transaction: () => Promise.reject(new Error('unused')),
    registerFile: () => Promise.resolve(),
    dropFile: () => Promise.resolve(),
    registerEmptyFile: () => Promise.resolve(),
    copyFile: () => Promise.resolve(new Uint8Array()),
  };
}

const scope = (n: number, dataVersion = 1) => ({ dataVersion, datasetIds: ['a'], entityIds: ['e1', `f${n}`] });
const fetches = (engine: { log: string[] }) => engine.log.filter((s) => s.startsWith('SELECT o.entity_id, e.name')).length;

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
      { entity_id: 'e1', name: '甲', period: '2000', value: 0 },
      { entity_id: 'e1', name: '甲', period: '2001', value: 1 },
    ]);
    expect(await (await viewQueries(engine, scope(1))).snapshot(['e1'], 2099)).toEqual([
      { entity_id: 'e1', name: '甲', indicator_id: 'x', period: '2002', value: 2, prev_period: '2001', prev_value: 1 },
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

  it('asks DuckDB for scopes of no entities, too many entities or too many rows', async () => {
    const engine = recordingEngine(MAX_HELD_ROWS + 1);
    await (await viewQueries(engine, { dataVersion: 1, datasetIds: ['a'], entityIds: [] })).snapshot([], 2024);
    const many = Array.from({ length: MAX_HELD_ENTITIES + 1 }, (_, i) => `e${i}`);
    await (await viewQueries(engine, { dataVersion: 1, datasetIds: ['a'], entityIds: many })).snapshot(many, 2024);
    expect(fetches(engine)).toBe(0);
    const big = await viewQueries(engine, scope(1));
    await big.snapshot(['e1'], 2024);
    expect(fetches(engine)).toBe(1);
    // Too large to hold: the snapshot went to DuckDB.
    expect(engine.log.at(-1)).toMatch(/^WITH o AS MATERIALIZED/);
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
