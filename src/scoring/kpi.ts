import type { HistoryRow } from '../queries/history';

export interface KpiFigures {
  period: string;
  value: number;
  prevPeriod: string | null;
  prevValue: number | null;
  /** The same period a year earlier (2024H2 for 2025H2), when there is one. */
  yearAgoPeriod: string | null;
  yearAgoValue: number | null;
}

/** The period one year before, in normal form: 2025 → 2024, 2025H2 → 2024H2, 2025-03 → 2024-03. */
export function yearBefore(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** Latest, previous and year-ago values of one indicator, from its history (oldest first). */
export function kpiFigures(history: readonly HistoryRow[]): KpiFigures | null {
  const last = history[history.length - 1];
  if (!last) return null;
  const prev = history[history.length - 2] ?? null;
  const yearAgo = history.find((h) => h.period === yearBefore(last.period)) ?? null;
  return {
    period: last.period,
    value: last.value,
    prevPeriod: prev?.period ?? null,
    prevValue: prev?.value ?? null,
    yearAgoPeriod: yearAgo?.period ?? null,
    yearAgoValue: yearAgo?.value ?? null,
  };
}
