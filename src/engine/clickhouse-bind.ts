import { clickhouseString } from './dialect';
import type { SqlParam } from './types';

// ClickHouse 18.16 takes no query parameters, so the engine binds them itself: each `?` outside a
// literal, an identifier or a comment becomes a literal written by the one ClickHouse quoting
// helper. A value is therefore never read as SQL, whatever it holds.

function literal(value: SqlParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot bind ${value} as a ClickHouse literal`);
    return String(value);
  }
  return clickhouseString(value);
}

/** `sql` with its `?` placeholders replaced by `params`, in order; throws when the counts differ. */
export function bindParameters(sql: string, params: readonly SqlParam[] = []): string {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      // A quoted run ends at its unescaped closing quote; ClickHouse escapes by backslash or by doubling.
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === '\\') j += 2;
        else if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      if (next >= params.length) throw new Error(`the statement has more placeholders than the ${params.length} parameters given`);
      out += literal(params[next++] as SqlParam);
      i++;
    } else {
      out += c;
      i++;
    }
  }
  if (next !== params.length) throw new Error(`the statement has ${next} placeholders for ${params.length} parameters`);
  return out;
}
