import { sqlString } from '../engine/sql';
import { BLANK_CHARS } from './text';

// SQL twins of the blank rules of `text.ts`, from the same table: DuckDB's regular expressions
// (RE2) take a character as `\x{hhhh}`, and their `\s` is ASCII only.

/** `[…]`: one blank, as an RE2 class. */
export const BLANK_CLASS_RE2 = `[${BLANK_CHARS.map((c) => `\\x{${c.code.toString(16).padStart(4, '0')}}`).join('')}]`;

const EDGES = sqlString(`^${BLANK_CLASS_RE2}+|${BLANK_CLASS_RE2}+$`);
const RUNS = sqlString(`${BLANK_CLASS_RE2}+`);

/** `expr` without blanks at either end: the twin of `trimBlank`. */
export function trimBlankSql(expr: string): string {
  return `regexp_replace(${expr}, ${EDGES}, '', 'g')`;
}

/** Every run of blanks in `expr` as one plain space: the twin of `collapseBlank`. */
export function collapseBlankSql(expr: string): string {
  return `regexp_replace(${expr}, ${RUNS}, ' ', 'g')`;
}
