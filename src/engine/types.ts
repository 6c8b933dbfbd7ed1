import type { Dialect } from './dialect';
import type { FileReadProgress } from './progress';

/** A value bound to a prepared statement. Anything from a file or a person goes in this way. */
export type SqlParam = string | number | boolean | null;

export type Row = Record<string, unknown>;

/**
 * A result as columns, for results too long to be worth a JS object per row: INTEGER and DOUBLE
 * columns as typed arrays (Int32Array, Float64Array), others as arrays of values.
 */
export interface Columns {
  length: number;
  columns: Record<string, ArrayLike<unknown>>;
}

/** How one statement runs. */
export interface QueryOptions {
  /**
   * Stops the statement mid-way where the engine can (the browser's can; the Node one only checks
   * it before starting): it then fails with an AbortError. For long statements a person may stop.
   */
  signal?: AbortSignal;
}

/**
 * The only thing query modules know about a database: run SQL with parameters and get plain rows
 * back (numbers as `number`, never `bigint`). DuckDB-wasm is the implementation in the browser and,
 * through its blocking bundle, in the Node tests; ClickHouse (clickhouse.ts) the one past a browser,
 * where only reading works.
 */
export interface Engine {
  /** How its SQL differs from DuckDB's (dialect.ts); DuckDB when absent. */
  readonly dialect?: Dialect;
  query<T extends object = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T[]>;
  /** As `query`, with the result as columns. */
  queryColumns(sql: string, params?: readonly SqlParam[]): Promise<Columns>;
  /** Runs `work` with exclusive use of the connection inside BEGIN … COMMIT; ROLLBACK on any error. */
  transaction<T>(work: (tx: Pick<Engine, 'query'>) => Promise<T>): Promise<T>;
  /** Makes bytes readable by `read_csv('<name>')`. Names are chosen by us, never by a file. */
  registerFile(name: string, data: Blob | Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Makes `name` an empty in-memory file that DuckDB can write (a database to ATTACH, say). */
  registerEmptyFile(name: string): Promise<void>;
  /** The bytes of a file the engine holds: what DuckDB wrote to a `registerEmptyFile` name. */
  copyFile(name: string): Promise<Uint8Array>;
  /**
   * How far statements read into registered files of 1 MB or more, where the engine can tell
   * (the browser's can): each report until the returned function is called.
   */
  watchReads?(listener: (read: FileReadProgress) => void): () => void;
}

/**
 * Every call fails with this once the engine is lost: its worker crashed or stopped answering, and
 * nothing sent to it will return. Callers tell it from a failed query by `instanceof`.
 */
export class EngineLostError extends Error {
  constructor() {
    super('the analysis engine stopped');
    this.name = 'EngineLostError';
  }
}
