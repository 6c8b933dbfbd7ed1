import { tokenize, type Token } from './tokenize';

/**
 * What the SQL view lets run: one statement that only reads the loaded data. The guard works on
 * DuckDB's tokens (tokenize.ts), so nothing hidden in a comment, a string or a quoted name counts,
 * and nothing code to DuckDB is missed. It is the first of two walls: run-query.ts also runs every
 * statement inside a transaction it always rolls back.
 */
export type GuardResult =
  | { ok: true; kind: ReadKind; /** The statement without the comments around it and trailing `;`. */ sql: string; /** Where `sql` starts in the query. */ start: number }
  | { ok: false; reason: RefusalReason; /** The word or mark refused, as written. */ word: string; /** Offset in the query. */ position: number };

/** How a statement is run: `explain` cannot be wrapped in a subquery, the others can. */
export type ReadKind = 'select' | 'explain';

export type RefusalReason = 'empty' | 'several' | 'notRead' | 'writes' | 'function' | 'file';

/** First words of a reading statement. `(` may come first too: `(SELECT …) UNION …`. */
const READ_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'PIVOT', 'UNPIVOT']);

/**
 * Words that only a statement that changes something, or reaches outside, uses. Refused wherever
 * they stand as a word (a column named so can be written in double quotes): a DML inside a CTE,
 * `COPY (SELECT …) TO`, a second statement the split missed.
 */
const WRITE_WORDS = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'TRUNCATE', 'DROP', 'CREATE', 'ALTER', 'ATTACH', 'DETACH', 'COPY',
  'INSTALL', 'LOAD', 'FORCE', 'SET', 'RESET', 'PRAGMA', 'CALL', 'EXPORT', 'IMPORT', 'CHECKPOINT', 'VACUUM', 'GRANT', 'REVOKE',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'USE', 'SECRET',
]);

/**
 * Table functions that only read what the engine holds. Any other table function DuckDB knows is
 * refused: `read_csv`, `read_text`, `glob` and the like reach files or URLs, `query` and
 * `query_table` run SQL given as a string, `checkpoint` writes.
 */
const SAFE_TABLE_FUNCTIONS = new Set([
  'range', 'generate_series', 'unnest', 'repeat', 'repeat_row', 'summary', 'test_all_types',
  'duckdb_columns', 'duckdb_tables', 'duckdb_views', 'duckdb_types', 'duckdb_functions', 'duckdb_keywords',
  'duckdb_schemas', 'duckdb_constraints', 'duckdb_indexes', 'duckdb_databases', 'duckdb_settings', 'duckdb_memory',
  'pragma_table_info', 'pragma_version', 'pragma_platform', 'pragma_database_size', 'pragma_storage_info', 'pragma_show',
]);

/** Names of table functions the engine may have that reach outside, refused even when the engine's own list is not at hand. */
const OUTSIDE_FUNCTION = /^(read_|parquet_|sniff_|iceberg_|delta_|sqlite_|postgres_|mysql_|json_execute|glob$|query$|query_table$|checkpoint$|force_checkpoint$|enable_|disable_|truncate_|which_secret$|load_aws|.*_scan$)/;

/** Scalar functions that tell about the machine rather than the data. */
const OUTSIDE_SCALARS = new Set(['getenv']);

/** Names in a table position that DuckDB would read as a file ("replacement scan"): `FROM "x.csv"`. */
const FILE_NAME = /[/\\:]|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|xlsx|arrow|feather|db|duckdb|sqlite)$/i;

/** Words that end a FROM clause at their depth. (ON and USING do not: `JOIN b ON x = y, 'x.csv'`.) */
const AFTER_FROM = new Set(['WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'QUALIFY', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'SELECT', 'RETURNING']);

/** Words after which a name is a table DuckDB would read (a file, when the name is one). */
const BEFORE_TABLE = new Set(['FROM', 'JOIN', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'TABLE', 'PIVOT', 'UNPIVOT']);

/** A parenthesis level: whether it holds a query (not `EXTRACT(YEAR FROM d)`), and whether its FROM clause is open. */
interface Frame {
  query: boolean;
  inFrom: boolean;
}

const upper = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toUpperCase() : '');
const isPunct = (t: Token | undefined, mark: string) => t?.kind === 'punct' && t.text === mark;

export interface GuardOptions {
  /** The table functions the engine knows (duckdb_functions()), lower case. */
  tableFunctions?: ReadonlySet<string>;
}

export function checkReadOnly(sql: string, options: GuardOptions = {}): GuardResult {
  const tokens = tokenize(sql);
  const refuse = (reason: RefusalReason, token: Token | undefined): GuardResult => ({ ok: false, reason, word: token ? sql.slice(token.start, token.end) : '', position: token?.start ?? 0 });

  // One statement: any token after a `;` other than more `;` is a second one.
  const semi = tokens.findIndex((t) => isPunct(t, ';'));
  const body = semi < 0 ? tokens : tokens.slice(0, semi);
  if (semi >= 0) {
    const after = tokens.slice(semi).find((t) => !isPunct(t, ';'));
    if (after) return refuse('several', after);
  }
  if (body.length === 0) return refuse('empty', undefined);

  let first = 0;
  while (isPunct(body[first], '(')) first++;
  let kind: ReadKind = 'select';
  if (upper(body[first]) === 'EXPLAIN') {
    kind = 'explain';
    first++;
    if (upper(body[first]) === 'ANALYZE') first++;
    while (isPunct(body[first], '(')) first++;
  }
  if (!READ_START.has(upper(body[first]))) return refuse(WRITE_WORDS.has(upper(body[first])) ? 'writes' : 'notRead', body[first] ?? body[0]);

  const known = options.tableFunctions ?? new Set<string>();
  const frames: Frame[] = [{ query: true, inFrom: false }];
  for (let i = 0; i < body.length; i++) {
    const token = body[i] as Token;
    const word = upper(token);
    const next = body[i + 1];
    const previous = body[i - 1];
    const frame = frames[frames.length - 1] as Frame;
    if (word && WRITE_WORDS.has(word)) return refuse('writes', token);
    if (isPunct(token, '(')) {
      // A level holds a query when it opens with one: `(SELECT …`, `(FROM t …`, `IN (WITH …`.
      frames.push({ query: READ_START.has(upper(next)), inFrom: false });
    } else if (isPunct(token, ')')) {
      if (frames.length > 1) frames.pop();
    } else if (word === 'SELECT') frame.query = true;
    if (word === 'FROM' || word === 'JOIN') frame.inFrom = frame.query;
    else if (AFTER_FROM.has(word)) frame.inFrom = false;

    if ((token.kind === 'word' || token.kind === 'quoted') && isPunct(next, '(')) {
      const name = token.text.toLowerCase();
      const tableFunction = known.has(name) || OUTSIDE_FUNCTION.test(name);
      if ((tableFunction && !SAFE_TABLE_FUNCTIONS.has(name)) || OUTSIDE_SCALARS.has(name)) return refuse('function', token);
    }
    if (!frame.query) continue;
    const tablePosition = BEFORE_TABLE.has(upper(previous)) || (isPunct(previous, ',') && frame.inFrom);
    if (!tablePosition) continue;
    if (token.kind === 'string' || (token.kind === 'quoted' && FILE_NAME.test(token.text))) return refuse('file', token);
    if (token.kind === 'word' && isPunct(next, '.')) {
      // `FROM data.csv`: a dotted name whose last part is a file extension.
      const parts = [token.text];
      for (let j = i + 1; isPunct(body[j], '.') && body[j + 1]; j += 2) parts.push((body[j + 1] as Token).text);
      if (FILE_NAME.test(parts.join('.'))) return refuse('file', token);
    }
  }
  const last = body[body.length - 1] as Token;
  const start = (body[0] as Token).start;
  return { ok: true, kind, sql: sql.slice(start, last.end), start };
}
