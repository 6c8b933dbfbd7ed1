/**
 * A result cell as text, for the grid and the CSV: numbers exact (as DuckDB gave them), dates as
 * ISO dates, lists and structs as JSON, NULL as null (the grid marks it, the CSV leaves it empty).
 */
export function cellText(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (/^DATE$/.test(type) && (typeof value === 'number' || value instanceof Date)) return new Date(value).toISOString().slice(0, 10);
  if (/^TIMESTAMP/.test(type) && (typeof value === 'number' || value instanceof Date)) return new Date(value).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  const json = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
  return JSON.stringify(json, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/** A cell for the CSV: numbers stay numbers, so a spreadsheet reads them as such. */
export function csvCell(value: unknown, type: string): string | number | null {
  if (typeof value === 'number' && !/^(DATE|TIMESTAMP)/.test(type)) return value;
  return cellText(value, type);
}
