import type { Engine, Row } from '../../engine/types';
import { EngineLostError } from '../../engine/types';
import { sqlErrorAt } from './error-position';
import { checkReadOnly, type GuardResult } from './guard';

/** How many rows of a result the grid holds; the full count is told beside it. */
export const SHOWN_ROWS = 10_000;

export interface SqlColumn {
  name: string;
  /** DuckDB's type name: INTEGER, DOUBLE, VARCHAR, DATE, DECIMAL(18,3), … */
  type: string;
}

export interface SqlResult {
  columns: SqlColumn[];
  /** The first rows (SHOWN_ROWS unless asked otherwise), each a value per column in `columns` order. */
  rows: unknown[][];
  /** Rows in the whole result. */
  count: number;
  /** Milliseconds from run to the rows in hand. */
  ms: number;
}

/** A statement the guard would not run: nothing was sent to the engine. */
export class SqlRefusedError extends Error {
  constructor(readonly refusal: Extract<GuardResult, { ok: false }>) {
    super(`refused: ${refusal.reason} at ${refusal.position}`);
    this.name = 'SqlRefusedError';
  }
}

/** DuckDB refused the statement: its message, and where in the person's query it points. */
export class SqlQueryError extends Error {
  constructor(
    message: string,
    readonly position: number | null,
  ) {
    super(message);
    this.name = 'SqlQueryError';
  }
}

/** Thrown to leave the transaction with its result: the transaction is then rolled back. */
class RolledBack {
  constructor(readonly result: SqlResult) {}
}

const tableFunctionsOf = new WeakMap<Engine, Promise<Set<string>>>();

/** The table functions the engine knows, for the guard to refuse those that reach outside. */
function tableFunctions(engine: Engine): Promise<Set<string>> {
  let names = tableFunctionsOf.get(engine);
  if (!names) {
    names = engine
      .query<{ name: string }>("SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')")
      .then((rows) => new Set(rows.map((r) => r.name)));
    names.catch(() => tableFunctionsOf.delete(engine));
    tableFunctionsOf.set(engine, names);
  }
  return names;
}

// The person's statement goes on a line of its own, after the wrapper's first line: DuckDB's
// "LINE n" then counts one more than the editor (error-position.ts), and a `--` comment at its end
// cannot swallow the closing parenthesis.
export const wrapped = (sql: string, head: string, tail = '') => `${head}\n${sql}\n)${tail}`;

/**
 * Runs one reading statement (guard.ts) and returns its first `limit` rows, its column types
 * and its full count. Everything runs in a transaction that is always rolled back, so even a
 * statement the guard misjudged leaves the data as it was. `signal` stops it where it is.
 */
export async function runReadOnly(engine: Engine, sql: string, { signal, limit = SHOWN_ROWS }: { signal?: AbortSignal; limit?: number } = {}): Promise<SqlResult> {
  const guard = checkReadOnly(sql, { tableFunctions: await tableFunctions(engine) });
  if (!guard.ok) throw new SqlRefusedError(guard);
  const q = guard.sql;
  const options = { signal };
  const started = performance.now();
  try {
    await engine.transaction(async (tx) => {
      if (guard.kind === 'explain') {
        // EXPLAIN cannot be a subquery: run as written, two text columns, a handful of rows.
        const rows = await tx.query<Row>(q, [], options);
        const names = Object.keys(rows[0] ?? { explain_key: null, explain_value: null });
        throw new RolledBack({ columns: names.map((name) => ({ name, type: 'VARCHAR' })), rows: rows.map((r) => names.map((n) => r[n])), count: rows.length, ms: performance.now() - started });
      }
      // The types first: binding alone, so a wrong name fails before anything is read.
      const described = await tx.query<{ column_name: string; column_type: string }>(wrapped(q, 'DESCRIBE SELECT * FROM ('), [], options);
      const columns = described.map((c) => ({ name: c.column_name, type: c.column_type }));
      const rows = await tx.query<Row>(wrapped(q, 'SELECT * FROM (', ` LIMIT ${limit + 1}`), [], options);
      let count = rows.length;
      if (count > limit) {
        const [counted] = await tx.query<{ n: number }>(wrapped(q, 'SELECT count(*)::DOUBLE AS n FROM (', ''), [], options);
        count = counted?.n ?? count;
        rows.length = limit;
      }
      throw new RolledBack({ columns, rows: rows.map((r) => columns.map((c) => r[c.name])), count, ms: performance.now() - started });
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    if (error instanceof EngineLostError || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    // Positions count from the statement as run: EXPLAIN as written, the rest after one wrapper line.
    const at = sqlErrorAt(error instanceof Error ? error.message : String(error), q, guard.kind === 'explain' ? 0 : 1);
    throw new SqlQueryError(at.message, at.position === null ? null : guard.start + at.position);
  }
  throw new Error('the statement returned nothing');
}
