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

/** The longest run of consecutive records with one field count of at least 2: a table's block. */
function longestRun(records: readonly CsvRecord[]): { count: number; records: number } {
  let best = { count: 0, records: 0 };
  let run = { count: 0, records: 0 };
  for (const r of records) {
    const n = r.fields.length;
    run = n >= 2 && n === run.count ? { count: n, records: run.records + 1 } : { count: n, records: n >= 2 ? 1 : 0 };
    if (run.records > best.records || (run.records === best.records && run.count > best.count)) best = run;
  }
  return best;
}

/** Eurostat's header: the keys packed in its first field, tabs after (`freq,unit,geo\TIME_PERIOD\t2020`). */
const PACKED_TSV_HEADER = /^[^\t\\\r\n]*,[^\t\\\r\n]*\\[^\t\r\n]*\t/;

/**
 * The delimiter under which the longest block of consecutive records shares one field count: a
 * table is a block of equally wide records, whatever the metadata and notes around it look like.
 * A `;` file with decimal commas (`Bayern;1,5;2,5`) is as regular under `,` in its rows, but its
 * header is not, and a title line that happens to have as many commas stands apart. Ties go to the
 * delimiter under which more records share that width, then to the one that splits
 * the records into more fields (a `;` file with one comma in every line, `GDP, 现价` in the header
 * and `1,234` in each row, is as regular under `,` but narrower), then to the commoner one.
 */
export function detectDelimiter(text: string, complete: boolean): { delimiter: Delimiter; found: boolean } {
  // Its rows are as regular under `,` as under tabs (`A,PC,AT\t12.3`), and wider under `,`.
  if (PACKED_TSV_HEADER.test(text)) return { delimiter: '\t', found: true };
  let best: { delimiter: Delimiter; score: number; run: number; width: number } = { delimiter: ',', score: 0, run: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const records = usableRecords(text, delimiter, complete, DELIMITER_SAMPLE);
    const { records: score, count: width } = modalFieldCount(records);
    const run = longestRun(records).records;
    if (run > best.run || (run === best.run && (score > best.score || (score === best.score && width > best.width)))) best = { delimiter, score, run, width };
  }
  return { delimiter: best.delimiter, found: best.score > 0 };
}
