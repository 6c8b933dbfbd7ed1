import Papa from 'papaparse';

// CSV export for spreadsheets: UTF-8 with a BOM so Excel reads Chinese correctly, CRLF line ends,
// and any cell a spreadsheet would run as a formula turned back into text. Quoting is papaparse's.

/**
 * Cells a spreadsheet would evaluate: a leading `= + - @` (or tab/CR). They are written with an
 * apostrophe first, the convention Excel and LibreOffice show as text. Plain negative numbers are
 * left alone, even as text: they are data, not formulas.
 */
const FORMULA = /^(?!-?\d+(\.\d+)?([eE][-+]?\d+)?$)[=+\-@\t\r]/;

type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: FORMULA });
  return `\uFEFF${body}\r\n`;
}
