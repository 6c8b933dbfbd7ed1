import type { HistoryRow } from './history';
import type { SeriesPoint } from './series';
import type { SnapshotRow } from './snapshot';

// The snapshot, history and series questions of snapshot.ts, history.ts and series.ts, answered
// from a view's observations held in memory (view-cache.ts). Each function returns what its SQL
// twin returns, in the same order; integration tests compare the two on the sample data.

/** One observation of a view's scope, as fetched once per scope. */
export interface HeldRow {
  entity_id: string;
  name: string;
  indicator_id: string;
  period: string;
  /** ISO date (`2024-07-01`): compares in date order as text, its year is its first four characters. */
  period_start: string;
  value: number;
  flag?: string | null;
}

/** The year of a start DuckDB wrote: `2024-07-01`, or `0501-01-01 (BC)` for the year -500. */
const yearOf = (row: HeldRow) => {
  const year = Number(row.period_start.slice(0, row.period_start.indexOf('-')));
  return row.period_start.endsWith('(BC)') ? 1 - year : year;
};
// Ids compare by UTF-16 code unit, as `<` does: the same order as DuckDB's for every id outside
// the astral planes, which is all a reader could tell apart.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** By entity, indicator, then period start: the order rows are held in. */
export const heldOrder = (a: HeldRow, b: HeldRow) =>
  compareText(a.entity_id, b.entity_id) || compareText(a.indicator_id, b.indicator_id) || compareText(a.period_start, b.period_start);

/** Rows of the given entities up to a year, in held order. */
function upTo(rows: readonly HeldRow[], entityIds: readonly string[], year: number): HeldRow[] {
  const wanted = new Set(entityIds);
  return rows.filter((r) => wanted.has(r.entity_id) && yearOf(r) <= year);
}

/** As `snapshotSql`: per entity and indicator, the latest value at or before the year and the one before it. */
export function heldSnapshot(rows: readonly HeldRow[], entityIds: readonly string[], year: number): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  let latest: HeldRow | null = null;
  let previous: HeldRow | null = null;
  const flush = () => {
    if (latest) out.push({ ...pick(latest), prev_period: previous?.period ?? null, prev_value: previous?.value ?? null });
  };
  // Held rows are ordered, so the last two rows of each entity and indicator are the two wanted.
  for (const r of upTo(rows, entityIds, year)) {
    if (latest && (latest.entity_id !== r.entity_id || latest.indicator_id !== r.indicator_id)) {
      flush();
      previous = null;
    } else if (latest && latest.period_start !== r.period_start) previous = latest;
    latest = r;
  }
  flush();
  return out;
}

const pick = (r: HeldRow) => ({ entity_id: r.entity_id, name: r.name, indicator_id: r.indicator_id, period: r.period, value: r.value, flag: r.flag });

/** As `historySql`: every value of the entities up to the year, by entity, indicator and period. */
export function heldHistory(rows: readonly HeldRow[], entityIds: readonly string[], year: number): HistoryRow[] {
  return upTo(rows, entityIds, year).map((r) => ({ entity_id: r.entity_id, indicator_id: r.indicator_id, period: r.period, value: r.value, flag: r.flag }));
}

/** As `seriesSql`: one indicator's values of the entities up to the year, by entity and period. */
export function heldSeries(rows: readonly HeldRow[], indicatorId: string, entityIds: readonly string[], toYear = 9999): SeriesPoint[] {
  return upTo(rows, entityIds, toYear)
    .filter((r) => r.indicator_id === indicatorId)
    .map((r) => ({ entity_id: r.entity_id, name: r.name, period: r.period, value: r.value, flag: r.flag }));
}
