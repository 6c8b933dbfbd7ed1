// A set of ids to filter a column by, bound as data. A view asks about up to a thousand entities
// (a district's branches); as one parameter each, DuckDB-wasm spent most of a 10-million-row
// scorecard's period change binding and planning the list. One string parameter, split inside
// the query, is bound once however long the list.
//
// `list_contains(…)`, not `IN (SELECT unnest(…))`: the subquery became a semi-join the filter
// could not be pushed through, and a saved upload read in place (its observations coded by
// entity, scanned by code range) was read whole: 2.1 s for that period change in the bench,
// and 350 ms against 160 ms for the IN list on 5 M coded rows under Node. `list_contains` with
// a constant list filters the entity keys as the IN list did (150 ms there).

/** Joins the ids; it cannot occur in an id that takes the short form. */
const SEPARATOR = '\u001f';

/**
 * A condition that `column` (one of ours, never a name from a file) is one of `ids`, and its
 * parameters. Ids holding the separator (never written by our importer, but an id is data) are
 * bound one parameter each, as before. No ids match nothing.
 */
export function inSet(column: string, ids: readonly string[]): { sql: string; params: string[] } {
  if (ids.length === 0) return { sql: `${column} IN (NULL)`, params: [] };
  if (ids.some((id) => id.includes(SEPARATOR))) return { sql: `${column} IN (${ids.map(() => '?').join(', ')})`, params: [...ids] };
  return { sql: `list_contains(string_split(?, chr(31)), ${column})`, params: [ids.join(SEPARATOR)] };
}
