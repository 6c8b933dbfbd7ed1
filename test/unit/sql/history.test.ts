import { describe, expect, it } from 'vitest';
import { HISTORY_MAX_CHARS, HISTORY_SIZE, remember, SAVED_HISTORY } from '../../../src/features/sql/history';

describe('the query history', () => {
  it('puts the newest first, moves a repeated query up and keeps the last ones', () => {
    let history = { entries: [] as { sql: string; at: number; rows: number | null }[] };
    for (let i = 0; i < HISTORY_SIZE + 3; i++) history = remember(history, { sql: `SELECT ${i}`, at: i, rows: 1 });
    history = remember(history, { sql: 'SELECT 10', at: 99, rows: null });
    expect(history.entries).toHaveLength(HISTORY_SIZE);
    expect(history.entries[0]).toEqual({ sql: 'SELECT 10', at: 99, rows: null });
    expect(history.entries.filter((e) => e.sql === 'SELECT 10')).toHaveLength(1);
    expect(history.entries[1]?.sql).toBe(`SELECT ${HISTORY_SIZE + 2}`);
  });

  it('does not keep an empty or a huge query', () => {
    const empty = { entries: [] };
    expect(remember(empty, { sql: '  ', at: 1, rows: 1 })).toBe(empty);
    expect(remember(empty, { sql: 'x'.repeat(HISTORY_MAX_CHARS + 1), at: 1, rows: 1 })).toBe(empty);
  });

  it('reads a corrupt saved history as the entries that make sense', () => {
    expect(SAVED_HISTORY.sanitize({ entries: [{ sql: 'SELECT 1', at: 1, rows: 2 }, { sql: 3 }, null] })).toEqual({ entries: [{ sql: 'SELECT 1', at: 1, rows: 2 }] });
    expect(SAVED_HISTORY.sanitize('nonsense')).toEqual({ entries: [] });
  });
});
