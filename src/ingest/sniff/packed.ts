import type { ColumnRole } from '../../domain/mapping';

// Eurostat's TSV downloads pack the keys of each row into its first field: the header reads
// `freq,unit,geo\TIME_PERIOD` (older files `unit,geo\time`), each row `A,PC,AT`, then one column
// per period. The keys become columns of their own, so that the mapping, the preview and the
// load treat them as any other column: `geo` is the entity, `freq` says nothing a period does not,
// and the others (unit aside) name the indicator together.

const PACKED_HEADER = /^([^\\,]+(?:,[^\\,]+)+)\\[^\\,]*$/;

/** The names of the keys a header's first field packs (`freq`, `unit`, `geo`), or null. */
export function packedKeys(firstHeader: string): string[] | null {
  const m = PACKED_HEADER.exec(firstHeader.trim());
  return m ? (m[1] as string).split(',').map((k) => k.trim()) : null;
}

/** A record with its first field split into `count` keys (a key it lacks is ''). */
export function unpack(fields: readonly string[], count: number): string[] {
  const keys = (fields[0] ?? '').split(',');
  return [...Array.from({ length: count }, (_, i) => keys[i] ?? ''), ...fields.slice(1)];
}

/** The role of each packed key: the place, the unit, nothing for the frequency, else part of the indicator. */
export function packedRole(key: string): ColumnRole {
  const k = key.toLowerCase();
  if (k === 'geo' || k === 'ref_area') return 'entity';
  if (k === 'unit' || k === 'unit_measure') return 'unit';
  if (k === 'freq') return 'ignore';
  return 'indicator';
}
