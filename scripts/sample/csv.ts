import type { Observation } from './observations';

export const OBSERVATION_HEADER = ['entity_id', 'entity_name', 'indicator_id', 'period', 'value'] as const;

/**
 * The sample files promise readers a plain split on ',' (no quoting), so a cell that would need
 * quoting is a bug in the generator, not something to escape.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells, i) => {
    if (cells.length !== header.length) throw new Error(`csv line ${i + 1}: ${cells.length} cells, expected ${header.length}`);
    for (const cell of cells) {
      if (/[,"\r\n]/.test(cell)) throw new Error(`csv line ${i + 1}: cell needs quoting: ${cell}`);
    }
    return cells.join(',');
  });
  return `${lines.join('\n')}\n`;
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite value: ${value}`);
  // Values are rounded to at most two decimals upstream; String() then never uses an exponent.
  const text = String(value);
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new Error(`value not rounded: ${text}`);
  return text;
}

export function observationsCsv(rows: readonly Observation[], nameOf: (id: string) => string): string {
  return toCsv(
    OBSERVATION_HEADER,
    rows.map((o) => [o.entityId, nameOf(o.entityId), o.indicatorId, o.period, formatValue(o.value)]),
  );
}
