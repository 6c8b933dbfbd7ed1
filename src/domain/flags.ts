// Observation flags: the publisher's mark on a value, kept beside it (docs/data-format.md
// section 7). Eurostat writes them after the number (`12.3 p`, `34086 ep`) and after its missing
// mark (`: c`); SDMX files and OECD exports give them a column of their own.

/**
 * One to three lower-case letters after the value and a blank, or SDMX 3's `@C`: the flag (group
 * 1). One pattern, written for RE2 (SQL) and for JavaScript. Other upper case is left alone:
 * `12 EUR` is not flagged.
 */
const FLAG_LETTERS = '(@?[a-z]{1,3}|@[A-Z]{1,3})';
export const FLAG_SUFFIX_RE = `[ \\t\\x{00a0}]+${FLAG_LETTERS}[ \\t\\x{00a0}]*$`;
const FLAG_SUFFIX = new RegExp(`[ \\t\\u00a0]+${FLAG_LETTERS}[ \\t\\u00a0]*$`);

/**
 * The value's text without its flag, and the flag ('' when there is none). Eurostat's SDMX 3
 * exports write some flags as `@C`: kept as the letters, lower case (`c`, confidential).
 */
export function splitFlag(cell: string): { text: string; flag: string } {
  const m = FLAG_SUFFIX.exec(cell);
  return m ? { text: cell.slice(0, m.index), flag: (m[1] as string).replace('@', '').toLowerCase() } : { text: cell, flag: '' };
}

/** Flags with a documented meaning (Eurostat's list, shared by most SDMX publishers). */
export const KNOWN_FLAGS = ['b', 'c', 'd', 'e', 'f', 'n', 'p', 'r', 's', 'u', 'z'] as const;
