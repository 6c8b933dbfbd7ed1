import type { Engine } from '../engine/types';
import type { Indicator } from '../domain/indicator';
import type { Grain } from '../domain/periods';
import { sqlList } from '../engine/sql';
import { observationsInView } from './scope';

/** An indicator of the catalog with what the datasets in view hold of it. */
export interface IndicatorInfo extends Indicator {
  grain: Grain;
  first_period: string;
  last_period: string;
  observations: number;
  /** Datasets in view that hold this indicator, comma-separated: the chart's source line. */
  dataset_ids: string;
}

/** The indicators the datasets in view contain, with their catalog entries, in catalog order. */
export function indicatorsSql(datasetIds: readonly string[]): string {
  return `WITH o AS (${observationsInView(datasetIds)})
    SELECT i.indicator_id, i.name_zh, i.name_en, i.category, i.unit, i.direction, i.target, i.target_year,
      i.weight, i.tier, i.gate_min, i.gate_max_stars, i.decimals, i.definition, i.source,
      min(o.grain) AS grain, arg_min(o.period, o.period_start) AS first_period, arg_max(o.period, o.period_start) AS last_period,
      CAST(count(*) AS INTEGER) AS observations, min(src.dataset_ids) AS dataset_ids
    FROM o JOIN indicators i ON i.indicator_id = o.indicator_id
    JOIN (SELECT indicator_id, string_agg(DISTINCT dataset_id, ',' ORDER BY dataset_id) AS dataset_ids
      FROM observations WHERE dataset_id IN ${sqlList(datasetIds)} GROUP BY indicator_id) src ON src.indicator_id = i.indicator_id
    GROUP BY i.indicator_id, i.name_zh, i.name_en, i.category, i.unit, i.direction, i.target, i.target_year,
      i.weight, i.tier, i.gate_min, i.gate_max_stars, i.decimals, i.definition, i.source
    ORDER BY i.category, i.tier, i.weight DESC, i.indicator_id`;
}

export function listIndicators(engine: Engine, datasetIds: readonly string[]): Promise<IndicatorInfo[]> {
  return engine.query<IndicatorInfo>(indicatorsSql(datasetIds));
}

/** Years that have any observation in view, newest first: the choices of the period picker. */
export function yearsSql(datasetIds: readonly string[]): string {
  return `SELECT DISTINCT CAST(EXTRACT(YEAR FROM period_start) AS INTEGER) AS year
    FROM (${observationsInView(datasetIds)}) o ORDER BY year DESC`;
}

export async function listYears(engine: Engine, datasetIds: readonly string[]): Promise<number[]> {
  return (await engine.query<{ year: number }>(yearsSql(datasetIds))).map((r) => r.year);
}

/** The year a view shows: the one asked for when there is data for it, else the latest (years come newest first). */
export function chooseYear(requested: number | null, years: readonly number[]): number {
  return requested !== null && years.includes(requested) ? requested : (years[0] ?? new Date().getFullYear());
}
