import { describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../../src/features/sql/guard';
import { tokenize } from '../../../src/features/sql/tokenize';

// The table functions DuckDB-wasm 1.32 lists in duckdb_functions(), as the view passes them.
const tableFunctions = new Set(['read_csv', 'read_csv_auto', 'read_text', 'read_blob', 'glob', 'query', 'query_table', 'sniff_csv', 'checkpoint', 'range', 'unnest', 'duckdb_tables', 'seq_scan', 'arrow_scan']);
const check = (sql: string) => checkReadOnly(sql, { tableFunctions });
const refusal = (sql: string) => {
  const result = check(sql);
  return result.ok ? null : { reason: result.reason, word: result.word, position: result.position };
};

describe('checkReadOnly lets reading statements through', () => {
  it.each([
    'SELECT 1',
    'select * from observations_named where value > 1',
    'WITH t AS (SELECT 1 AS x) SELECT x FROM t',
    'FROM observations LIMIT 5',
    'VALUES (1), (2)',
    'DESCRIBE observations',
    'SUMMARIZE observations_named',
    'SHOW TABLES',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT count(*) FROM observations',
    "SELECT extract(year FROM DATE '2024-05-01'), trim(both 'x' FROM 'xax'), substring('abc' FROM 2)",
    'SELECT * FROM range(10) r(i), unnest([1, 2])',
    "SELECT * FROM observations WHERE indicator_id = 'DROP TABLE x; --'",
    'SELECT "update", "delete" FROM (SELECT 1 AS "update", 2 AS "delete")',
    'SELECT 1 -- ; DROP TABLE entities',
    'SELECT /* ; DELETE FROM entities */ 1',
    'SELECT $$ ; DROP TABLE x $$',
    "SELECT E'it\\'s; DROP TABLE x'",
    'SELECT a FROM t ORDER BY a DESC',
  ])('%s', (sql) => {
    expect(refusal(sql)).toBeNull();
  });

  it('gives the statement without its trailing semicolons and comments, and how to run it', () => {
    expect(check('  SELECT 1;  ;\n-- done\n')).toEqual({ ok: true, kind: 'select', sql: 'SELECT 1', start: 2 });
    expect(check('explain select 1')).toMatchObject({ ok: true, kind: 'explain' });
  });
});

describe('checkReadOnly refuses what would change data or reach outside', () => {
  it.each([
    ['INSERT INTO entities VALUES (1)', 'writes', 'INSERT'],
    ['update indicators set target = 1', 'writes', 'update'],
    ['DELETE FROM observations_local', 'writes', 'DELETE'],
    ['DROP TABLE entities', 'writes', 'DROP'],
    ['CREATE TABLE x AS SELECT 1', 'writes', 'CREATE'],
    ['ALTER TABLE entities ADD COLUMN x INT', 'writes', 'ALTER'],
    ["ATTACH 'x.db' AS x", 'writes', 'ATTACH'],
    ["COPY entities TO 'x.csv'", 'writes', 'COPY'],
    ["COPY (SELECT 1) TO 'x.csv'", 'writes', 'COPY'],
    ['INSTALL httpfs', 'writes', 'INSTALL'],
    ['LOAD httpfs', 'writes', 'LOAD'],
    ['SET threads = 1', 'writes', 'SET'],
    ['PRAGMA version', 'writes', 'PRAGMA'],
    ['CALL checkpoint()', 'writes', 'CALL'],
    ["EXPORT DATABASE 'x'", 'writes', 'EXPORT'],
    ['BEGIN TRANSACTION', 'writes', 'BEGIN'],
    ['CHECKPOINT', 'writes', 'CHECKPOINT'],
    ['  /* a comment first */ dRoP TaBlE entities', 'writes', 'dRoP'],
    ['WITH x AS (DELETE FROM entities RETURNING *) SELECT * FROM x', 'writes', 'DELETE'],
    ['WITH x AS (SELECT 1) INSERT INTO entities SELECT * FROM x', 'writes', 'INSERT'],
    ['EXPLAIN DELETE FROM entities', 'writes', 'DELETE'],
    ['EXPLAIN ANALYZE INSERT INTO entities VALUES (1)', 'writes', 'INSERT'],
    ['SELECT 1; DROP TABLE entities', 'several', 'DROP'],
    ['SELECT 1 ; SELECT 2', 'several', 'SELECT'],
    ['select 1;/* */drop table entities', 'several', 'drop'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'function', 'read_csv'],
    ["SELECT * FROM main.read_csv_auto('x.csv')", 'function', 'read_csv_auto'],
    ["SELECT * FROM \"read_text\"('x')", 'function', '"read_text"'],
    ["SELECT * FROM READ_BLOB ('x')", 'function', 'READ_BLOB'],
    ["SELECT * FROM read_parquet('https://example.com/x.parquet')", 'function', 'read_parquet'],
    ["SELECT * FROM glob('*')", 'function', 'glob'],
    ["SELECT * FROM query('DROP TABLE entities')", 'function', 'query'],
    ["SELECT * FROM query_table('entities')", 'function', 'query_table'],
    ["SELECT getenv('HOME')", 'function', 'getenv'],
    ["SELECT * FROM 'data.csv'", 'file', "'data.csv'"],
    ["SELECT * FROM \"data.csv\"", 'file', '"data.csv"'],
    ['SELECT * FROM data.csv', 'file', 'data'],
    ["SELECT * FROM observations, 'https://example.com/x.csv'", 'file', "'https://example.com/x.csv'"],
    ["SELECT * FROM a JOIN b ON a.x = b.x, 'x.parquet'", 'file', "'x.parquet'"],
    ["SELECT * FROM (FROM 'x.csv')", 'file', "'x.csv'"],
    ["SELECT * FROM entities WHERE entity_id IN (SELECT * FROM 'x.csv')", 'file', "'x.csv'"],
    ["DESCRIBE 'x.csv'", 'file', "'x.csv'"],
    ["SUMMARIZE 'x.csv'", 'file', "'x.csv'"],
    ['GRANT ALL ON x TO y', 'writes', 'GRANT'],
    ['VACUUM', 'writes', 'VACUUM'],
    ['hello world', 'notRead', 'hello'],
  ])('%s', (sql, reason, word) => {
    const result = refusal(sql);
    expect(result).toMatchObject({ reason, word });
    expect(sql.slice(result?.position ?? -1).startsWith(word)).toBe(true);
  });

  it('refuses an empty query and one of comments only', () => {
    expect(refusal('')).toMatchObject({ reason: 'empty' });
    expect(refusal('  -- nothing\n /* here */ ;')).toMatchObject({ reason: 'empty' });
  });

  it('refuses table functions that reach outside even without the engine list', () => {
    expect(checkReadOnly("SELECT * FROM read_json('x')")).toMatchObject({ ok: false, reason: 'function' });
    expect(checkReadOnly('SELECT * FROM sqlite_scan(1)')).toMatchObject({ ok: false, reason: 'function' });
    expect(checkReadOnly('SELECT * FROM range(3)')).toMatchObject({ ok: true });
  });
});

describe('tokenize', () => {
  it('reads strings, names, comments and dollar quotes as DuckDB does', () => {
    const tokens = tokenize(`SELECT 'a''b', "x""y", E'c\\'d', $t$ ' $t$, $1 /* /* nested */ still */ -- x\n1.5`);
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'SELECT'],
      ['string', "'a''b'"],
      ['punct', ','],
      ['quoted', 'x"y'],
      ['punct', ','],
      ['string', "E'c\\'d'"],
      ['punct', ','],
      ['string', "$t$ ' $t$"],
      ['punct', ','],
      ['param', '$1'],
      ['number', '1.5'],
    ]);
  });

  it('runs an unclosed string or comment to the end', () => {
    expect(tokenize("SELECT 'open; DROP").map((t) => t.kind)).toEqual(['word', 'string']);
    expect(tokenize('SELECT 1 /* open; DROP')).toHaveLength(2);
  });
});
