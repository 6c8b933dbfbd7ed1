import { yearOf } from '../domain/periods';
import type { SeriesPoint } from './series';

export interface CompareRow {
  entityId: string;
  name: string;
  startPeriod: string;
  start: number;
  endPeriod: string;
  end: number;
  change: number;
  /** Relative change, or null when the start is zero. */
  relative: number | null;
}

/** Series points of one entity within [fromYear, toYear], oldest first. */
export function withinYears(points: readonly SeriesPoint[], fromYear: number, toYear: number): SeriesPoint[] {
  return points.filter((p) => {
    const y = yearOf(p.period);
    return y >= fromYear && y <= toYear;
  });
}

/**
 * Start, end and change of each entity over the range: the first and last period it has data
 * for, so an entity that starts reporting late is compared from its own first value.
 */
export function compareRows(points: readonly SeriesPoint[], fromYear: number, toYear: number): CompareRow[] {
  const byEntity = new Map<string, SeriesPoint[]>();
  for (const p of withinYears(points, fromYear, toYear)) byEntity.set(p.entity_id, [...(byEntity.get(p.entity_id) ?? []), p]);
  return [...byEntity].map(([entityId, list]) => {
    const sorted = [...list].sort((a, b) => a.period.localeCompare(b.period));
    const first = sorted[0] as SeriesPoint;
    const last = sorted[sorted.length - 1] as SeriesPoint;
    return {
      entityId,
      name: first.name,
      startPeriod: first.period,
      start: first.value,
      endPeriod: last.period,
      end: last.value,
      change: last.value - first.value,
      relative: first.value === 0 ? null : (last.value - first.value) / Math.abs(first.value),
    };
  });
}

/** Each point minus the entity's first value in range: the "change since the start" view. */
export function sinceStart(points: readonly SeriesPoint[]): SeriesPoint[] {
  const first = new Map<string, number>();
  const sorted = [...points].sort((a, b) => a.entity_id.localeCompare(b.entity_id) || a.period.localeCompare(b.period));
  return sorted.map((p) => {
    if (!first.has(p.entity_id)) first.set(p.entity_id, p.value);
    return { ...p, value: p.value - (first.get(p.entity_id) as number) };
  });
}
