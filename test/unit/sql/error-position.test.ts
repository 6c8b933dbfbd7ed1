import { describe, expect, it } from 'vitest';
import { sqlErrorAt } from '../../../src/features/sql/error-position';
import { wideColumnNames, wideViewSql } from '../../../src/features/sql/research-views';

describe("DuckDB's error in the person's query", () => {
  it('maps LINE and caret to an offset, one line down for the wrapper', () => {
    const query = 'SELECT a,\n  zz\nFROM t';
    const raw = 'Binder Error: Referenced column "zz" not found\n\nLINE 3:   zz\n          ^';
    expect(sqlErrorAt(raw, query, 1)).toEqual({ message: 'Binder Error: Referenced column "zz" not found', position: query.indexOf('zz') });
  });

  it('finds the spot in a line DuckDB cut to a window', () => {
    const line = `SELECT ${'x, '.repeat(60)}nosuch FROM t`;
    const shownStart = line.length - 40;
    const shown = `...${line.slice(shownStart)}`;
    const caret = ' '.repeat('LINE 2: '.length + 3 + line.indexOf('nosuch') - shownStart) + '^';
    expect(sqlErrorAt(`Binder Error: no\n\nLINE 2: ${shown}\n${caret}`, line, 1).position).toBe(line.indexOf('nosuch'));
  });

  it('gives the message alone where DuckDB points nowhere', () => {
    expect(sqlErrorAt('Out of Memory Error: could not allocate', 'SELECT 1', 1)).toEqual({ message: 'Out of Memory Error: could not allocate', position: null });
  });
});

describe('the wide research view', () => {
  it('names a column per indicator code, unique without case and apart from the keys', () => {
    expect(wideColumnNames(['gdp', 'GDP', 'period', 'x'])).toEqual(['gdp', 'GDP_2', 'period_2', 'x']);
  });

  it('quotes codes from uploads as names and literals', () => {
    const sql = wideViewSql([`a"b'); DROP TABLE x; --`]);
    expect(sql).toContain(`indicator_id = 'a"b''); DROP TABLE x; --'`);
    expect(sql).toContain(`AS "a""b'); DROP TABLE x; --"`);
  });
});
