import { sqlList } from '../engine/sql';

/**
 * Observations of the datasets in view, one value per entity, indicator and period. When two
 * datasets in view hold the same cell, their mean is used, so no cell is counted twice.
 */
export function observationsInView(datasetIds: readonly string[]): string {
  return `SELECT entity_id, indicator_id, period, period_start, grain, avg(value) AS value
    FROM observations WHERE dataset_id IN ${sqlList(datasetIds)}
    GROUP BY entity_id, indicator_id, period, period_start, grain`;
}
