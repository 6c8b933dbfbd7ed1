import { duckdb, type Dialect } from '../engine/dialect';

// A set of ids to filter a column by. A view asks about up to a thousand entities at once (a
// district's branches). Measured under Node on 400,000 rows in memory and on 5 M rows of a saved
// upload read in place (coded by entity), a thousand entities' snapshot, median of 5:
//   - one parameter per id: 223 ms and 187 ms, and in DuckDB-wasm binding a thousand parameters
//     was most of a 10-million-row scorecard's period change;
//   - one joined parameter split in a semi-join, IN (SELECT unnest(…)): 203 ms in memory, but
//     read in place the filter was not pushed through the join and every row was read (2.1 s
//     per period change in the bench);
//   - list_contains(string_split(?, …), …): the parameter is no constant to the planner, so the
//     list was split again for every row: 708 ms in memory;
//   - literals, quoted by the one quoting helper: 225 ms and 153 ms, nothing to bind.

/**
 * A condition that `column` (one of ours, never a name from a file) is one of `ids`. The ids are
 * string literals quoted by the dialect's quoting helper. A DuckDB literal cannot hold NUL, which
 * an imported name may (a file's byte past its sniffed start): such a set is bound one parameter
 * per id, as before. No ids match nothing.
 */
export function inSet(column: string, ids: readonly string[], dialect: Dialect = duckdb): { sql: string; params: string[] } {
  if (!dialect.literalHoldsNul && ids.some((id) => id.includes('\u0000'))) return { sql: `${column} IN (${ids.map(() => '?').join(', ')})`, params: [...ids] };
  return { sql: `${column} IN ${dialect.list(ids)}`, params: [] };
}
