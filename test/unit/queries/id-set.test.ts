import { describe, expect, it } from 'vitest';
import { inSet } from '../../../src/queries/id-set';

describe('inSet', () => {
  it('binds a thousand ids as one parameter, split in the query', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${i}`);
    const { sql, params } = inSet('entity_id', ids);
    expect(sql).toBe('list_contains(string_split(?, chr(31)), entity_id)');
    expect(params).toHaveLength(1);
    expect(params[0]!.split('\u001f')).toEqual(ids);
  });

  it('keeps ids out of the SQL text, whatever they hold', () => {
    const { sql, params } = inSet('entity_id', ["o'brien", '"; DROP TABLE entities; --', '\\', '']);
    expect(sql).not.toMatch(/brien|DROP|\\/);
    expect(params).toEqual(["o'brien\u001f\"; DROP TABLE entities; --\u001f\\\u001f"]);
  });

  it('binds one parameter per id when an id holds the separator, and matches nothing for none', () => {
    expect(inSet('entity_id', ['a\u001fb', 'c'])).toEqual({ sql: 'entity_id IN (?, ?)', params: ['a\u001fb', 'c'] });
    expect(inSet('entity_id', [])).toEqual({ sql: 'entity_id IN (NULL)', params: [] });
  });
});
