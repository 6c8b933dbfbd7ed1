import type { HistoryRow } from './history';
import type { SeriesPoint } from './series';
import type { SnapshotRow } from './snapshot';

// The snapshot, history and series questions of snapshot.ts, history.ts and series.ts, answered
// from a view's observations held in memory (view-cache.ts). Each function returns what its SQL
// twin returns, in the same order; integration tests compare the two on the sample data.

/** One observation of a view's scope, as a small scope's rows are fetched. */
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

export interface HeldEntity {
  id: string;
  name: string;
}

export interface HeldPeriod {
  period: string;
  /** As `HeldRow.period_start`. */
  start: string;
}

/**
 * A scope's observations as columns of small codes into lists of the keys: a district of a
 * thousand branches holds 400,000 observations, which as objects with their strings cost the
 * main thread most of a second to receive and tens of megabytes to keep, and as codes a few
 * milliseconds and 8 MB. Rows are in held order: by entity, indicator, then period start.
 */
export interface HeldSet {
  entities: readonly HeldEntity[];
  indicators: readonly string[];
  periods: readonly HeldPeriod[];
  flags: readonly string[];
  entity: Int32Array;
  indicator: Int32Array;
  period: Int32Array;
  /** An index into `flags`, or -1 for no flag. */
  flag: Int32Array;
  value: Float64Array;
}

/** The year of a start DuckDB wrote: `2024-07-01`, or `0501-01-01 (BC)` for the year -500. */
const yearOfStart = (start: string) => {
  const year = Number(start.slice(0, start.indexOf('-')));
  return start.endsWith('(BC)') ? 1 - year : year;
};
// Ids compare by UTF-16 code unit, as `<` does: the same order as DuckDB's for every id outside
// the astral planes, which is all a reader could tell apart.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** By entity, indicator, then period start: the order rows are held in. */
export const heldOrder = (a: HeldRow, b: HeldRow) =>
  compareText(a.entity_id, b.entity_id) || compareText(a.indicator_id, b.indicator_id) || compareText(a.period_start, b.period_start);

/** Rows in held order, coded: what a small scope's fetch becomes. */
export function heldFromRows(rows: readonly HeldRow[]): HeldSet {
  const codes = <K>(key: (r: HeldRow) => K, make: (r: HeldRow) => unknown) => {
    const index = new Map<K, number>();
    const list: unknown[] = [];
    const column = new Int32Array(rows.length);
    rows.forEach((r, k) => {
      const at = key(r);
      let code = index.get(at);
      if (code === undefined) index.set(at, (code = list.push(make(r)) - 1));
      column[k] = code;
    });
    return { list, column };
  };
  const entities = codes((r) => r.entity_id, (r) => ({ id: r.entity_id, name: r.name }));
  const indicators = codes((r) => r.indicator_id, (r) => r.indicator_id);
  const periods = codes((r) => `${r.period}\u0000${r.period_start}`, (r) => ({ period: r.period, start: r.period_start }));
  const flags: string[] = [];
  const flag = Int32Array.from(rows, (r) => {
    if (r.flag == null) return -1;
    const at = flags.indexOf(r.flag);
    return at >= 0 ? at : flags.push(r.flag) - 1;
  });
  return {
    entities: entities.list as HeldSet['entities'],
    indicators: indicators.list as string[],
    periods: periods.list as HeldPeriod[],
    flags,
    entity: entities.column,
    indicator: indicators.column,
    period: periods.column,
    flag,
    value: Float64Array.from(rows, (r) => r.value),
  };
}

/** Calls `visit` with each row of the given entities up to a year, in held order. */
function eachUpTo(set: HeldSet, entityIds: readonly string[], year: number, visit: (row: number) => void): void {
  const wanted = new Set(entityIds);
  const entityWanted = Uint8Array.from(set.entities, (e) => (wanted.has(e.id) ? 1 : 0));
  const periodIn = Uint8Array.from(set.periods, (p) => (yearOfStart(p.start) <= year ? 1 : 0));
  const { entity, period } = set;
  for (let k = 0; k < entity.length; k++) if (entityWanted[entity[k] as number] && periodIn[period[k] as number]) visit(k);
}

// The keys of one held row.
const entityAt = (set: HeldSet, row: number) => set.entities[set.entity[row] as number] as HeldEntity;
const indicatorAt = (set: HeldSet, row: number) => set.indicators[set.indicator[row] as number] as string;
const periodAt = (set: HeldSet, row: number) => set.periods[set.period[row] as number] as HeldPeriod;
const flagAt = (set: HeldSet, row: number): string | null => set.flags[set.flag[row] as number] ?? null;

/** As `snapshotSql`: per entity and indicator, the latest value at or before the year and the one before it. */
export function heldSnapshot(set: HeldSet, entityIds: readonly string[], year: number): SnapshotRow[] {
  const out: SnapshotRow[] = [];
  let latest = -1;
  let previous = -1;
  const { entity, indicator, value } = set;
  const flush = () => {
    if (latest < 0) return;
    const e = entityAt(set, latest);
    out.push({
      entity_id: e.id,
      name: e.name,
      indicator_id: indicatorAt(set, latest),
      period: periodAt(set, latest).period,
      value: value[latest] as number,
      flag: flagAt(set, latest),
      prev_period: previous < 0 ? null : periodAt(set, previous).period,
      prev_value: previous < 0 ? null : (value[previous] as number),
    });
  };
  // Held rows are ordered, so the last two rows of each entity and indicator are the two wanted.
  eachUpTo(set, entityIds, year, (r) => {
    if (latest >= 0 && (entity[latest] !== entity[r] || indicator[latest] !== indicator[r])) {
      flush();
      previous = -1;
    } else if (latest >= 0 && periodAt(set, latest).start !== periodAt(set, r).start) previous = latest;
    latest = r;
  });
  flush();
  return out;
}

/** As `historySql`: every value of the entities up to the year, by entity, indicator and period. */
export function heldHistory(set: HeldSet, entityIds: readonly string[], year: number): HistoryRow[] {
  const out: HistoryRow[] = [];
  eachUpTo(set, entityIds, year, (r) =>
    out.push({ entity_id: entityAt(set, r).id, indicator_id: indicatorAt(set, r), period: periodAt(set, r).period, value: set.value[r] as number, flag: flagAt(set, r) }),
  );
  return out;
}

/** As `seriesSql`: one indicator's values of the entities up to the year, by entity and period. */
export function heldSeries(set: HeldSet, indicatorId: string, entityIds: readonly string[], toYear = 9999): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const code = set.indicators.indexOf(indicatorId);
  if (code < 0) return out;
  eachUpTo(set, entityIds, toYear, (r) => {
    if (set.indicator[r] !== code) return;
    const e = entityAt(set, r);
    out.push({ entity_id: e.id, name: e.name, period: periodAt(set, r).period, value: set.value[r] as number, flag: flagAt(set, r) });
  });
  return out;
}
