/**
 * A SQL tokenizer with DuckDB's lexical rules, for the read-only guard (guard.ts). It only needs
 * to tell words from strings, quoted names and comments exactly as DuckDB does, so that nothing
 * the guard takes for a string or a comment is code to DuckDB. Where the text ends inside a string
 * or a comment, the open token runs to the end: DuckDB refuses such a query anyway.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The source text; for `quoted`, the name with its quotes removed and `""` undone. */
  text: string;
  /** Offset of the token's first character in the query. */
  start: number;
  end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;

/** Where a block comment that starts at `from` (at its `/*`) ends; they nest, as in PostgreSQL. */
function blockCommentEnd(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

/** End of a quoted run opened at `from` by `quote`, a doubled quote standing for one. */
function quotedEnd(sql: string, from: number, quote: string, backslash: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslash && c === '\\') i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

/** `$tag$` at `from`, or null when the `$` opens no dollar quote (a `$1` parameter, say). */
function dollarTag(sql: string, from: number): string | null {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(from, from + 66));
  return match ? match[0] : null;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, text = sql.slice(start, end)) => tokens.push({ kind, text, start, end });
  while (i < sql.length) {
    const c = sql[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (sql.startsWith('/*', i)) {
      i = blockCommentEnd(sql, i);
    } else if (c === "'") {
      const end = quotedEnd(sql, i, "'", false);
      push('string', i, end);
      i = end;
    } else if ((c === 'e' || c === 'E') && sql[i + 1] === "'") {
      // E'…': backslash escapes, so \' does not close it.
      const end = quotedEnd(sql, i + 1, "'", true);
      push('string', i, end);
      i = end;
    } else if (c === '"') {
      const end = quotedEnd(sql, i, '"', false);
      push('quoted', i, end, sql.slice(i + 1, Math.max(i + 1, end - 1)).replaceAll('""', '"'));
      i = end;
    } else if (c === '$') {
      const tag = dollarTag(sql, i);
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        const end = close < 0 ? sql.length : close + tag.length;
        push('string', i, end);
        i = end;
      } else {
        let j = i + 1;
        while (j < sql.length && WORD_PART.test(sql[j] as string)) j++;
        push('param', i, j);
        i = j;
      }
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j] as string)) j++;
      push('word', i, j);
      i = j;
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < sql.length && /[0-9A-Za-z_.]/.test(sql[j] as string)) j++;
      push('number', i, j);
      i = j;
    } else {
      push('punct', i, i + 1);
      i++;
    }
  }
  return tokens;
}
