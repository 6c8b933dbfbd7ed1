import { mean, round } from './series';

/** One value of the long-format indicator files; a missing value is no observation at all. */
export interface Observation {
  entityId: string;
  indicatorId: string;
  period: string;
  value: number;
}

/** What each generator hands back: its rows, and the seed facts phrased with the numbers it produced. */
export interface SampleSet {
  rows: Observation[];
  facts: string[];
}

export interface Period {
  period: string;
  x: number;
}

/** Rows for one entity and indicator; `undefined` values are left out (missing data). */
export function seriesRows(
  entityId: string,
  indicatorId: string,
  periods: readonly Period[],
  values: readonly (number | undefined)[],
): Observation[] {
  return periods.flatMap(({ period }, t) => {
    const value = values[t];
    return value === undefined ? [] : [{ entityId, indicatorId, period, value }];
  });
}

/**
 * The aggregate is computed from the values as written (already rounded), over the members that
 * report in that period, so anyone can recompute it from the file.
 */
export function meanOfMembers(members: readonly (readonly (number | undefined)[])[], periods: number): number[] {
  return Array.from({ length: periods }, (_, t) => {
    const present = members.map((series) => series[t]).filter((v): v is number => v !== undefined);
    return round(mean(present));
  });
}

export function valueAt(rows: readonly Observation[], entityId: string, indicatorId: string, period: string): number {
  const row = rows.find((r) => r.entityId === entityId && r.indicatorId === indicatorId && r.period === period);
  if (row === undefined) throw new Error(`no value for ${entityId} ${indicatorId} ${period}`);
  return row.value;
}

/** Chinese display form of a period for the facts: '2019H1' → '2019 年上半年'. */
export function periodZh(period: string): string {
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return `${half[1]} 年${half[2] === '1' ? '上' : '下'}半年`;
  return `${period} 年`;
}

/** Facts print values with the indicator's one decimal, so 35 reads 35.0 like its neighbours. */
export const fmt1 = (value: number): string => value.toFixed(1);
