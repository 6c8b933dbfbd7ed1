import { describe, expect, it } from 'vitest';
import { inSet } from '../../../src/queries/id-set';

describe('inSet', () => {
  it('lists a thousand ids as quoted literals, with nothing to bind', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${i}`);
    const { sql, params } = inSet('entity_id', ids);
    expect(sql).toBe(`entity_id IN (${ids.map((id) => `'${id}'`).join(', ')})`);
    expect(params).toEqual([]);
  });

  it('quotes what an id holds, so that it stays a value', () => {
    expect(inSet('entity_id', ["o'brien", "'); DROP TABLE entities; --", '\\', '']).sql).toBe(
      "entity_id IN ('o''brien', '''); DROP TABLE entities; --', '\\', '')",
    );
  });

  it('binds one parameter per id when an id holds NUL, which no literal can', () => {
    expect(inSet('entity_id', ['a\u0000b', 'c'])).toEqual({ sql: 'entity_id IN (?, ?)', params: ['a\u0000b', 'c'] });
  });

  it('matches nothing for no ids', () => {
    expect(inSet('entity_id', [])).toEqual({ sql: 'entity_id IN (NULL)', params: [] });
  });
});
