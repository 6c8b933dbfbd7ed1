import { trimBlank } from '../../domain/text';

// Records: a quote-aware split that also knows on which physical lines each record lies, because
// DuckDB's `skip` counts lines while quoted fields may hold line breaks.

export interface CsvRecord {
  fields: string[];
  /** Physical line where the record starts and where it ends (they differ with quoted line breaks). */
  line: number;
  endLine: number;
  /** Ended by a line break; false for a last record cut by the end of the text. */
  terminated: boolean;
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Length of the line break at `i` (CRLF, LF or a lone CR), 0 when there is none. */
function breakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR) return text.charCodeAt(i + 1) === LF ? 2 : 1;
  return 0;
}

/**
 * RFC 4180 with DuckDB's leniency: a quote opens a quoted field only at the start of a field, and
 * text after a closing quote is kept. Fields are sliced, not built a character at a time: a line
 * that is one long field under a wrong candidate delimiter must not cost more than a real table.
 */
export function parseRecords(text: string, delimiter: string, limit = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let line = 0;
  let recordLine = 0;
  let i = 0;
  while (i < n && records.length < limit) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted part: up to the closing quote; `""` is one quote; line breaks inside count as lines.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const end = q < 0 ? n : q;
        for (let k = j; k < end; ) {
          const b = breakAt(text, k);
          if (b > 0) line++;
          k += b || 1;
        }
        field += text.slice(j, end);
        if (q < 0 || text.charCodeAt(q + 1) !== QUOTE) {
          i = q < 0 ? n : q + 1;
          break;
        }
        field += '"';
        j = q + 2;
      }
    }
    // Unquoted part (or what follows a closing quote): up to the delimiter or the line break.
    let j = i;
    while (j < n && text.charCodeAt(j) !== delim && breakAt(text, j) === 0) j++;
    field += text.slice(i, j);
    fields.push(field);
    if (j >= n) {
      records.push({ fields, line: recordLine, endLine: line, terminated: false });
      return records;
    }
    if (text.charCodeAt(j) === delim) {
      i = j + 1;
      // A delimiter at the very end still opens one more (empty) field of a cut record.
      if (i >= n) fields.push('');
      continue;
    }
    records.push({ fields, line: recordLine, endLine: line, terminated: true });
    fields = [];
    i = j + breakAt(text, j);
    line++;
    recordLine = line;
  }
  if (fields.length > 0 && records.length < limit) records.push({ fields, line: recordLine, endLine: line, terminated: false });
  return records;
}

/** Records that can be trusted: a last record cut by the end of a prefix is not one. */
export function usableRecords(text: string, delimiter: string, complete: boolean, limit = Infinity): CsvRecord[] {
  const records = parseRecords(text, delimiter, limit);
  const last = records[records.length - 1];
  if (!complete && last && !last.terminated) records.pop();
  return records;
}

export const nonEmpty = (r: CsvRecord) => r.fields.filter((f) => trimBlank(f) !== '').length;

/** A metadata record as one text: its filled cells joined (`"Indicator:","GDP"` → `Indicator: GDP`). */
export function recordText(record: CsvRecord): string {
  return record.fields.map(trimBlank).filter((f) => f !== '').join(' ');
}
export const isBlank = (r: CsvRecord) => nonEmpty(r) === 0;
