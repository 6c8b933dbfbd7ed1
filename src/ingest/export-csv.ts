// CSV export for spreadsheets: UTF-8 with a BOM so Excel reads Chinese correctly, CRLF line ends,
// and any cell a spreadsheet would run as a formula turned back into text.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text a spreadsheet will not evaluate. A leading `= + - @` (or tab/CR) gets an apostrophe,
 * the convention Excel and LibreOffice show as text. Plain negative numbers are left alone: they are
 * data, not formulas.
 */
export function neutralise(cell: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell)) return cell;
  return `'${cell}`;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => quote(neutralise(c === null ? '' : typeof c === 'number' ? String(c) : c))).join(',');
  return '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
