import { BLANK_CLASS, trimBlank } from './text';

// Names of entities, branches and indicators as the load keeps them. `name-sql.ts` builds the SQL
// macros the load applies from the same constants; these are their TypeScript twins.

/** Footnote marks stuck to the end of a name (`北京①`, `Canada*`), besides footnote numbers (`Nunavut 5`). */
export const FOOTNOTE_MARKS = '¹²³⁴⁵⁶⁷⁸⁹⁰*†‡①②③④⑤⑥⑦⑧⑨⑩';

/** Footnotes at the end of a name, given the blank class of the regex dialect. */
export const footnoteRe = (blank: string) => `(?:${blank}+\\d{1,2})+$|[${FOOTNOTE_MARKS}]+$`;

const FOOTNOTE = new RegExp(footnoteRe(BLANK_CLASS));

/** The name without blanks at its ends, or null when nothing is left: `hqd_trim`. */
export function trimmedName(raw: string | null): string | null {
  const text = raw === null ? '' : trimBlank(raw);
  return text === '' ? null : text;
}

/** Also without the footnote at its end: `hqd_name`. */
export function shortName(raw: string | null): string | null {
  const text = trimmedName(raw);
  return text === null ? null : trimmedName(text.replace(FOOTNOTE, ''));
}
