// The one quoting helper. Prepared-statement parameters are preferred; these exist for the places
// DuckDB does not take a parameter (table-function arguments, identifiers) and for IN lists,
// where a thousand parameters cost more to bind than the query costs to run (queries/id-set.ts).

/** A SQL string literal: single quotes doubled, NUL refused (a literal cannot hold it, though a value bound as a parameter can). */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new Error('SQL string literal cannot contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted identifier: double quotes doubled. Column names from files go through this. */
export function sqlIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('SQL identifier cannot contain NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/** `('a', 'b')` for IN; an empty list becomes `(NULL)` so that `x IN (NULL)` matches nothing. */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) return '(NULL)';
  return `(${values.map(sqlString).join(', ')})`;
}
