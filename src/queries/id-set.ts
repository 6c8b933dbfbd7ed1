// A set of ids for `x IN …`, bound as data. A view asks about up to a thousand entities (a
// district's branches); as one parameter each, DuckDB-wasm spent most of a 10-million-row
// scorecard's period change binding and planning the list. One string parameter split inside
// the query is planned once, as a small semi-join, however long the list.

/** Joins the ids; it cannot occur in an id that takes the short form. */
const SEPARATOR = '\u001f';

/**
 * `(…)` to follow `IN`, and its parameters. Ids holding the separator (never written by our
 * importer, but an id is data) are bound one parameter each, as before. No ids match nothing.
 */
export function idSet(ids: readonly string[]): { sql: string; params: string[] } {
  if (ids.length === 0) return { sql: '(NULL)', params: [] };
  if (ids.some((id) => id.includes(SEPARATOR))) return { sql: `(${ids.map(() => '?').join(', ')})`, params: [...ids] };
  return { sql: '(SELECT unnest(string_split(?, chr(31))))', params: [ids.join(SEPARATOR)] };
}
