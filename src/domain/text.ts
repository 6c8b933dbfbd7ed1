// Text normalisation shared by the period, number and name rules, in TypeScript. `text-sql.ts`
// builds the SQL twins from the same table, so the sniffer and the load agree on every cell.

/**
 * Blank: what is trimmed from both ends of every cell, header, name, period and number, and what
 * a run of counts as one space inside a period or a number. The one definition, for TypeScript
 * and SQL alike (JavaScript's `\s`, `trim()` and DuckDB's `\s`, `trim()` each differ from it and
 * from one another). It is Unicode's White_Space property plus the invisible characters that
 * spreadsheets and pages copied into them leave at the edges of a cell: zero width space, word
 * joiner and the byte order mark. Not in it: U+180E, a space no more since Unicode 6.3, and the
 * zero width (non-)joiners U+200C and U+200D, which shape letters and emoji.
 */
export const BLANK_CHARS: readonly { code: number; name: string }[] = [
  { code: 0x0009, name: 'CHARACTER TABULATION' },
  { code: 0x000a, name: 'LINE FEED' },
  { code: 0x000b, name: 'LINE TABULATION' },
  { code: 0x000c, name: 'FORM FEED' },
  { code: 0x000d, name: 'CARRIAGE RETURN' },
  { code: 0x0020, name: 'SPACE' },
  { code: 0x0085, name: 'NEXT LINE' },
  { code: 0x00a0, name: 'NO-BREAK SPACE' },
  { code: 0x1680, name: 'OGHAM SPACE MARK' },
  { code: 0x2000, name: 'EN QUAD' },
  { code: 0x2001, name: 'EM QUAD' },
  { code: 0x2002, name: 'EN SPACE' },
  { code: 0x2003, name: 'EM SPACE' },
  { code: 0x2004, name: 'THREE-PER-EM SPACE' },
  { code: 0x2005, name: 'FOUR-PER-EM SPACE' },
  { code: 0x2006, name: 'SIX-PER-EM SPACE' },
  { code: 0x2007, name: 'FIGURE SPACE' },
  { code: 0x2008, name: 'PUNCTUATION SPACE' },
  { code: 0x2009, name: 'THIN SPACE' },
  { code: 0x200a, name: 'HAIR SPACE' },
  { code: 0x200b, name: 'ZERO WIDTH SPACE' },
  { code: 0x2028, name: 'LINE SEPARATOR' },
  { code: 0x2029, name: 'PARAGRAPH SEPARATOR' },
  { code: 0x202f, name: 'NARROW NO-BREAK SPACE' },
  { code: 0x205f, name: 'MEDIUM MATHEMATICAL SPACE' },
  { code: 0x2060, name: 'WORD JOINER' },
  { code: 0x3000, name: 'IDEOGRAPHIC SPACE' },
  { code: 0xfeff, name: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)' },
];

/** `[…]`: one blank, as a JavaScript regular expression class (every blank is in the BMP, so no `u` flag is needed). */
export const BLANK_CLASS = `[${BLANK_CHARS.map((c) => `\\u${c.code.toString(16).padStart(4, '0')}`).join('')}]`;

const EDGES = new RegExp(`^${BLANK_CLASS}+|${BLANK_CLASS}+$`, 'g');
const RUNS = new RegExp(`${BLANK_CLASS}+`, 'g');

/** The text without blanks at either end; the twin of SQL `trimBlankSql`. */
export function trimBlank(text: string): string {
  return text.replace(EDGES, '');
}

/** True when the text is empty or all blanks. */
export function isBlank(text: string): boolean {
  return trimBlank(text) === '';
}

/** Every run of blanks as one plain space; the twin of SQL `collapseBlankSql`. */
export function collapseBlank(text: string): string {
  return text.replace(RUNS, ' ');
}

/** Replaces each character of `from` found in `text` by the character at the same place in `to`, as SQL's `translate`. */
export function translate(text: string, from: string, to: string): string {
  let out = '';
  for (const ch of text) {
    const i = from.indexOf(ch);
    out += i >= 0 ? (to[i] as string) : ch;
  }
  return out;
}
