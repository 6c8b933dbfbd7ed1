import { duckdb, type Dialect } from '../engine/dialect';

/**
 * Observations of the datasets in view, one value per entity, indicator and period. When two
 * datasets in view hold the same cell, their mean is used, so no cell is counted twice.
 */
export function observationsInView(datasetIds: readonly string[], where = '', dialect: Dialect = duckdb): string {
  // One dataset holds one value per cell (an import refuses repeats), so a single dataset in view
  // (one upload analysed on its own, the common case) needs no grouping at all.
  if (datasetIds.length === 1)
    return `SELECT entity_id, indicator_id, period, period_start, grain, value, flag
    FROM observations WHERE dataset_id IN ${dialect.list(datasetIds)} ${where ? `AND ${where}` : ''}`;
  // `where` (with its own parameters) filters before the grouping: on a million rows the
  // aggregate is the cost, so it should only ever see the rows a view asks for.
  // A flag of either cell stands for the mean: that one of the values is provisional, say, is what a reader needs to know.
  return `SELECT entity_id, indicator_id, period, period_start, grain, avg(value) AS value, max(flag) AS flag
    FROM observations WHERE dataset_id IN ${dialect.list(datasetIds)} ${where ? `AND ${where}` : ''}
    GROUP BY entity_id, indicator_id, period, period_start, grain`;
}
