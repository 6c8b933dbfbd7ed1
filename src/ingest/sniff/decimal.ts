import type { DecimalMark, Delimiter } from '../../domain/mapping';

// Continental European files (Destatis, INSEE, Eurostat's CSV) write `12,5` for 12.5 and `1.234,5`
// for 1234.5, with `;` between fields. Such a file is read with comma and point swapped before the
// number rules apply (`1.234,5` → `1,234.5`): one rule set, in JavaScript and in SQL alike.

/** Comma and point exchanged: a decimal-comma number in the form the number rules read. */
export const swapDecimalMarks = (text: string): string => text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));

/** Cells only a decimal comma explains: `12,5`, `-0,25`, `1.234,5`, `3.664.088` (two point groups). */
const COMMA_ONLY = [/^[-+]?\d+,\d+\s*%?$/, /^[-+]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/, /^[-+]?\d{1,3}(?:\.\d{3})+,\d+\s*%?$/];
/** Cells only a decimal point explains: `12.5`, `0.25`, `1,234.5`, `1,234,567`. */
const POINT_ONLY = [/^[-+]?\d*\.\d+\s*%?$/, /^[-+]?\d{1,3}(?:,\d{3})+\.\d+\s*%?$/, /^[-+]?\d{1,3}(?:,\d{3}){2,}$/];
/** What reads either way: `1,234` and `1.234` are 1234 or a decimal. */
const EITHER = /^[-+]?\d{1,3}[.,]\d{3}\s*%?$/;

export interface DecimalGuess {
  mark: DecimalMark;
  /** The cells leave the mark open (only `1,234`-like cells, or both kinds): said, to be checked. */
  ambiguous: boolean;
}

/**
 * The decimal mark the data cells show. Only a `;` (or tab, or |) file can hold decimal commas
 * without quoting every number. In one, cells that only a decimal comma explains decide, unless
 * others only a point explains; cells that read either way (`1,234`) decide nothing. Where the
 * cells leave it open the file is read with a point, as before, and the preview says so.
 */
export function guessDecimalMark(rows: readonly (readonly string[])[], delimiter: Delimiter): DecimalGuess {
  if (delimiter === ',') return { mark: '.', ambiguous: false };
  let comma = 0;
  let point = 0;
  let either = 0;
  for (const row of rows)
    for (const raw of row) {
      const cell = raw.trim();
      if (!/\d/.test(cell)) continue;
      if (EITHER.test(cell)) either++;
      else if (COMMA_ONLY.some((re) => re.test(cell))) comma++;
      else if (POINT_ONLY.some((re) => re.test(cell))) point++;
    }
  if (comma > 0 && point === 0) return { mark: ',', ambiguous: false };
  return { mark: '.', ambiguous: comma > 0 || (point === 0 && either > 0) };
}
