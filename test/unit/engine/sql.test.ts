import { describe, expect, it } from 'vitest';
import { sqlIdent, sqlList, sqlString } from '../../../src/engine/sql';

describe('sqlString', () => {
  it('wraps plain text in single quotes', () => {
    expect(sqlString('abc')).toBe("'abc'");
    expect(sqlString('')).toBe("''");
    expect(sqlString('云澜市')).toBe("'云澜市'");
  });

  it('doubles single quotes so they cannot close the literal', () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("''")).toBe("''''''");
  });

  it('keeps a hostile value inside one literal', () => {
    expect(sqlString("'); DROP TABLE x; --")).toBe("'''); DROP TABLE x; --'");
    expect(sqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
  });

  it('leaves double quotes and backslashes alone (not special in SQL string literals)', () => {
    expect(sqlString('a"b\\c')).toBe("'a\"b\\c'");
  });

  it('refuses NUL with an error', () => {
    expect(() => sqlString('a\u0000b')).toThrow(/NUL/);
  });
});

describe('sqlIdent', () => {
  it('wraps a name in double quotes', () => {
    expect(sqlIdent('value')).toBe('"value"');
    expect(sqlIdent('Country Name')).toBe('"Country Name"');
    expect(sqlIdent('第二产业比重_%')).toBe('"第二产业比重_%"');
  });

  it('doubles double quotes so they cannot close the identifier', () => {
    expect(sqlIdent('a"b')).toBe('"a""b"');
    expect(sqlIdent('"; DROP TABLE x; --')).toBe('"""; DROP TABLE x; --"');
  });

  it('leaves single quotes alone', () => {
    expect(sqlIdent("it's")).toBe('"it\'s"');
  });

  it('refuses NUL with an error', () => {
    expect(() => sqlIdent('\u0000')).toThrow(/NUL/);
  });
});

describe('sqlList', () => {
  it('makes an IN list of quoted strings', () => {
    expect(sqlList(['a', 'b'])).toBe("('a', 'b')");
    expect(sqlList(['only'])).toBe("('only')");
  });

  it('quotes every member', () => {
    expect(sqlList(["o'brien", "'); DROP TABLE x; --"])).toBe("('o''brien', '''); DROP TABLE x; --')");
  });

  it('turns an empty list into (NULL), which matches nothing', () => {
    expect(sqlList([])).toBe('(NULL)');
  });

  it('refuses a member with NUL', () => {
    expect(() => sqlList(['ok', 'bad\u0000'])).toThrow(/NUL/);
  });
});
