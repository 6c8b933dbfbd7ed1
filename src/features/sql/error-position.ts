/**
 * DuckDB's error, split into what a person reads and where in their query it points. DuckDB
 * appends the offending line with a caret under the spot:
 *
 *     Binder Error: Referenced column "zz" not found in FROM clause!
 *
 *     LINE 2: select * from t where zz = 1
 *                                   ^
 *
 * The line may be cut to a window around the spot, marked with "...". `lineOffset` is how many
 * lines the runner put before the person's query (run-query.ts wraps it after one).
 */
export interface SqlErrorAt {
  message: string;
  /** Offset in the person's query, or null where DuckDB gave none. */
  position: number | null;
}

const CONTEXT = /\n\s*\nLINE (\d+): ([^\n]*)\n( *)\^/;

export function sqlErrorAt(raw: string, query: string, lineOffset: number): SqlErrorAt {
  const match = CONTEXT.exec(raw);
  const message = (match ? raw.slice(0, match.index) : raw).trim();
  if (!match) return { message, position: null };
  const line = Number(match[1]) - 1 - lineOffset;
  const shown = match[2] as string;
  const caret = (match[3] as string).length - `LINE ${match[1]}: `.length;
  const lines = query.split('\n');
  const text = lines[line];
  if (text === undefined || caret < 0) return { message, position: null };
  const lineStart = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0);
  // A window: find the shown part (without its "...") in the line.
  const cutStart = shown.startsWith('...') ? 3 : 0;
  const window = shown.slice(cutStart, shown.endsWith('...') && shown.length - 3 > cutStart ? -3 : undefined);
  const at = cutStart === 0 && !shown.endsWith('...') ? 0 : text.indexOf(window);
  if (at < 0) return { message, position: null };
  return { message, position: Math.min(lineStart + at + caret - cutStart, lineStart + text.length) };
}
