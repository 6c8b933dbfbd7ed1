import { grainOf, yearOf } from '../domain/periods';
import { DEFAULT_SETTINGS, type ScoringSettings } from './settings';

// Step 6 of docs/scoring.md: where the recent trend leads by the target year.

export type TrendStatus = 'on-track' | 'at-risk' | 'off-track';

export interface TrendPoint {
  /** Time in years: 2023 for a year, 2023.5 for 2023H2, 2023.25 for 2023Q2. */
  x: number;
  value: number;
}

/** Least-squares line through the points; a single point gives a flat line. */
export function fitLine(points: readonly TrendPoint[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, p) => s + (p.x - mx) * (p.value - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

export interface Projection {
  status: TrendStatus;
  /** The line's value at the target year (the value itself once the target year has passed). */
  projected: number;
  /** Where the projection is evaluated: the target year, at the same point of the year as the latest value. */
  atX: number;
}

/**
 * Fits the last points (up to `trendPoints`) and projects to the target year. On track when the
 * projection meets the target, at risk when short by less than `atRiskShare` of the target.
 * Once the target year is reached, the latest value is judged as it stands.
 */
export function projectToTarget(
  points: readonly TrendPoint[],
  target: number,
  targetYear: number,
  direction: 1 | -1,
  settings: ScoringSettings = DEFAULT_SETTINGS,
): Projection | null {
  if (points.length === 0) return null;
  const recent = [...points].sort((a, b) => a.x - b.x).slice(-settings.trendPoints);
  const last = recent[recent.length - 1] as TrendPoint;
  const atX = targetYear + (last.x - Math.floor(last.x));
  let projected: number;
  if (Math.floor(last.x) >= targetYear) projected = last.value;
  else {
    const { slope, intercept } = fitLine(recent);
    projected = intercept + slope * atX;
  }
  const shortfall = direction === 1 ? target - projected : projected - target;
  const status: TrendStatus = shortfall <= 0 ? 'on-track' : shortfall < settings.atRiskShare * Math.abs(target) ? 'at-risk' : 'off-track';
  return { status, projected, atX };
}

/** Position of a normal-form period on the time axis, in years. */
export function periodX(period: string): number {
  const year = yearOf(period);
  switch (grainOf(period)) {
    case 'half':
      return year + (Number(period.slice(-1)) - 1) / 2;
    case 'quarter':
      return year + (Number(period.slice(-1)) - 1) / 4;
    case 'month':
      return year + (Number(period.slice(5, 7)) - 1) / 12;
    default:
      return year;
  }
}
