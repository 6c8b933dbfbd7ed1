import { describe, expect, it } from 'vitest';
import { rowBinary } from '../../../scripts/clickhouse/row-binary';
import { bindParameters } from '../../../src/engine/clickhouse-bind';
import { ClickHouseEngine, clickhouseMessage } from '../../../src/engine/clickhouse';
import { clickhouse, clickhouseIdent, clickhouseString, duckdb } from '../../../src/engine/dialect';
import { snapshotSql } from '../../../src/queries/snapshot';

// The texts the DuckDB quoting helper is tested with, and the ones only backslash escapes make hostile.
const HOSTILE = ["o'brien", "'; DROP TABLE entities; --", '\\', "\\'", "a\\\\'b", "''", '?', 'tab\there', 'line\nbreak', '名 ?\'', '`x`', '🏙️'];

/** Reads a ClickHouse string literal back as ClickHouse's lexer would. */
function unquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  let out = '';
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i] as string;
    if (c === '\\') {
      const n = literal[++i] as string;
      out += n === '0' ? '\u0000' : n;
    } else {
      // An unescaped quote inside would end the literal early.
      expect(c).not.toBe("'");
      out += c;
    }
  }
  return out;
}

describe('ClickHouse quoting', () => {
  it('writes every hostile text as one literal that reads back exactly', () => {
    for (const text of [...HOSTILE, 'nul\u0000byte']) expect(unquote(clickhouseString(text))).toBe(text);
    expect(clickhouseString("it's \\")).toBe("'it\\'s \\\\'");
  });

  it('differs from DuckDB exactly where ClickHouse reads backslashes', () => {
    expect(duckdb.string('a\\')).toBe("'a\\'");
    expect(clickhouse.string('a\\')).toBe("'a\\\\'");
    expect(clickhouse.list([])).toBe('(NULL)');
    expect(clickhouseIdent('a`b\\')).toBe('`a\\`b\\\\`');
  });
});

describe('binding parameters for ClickHouse', () => {
  it('replaces placeholders in order, and only outside literals, identifiers and comments', () => {
    const sql = "SELECT '?', \"a?\", `b?` -- ?\n /* ? */ FROM t WHERE a = ? AND b = ? AND c = ? AND d = ? AND e = 'it''s ?' AND f = 'x\\' ?'";
    expect(bindParameters(sql, ["o'brien\\", 2.5, null, true])).toBe(
      "SELECT '?', \"a?\", `b?` -- ?\n /* ? */ FROM t WHERE a = 'o\\'brien\\\\' AND b = 2.5 AND c = NULL AND d = 1 AND e = 'it''s ?' AND f = 'x\\' ?'",
    );
  });

  it('refuses a count that does not match, and numbers no literal can hold', () => {
    expect(() => bindParameters('SELECT ?, ?', [1])).toThrow(/more placeholders/);
    expect(() => bindParameters('SELECT ?', [1, 2])).toThrow(/1 placeholders for 2/);
    expect(() => bindParameters('SELECT ?', [Number.NaN])).toThrow(/NaN/);
  });
});

describe('the ClickHouse engine', () => {
  it('posts the bound statement as the configured user and converts 64-bit counts to numbers', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const engine = new ClickHouseEngine({ url: '/clickhouse/', database: 'hqd', user: 'hqd_reader' }, async (url, init) => {
      sent.push({ url: String(url), init: init as RequestInit });
      return new Response(JSON.stringify({ meta: [{ name: 'n', type: 'UInt64' }, { name: 'v', type: 'Nullable(Float64)' }, { name: 's', type: 'String' }], data: [['12', null, 'x']] }));
    });
    expect(await engine.query('SELECT count() AS n WHERE a = ?', ['x'])).toEqual([{ n: 12, v: null, s: 'x' }]);
    expect(sent[0]?.url).toBe('/clickhouse/?database=hqd');
    expect(sent[0]?.init.body).toBe("SELECT count() AS n WHERE a = 'x'\nFORMAT JSONCompact");
    expect((sent[0]?.init.headers as Record<string, string>).Authorization).toBe(`Basic ${btoa('hqd_reader:')}`);
  });

  it("gives ClickHouse's own message when a statement fails, and refuses every write", async () => {
    const body = 'Code: 164, e.displayText() = DB::Exception: Cannot drop table in readonly mode, e.what() = DB::Exception\n';
    expect(clickhouseMessage(body)).toBe('Cannot drop table in readonly mode');
    const engine = new ClickHouseEngine({ url: 'http://x/', database: 'hqd', user: 'u' }, async () => new Response(body, { status: 500 }));
    await expect(engine.query('SELECT 1')).rejects.toThrow('Cannot drop table in readonly mode');
    await expect(engine.transaction(async () => 1)).rejects.toThrow(/npm run clickhouse:load/);
    await expect(engine.registerFile()).rejects.toThrow(/Importing a file is not available over ClickHouse/);
  });
});

describe('queries in the ClickHouse dialect', () => {
  it('filter observations by a catalog subquery with GLOBAL IN, and take the latest two periods in one pass', () => {
    const { sql, params } = snapshotSql({ datasetIds: ["a'\\"], entityIds: [], level: 'branch', year: 2024 }, clickhouse);
    expect(sql).toContain('entity_id GLOBAL IN (SELECT entity_id FROM entities WHERE level = ?)');
    expect(sql).toContain("dataset_id IN ('a\\'\\\\')");
    expect(sql).toContain('toInt32(substring(period_start, 1, 4)) <= ?');
    expect(sql).not.toMatch(/\bWITH\b/);
    expect(sql.match(/\bJOIN\b/g)).toHaveLength(1);
    expect(params).toEqual(['branch', 2024]);
  });
});

describe('RowBinary rows for the loader', () => {
  it('writes text as length and UTF-8 bytes, doubles as their eight bytes, and a null flag before nullables', () => {
    const bytes = rowBinary(
      [{ name: 's', type: 'String' }, { name: 'v', type: 'Float64' }, { name: 'f', type: 'Nullable(String)' }, { name: 'n', type: 'Int32' }],
      [{ s: '名', v: 35.5893451751129, f: null, n: -2 }],
    );
    const view = new DataView(bytes.buffer);
    expect([...bytes.subarray(0, 4)]).toEqual([3, 0xe5, 0x90, 0x8d]);
    expect(view.getFloat64(4, true)).toBe(35.5893451751129);
    expect(bytes[12]).toBe(1);
    expect(view.getInt32(13, true)).toBe(-2);
    expect(bytes.length).toBe(17);
    expect(() => rowBinary([{ name: 'n', type: 'Int32' }], [{ n: 1.5 }])).toThrow(/32-bit integer/);
    expect(() => rowBinary([{ name: 's', type: 'String' }], [{ s: null }])).toThrow(/holds no value/);
  });
});
