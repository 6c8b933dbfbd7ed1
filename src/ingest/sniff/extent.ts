import { trimBlank } from '../../domain/text';
import { isBlank, nonEmpty, type CsvRecord } from './records';

// End of the table: where the data stops and the notes begin.

/** First cells that open the notes under a table (`注：`, `数据来源：`, `Footnotes:`, `Symbol legend`). */
const NOTE_RE =
  /^(?:注|附注|备注|说明|数据来源|资料来源|来源|notes?|sources?|footnotes?|symbol legend|legend|how to cite|data from database|last updated)\s*(?:[:：.,\d①②③④⑤⑥⑦⑧⑨⑩]|$)/i;

function isNote(record: CsvRecord): boolean {
  const first = record.fields.map(trimBlank).find((f) => f !== '');
  return first !== undefined && NOTE_RE.test(first);
}

/** A line that cannot belong to a table this wide: one field, or a two-field footnote in a wide table. */
function isNarrow(record: CsvRecord, width: number): boolean {
  return record.fields.length === 1 || (record.fields.length <= 2 && width >= 4);
}

export interface Extent {
  /** Records from the data start up to and including the last data record. */
  rows: number;
  /** A footer (or the end of a complete text) was seen, so `rows` is the whole table. */
  ended: boolean;
}

/**
 * Where the data ends: at the last table row before the notes. A note line (`注：`, `Footnotes:`)
 * ends the table for sure. A line that cannot be a row — one field, a two-field footnote in a wide
 * table, a narrower record after a blank line — ends it only when no table row follows it in the
 * text: a broken row in the middle is read (and its cells rejected with reasons), not silently cut
 * off with everything after it. Rows with at most one filled cell count only when more data follows:
 * at the end they hold no value.
 */
export function dataExtent(records: readonly CsvRecord[], start: number, width: number, complete: boolean): Extent {
  let last = start - 1;
  let afterBlank = false;
  let footerSeen = false;
  for (let i = start; i < records.length; i++) {
    const r = records[i] as CsvRecord;
    if (isBlank(r)) {
      afterBlank = true;
      continue;
    }
    if (isNote(r)) return { rows: last - start + 1, ended: true };
    const fits = r.fields.length === width || (!afterBlank && !isNarrow(r, width));
    if (!fits) footerSeen = true;
    else if (nonEmpty(r) >= 2) {
      last = i;
      footerSeen = false;
    }
    afterBlank = false;
  }
  return { rows: last - start + 1, ended: complete || footerSeen };
}
