// Target attainment and movement of one value, as KPI tiles state them in words.
import { roundTo } from '../format/number';

export type TargetStatus = 'met' | 'near' | 'below';
export type Movement = 'better' | 'worse' | 'flat';

/** Share of the target reached: v/T where higher is better, T/v where lower is better (v ≤ 0 meets it). */
export function attainment(value: number, target: number, direction: 1 | -1): number {
  // A ratio means nothing against a zero or negative target: it is met or it is not.
  if (target <= 0) return (direction === 1 ? value >= target : value <= target) ? 1 : 0;
  if (direction === 1) return Math.max(0, value / target);
  return value <= 0 ? 1 : target / value;
}

/** Met at 100%, near from 90%: the bands a reviewer reads as green, amber and red. */
export function targetStatus(share: number): TargetStatus {
  if (share >= 1 - 1e-9) return 'met';
  if (share >= 0.9) return 'near';
  return 'below';
}

/** Whether a change is an improvement, judged at display precision so "+0.0" reads as flat. */
export function movement(current: number, previous: number, direction: 1 | -1, decimals: number): Movement {
  // Judged on the change as printed (`formatChange` rounds the difference), so word and figure agree.
  const delta = roundTo(current - previous, decimals);
  if (delta === 0) return 'flat';
  return delta * direction > 0 ? 'better' : 'worse';
}
