import type { Delimiter } from '../../domain/mapping';
import { usableRecords, type CsvRecord } from './records';

// The delimiter, and the usual width of the table's records under it.

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Records looked at to choose the delimiter: enough for metadata lines plus a good part of the table. */
const DELIMITER_SAMPLE = 1000;

/** The most frequent field count of at least 2, and how many records have it. */
export function modalFieldCount(records: readonly CsvRecord[]): { count: number; records: number } {
  const freq = new Map<number, number>();
  for (const r of records) if (r.fields.length >= 2) freq.set(r.fields.length, (freq.get(r.fields.length) ?? 0) + 1);
  let best = { count: 0, records: 0 };
  for (const [count, n] of freq) if (n > best.records || (n === best.records && count > best.count)) best = { count, records: n };
  return best;
}

/**
 * The delimiter under which the most records share one field count: a table is a block of equally
 * wide records, whatever the metadata and notes around it look like. Ties go to the delimiter that
 * splits the records into more fields (a `;` file with one comma in every line, `GDP, 现价` in the
 * header and `1,234` in each row, is as regular under `,` but narrower), then to the commoner one.
 */
/** Eurostat's header: the keys packed in its first field, tabs after (`freq,unit,geo\TIME_PERIOD\t2020`). */
const PACKED_TSV_HEADER = /^[^\t\\\r\n]*,[^\t\\\r\n]*\\[^\t\r\n]*\t/;

export function detectDelimiter(text: string, complete: boolean): { delimiter: Delimiter; found: boolean } {
  // Its rows are as regular under `,` as under tabs (`A,PC,AT\t12.3`), and wider under `,`.
  if (PACKED_TSV_HEADER.test(text)) return { delimiter: '\t', found: true };
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const { records: score, count: width } = modalFieldCount(usableRecords(text, delimiter, complete, DELIMITER_SAMPLE));
    if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  return { delimiter: best.delimiter, found: best.score > 0 };
}
