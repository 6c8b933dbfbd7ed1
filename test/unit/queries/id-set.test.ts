import { describe, expect, it } from 'vitest';
import { idSet } from '../../../src/queries/id-set';

describe('idSet', () => {
  it('binds a thousand ids as one parameter, split in the query', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${i}`);
    const { sql, params } = idSet(ids);
    expect(sql).toBe('(SELECT unnest(string_split(?, chr(31))))');
    expect(params).toHaveLength(1);
    expect(params[0]!.split('\u001f')).toEqual(ids);
  });

  it('keeps ids out of the SQL text, whatever they hold', () => {
    const { sql, params } = idSet(["o'brien", '"; DROP TABLE entities; --', '\\', '']);
    expect(sql).not.toMatch(/brien|DROP|\\/);
    expect(params).toEqual(["o'brien\u001f\"; DROP TABLE entities; --\u001f\\\u001f"]);
  });

  it('binds one parameter per id when an id holds the separator, and matches nothing for none', () => {
    expect(idSet(['a\u001fb', 'c'])).toEqual({ sql: '(?, ?)', params: ['a\u001fb', 'c'] });
    expect(idSet([])).toEqual({ sql: '(NULL)', params: [] });
  });
});
