import { sqlList } from '../engine/sql';

/**
 * Observations of the datasets in view, one value per entity, indicator and period. When two
 * datasets in view hold the same cell, their mean is used, so no cell is counted twice.
 */
export function observationsInView(datasetIds: readonly string[], where = ''): string {
  // `where` (with its own parameters) filters before the grouping: on a million rows the
  // aggregate is the cost, so it should only ever see the rows a view asks for.
  return `SELECT entity_id, indicator_id, period, period_start, grain, avg(value) AS value
    FROM observations WHERE dataset_id IN ${sqlList(datasetIds)} ${where ? `AND ${where}` : ''}
    GROUP BY entity_id, indicator_id, period, period_start, grain`;
}
