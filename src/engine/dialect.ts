import { sqlIdent, sqlList, sqlString } from './sql';
import type { Engine } from './types';

// What the SQL of the query modules needs said differently in DuckDB and in ClickHouse. Each
// query module writes its question once, in the SQL both accept (nested subqueries, at most one
// JOIN per SELECT: ClickHouse 18.16 has neither CTEs over subqueries nor a second JOIN), and
// asks the dialect for the pieces that differ.

export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** A string literal. */
  string(value: string): string;
  /** A quoted identifier. */
  ident(name: string): string;
  /** `('a', 'b')` for IN; an empty list matches nothing. */
  list(values: readonly string[]): string;
  /** Whether a literal can hold NUL. Where it cannot, sets holding NUL are bound as parameters. */
  readonly literalHoldsNul: boolean;
  /** The year of a `period_start` expression, as an integer. */
  year(periodStart: string): string;
  /** As text: a date or a number cast to a string. */
  text(expr: string): string;
  /** A timestamp as `2024-07-01T08:00:00Z`. */
  isoTimestamp(expr: string): string;
  /** A 32-bit integer (counts come back as 64-bit in both). */
  int(expr: string): string;
  /** `arg` of the row where `by` is largest / smallest, within a group. */
  argMax(arg: string, by: string): string;
  argMin(arg: string, by: string): string;
  /** The group's values of a text column, sorted and joined by commas. */
  joined(column: string): string;
  /**
   * `IN` for a filter of observations by a subquery over the catalog. ClickHouse sends a filter
   * of its Distributed table to every shard, where the catalog is not: GLOBAL IN runs the
   * subquery once, where the catalog is, and ships its result.
   */
  readonly inCatalog: string;
  /** Whether `WITH RECURSIVE` exists. */
  readonly recursive: boolean;
  /** Whether a query may join a `VALUES` list and name its columns (the coded path of view-cache.ts). */
  readonly valuesJoin: boolean;
}

export const duckdb: Dialect = {
  name: 'duckdb',
  string: sqlString,
  ident: sqlIdent,
  list: sqlList,
  literalHoldsNul: false,
  year: (ps) => `EXTRACT(YEAR FROM ${ps})`,
  text: (expr) => `CAST(${expr} AS VARCHAR)`,
  isoTimestamp: (expr) => `strftime(${expr}, '%Y-%m-%dT%H:%M:%SZ')`,
  int: (expr) => `CAST(${expr} AS INTEGER)`,
  argMax: (arg, by) => `arg_max(${arg}, ${by})`,
  argMin: (arg, by) => `arg_min(${arg}, ${by})`,
  joined: (column) => `string_agg(${column}, ',' ORDER BY ${column})`,
  inCatalog: 'IN',
  recursive: true,
  valuesJoin: true,
};

/**
 * A ClickHouse string literal. Unlike standard SQL (and DuckDB), ClickHouse reads backslash
 * escapes inside quotes, so a backslash is doubled as well as the quote escaped, and NUL is
 * written `\0`: a value that ends in a backslash can then never close the literal early.
 */
export function clickhouseString(value: string): string {
  return `'${value.replace(/[\\'\u0000]/g, (c) => (c === '\u0000' ? '\\0' : `\\${c}`))}'`;
}

/** A ClickHouse identifier in backquotes, escaped the same way. */
export function clickhouseIdent(name: string): string {
  return `\`${name.replace(/[\\`\u0000]/g, (c) => (c === '\u0000' ? '\\0' : `\\${c}`))}\``;
}

export const clickhouse: Dialect = {
  name: 'clickhouse',
  string: clickhouseString,
  ident: clickhouseIdent,
  list: (values) => (values.length === 0 ? '(NULL)' : `(${values.map(clickhouseString).join(', ')})`),
  literalHoldsNul: true,
  // period_start is ISO text in ClickHouse (cluster.ts says why); its year is the text before
  // the first dash.
  year: (ps) => `toInt32(substring(${ps}, 1, 4))`,
  text: (expr) => `toString(${expr})`,
  isoTimestamp: (expr) => `formatDateTime(${expr}, '%Y-%m-%dT%H:%M:%SZ')`,
  // toInt32 truncates where DuckDB's CAST rounds; every use is of a whole number (a count, a year).
  int: (expr) => `toInt32(${expr})`,
  argMax: (arg, by) => `argMax(${arg}, ${by})`,
  argMin: (arg, by) => `argMin(${arg}, ${by})`,
  joined: (column) => `arrayStringConcat(arraySort(groupArray(${column})), ',')`,
  inCatalog: 'GLOBAL IN',
  recursive: false,
  valuesJoin: false,
};

/** The dialect an engine speaks: DuckDB unless it says otherwise. */
export const dialectOf = (engine: Pick<Engine, 'dialect'>): Dialect => engine.dialect ?? duckdb;
