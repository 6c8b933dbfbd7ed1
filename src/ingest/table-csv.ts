/**
 * Rows of a table (a Parquet file, a worksheet) written as UTF-8 CSV, so that they take the same
 * sniffing, mapping, validation and saving as a CSV upload. Cells are written as their exact text:
 * numbers as JavaScript prints them (the shortest text that reads back to the same double), big
 * integers in full, dates as ISO dates, nested values as JSON. CSV quoting is RFC 4180's.
 */
export type TableCell = string | number | bigint | boolean | Date | null | undefined | object;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A date at midnight UTC as a date; any other time as an ISO timestamp without the zone letter. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function cellCsvText(value: TableCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value);
  if (value instanceof Uint8Array) return utf8.decode(value);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function csvLine(cells: readonly TableCell[]): string {
  return `${cells.map((c) => csvField(cellCsvText(c))).join(',')}\r\n`;
}
