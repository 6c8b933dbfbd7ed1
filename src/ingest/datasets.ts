import { dialectOf } from '../engine/dialect';
import type { Engine } from '../engine/types';
import { LOCAL_OBSERVATIONS } from '../engine/schema';
import { reclaim, withoutInPlace } from './in-place';

// Changes to datasets after import. Entities and indicators a dataset introduced stay in the
// catalog: they are harmless without observations and another dataset may share them.

export async function removeDataset(engine: Engine, datasetId: string): Promise<void> {
  await withoutInPlace(engine, datasetId, async (tx) => {
    await tx.query(`DELETE FROM ${LOCAL_OBSERVATIONS} WHERE dataset_id = ?`, [datasetId]);
    await tx.query('DELETE FROM datasets WHERE dataset_id = ?', [datasetId]);
  });
  await reclaim(engine);
}

export async function renameDataset(engine: Engine, datasetId: string, name: string): Promise<void> {
  await engine.query('UPDATE datasets SET name = ? WHERE dataset_id = ?', [name, datasetId]);
}

export interface ExportRow {
  entity_id: string;
  entity: string;
  indicator_id: string;
  indicator: string;
  unit: string;
  period: string;
  value: number;
  flag: string | null;
}

/** A dataset in long form with names, as a researcher would want it back. */
export function exportRows(engine: Engine, datasetId: string): Promise<ExportRow[]> {
  return engine.query<ExportRow>(
    `SELECT o.entity_id, e.name AS entity, o.indicator_id, i.name_zh AS indicator, i.unit, o.period, o.value, o.flag
     FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id)
     WHERE o.dataset_id = ? ORDER BY e.name, i.name_zh, o.period_start`,
    [datasetId],
  );
}

export interface DatasetSummary {
  dataset_id: string;
  name: string;
  source_file: string;
  kind: 'sample' | 'upload';
  imported_at: string;
  row_count: number;
  rejected_count: number;
  entities: number;
  indicators: number;
  first_period: string | null;
  last_period: string | null;
}

/** The dataset list: what each holds, for the Data view and the pickers (counted at import). */
export function listDatasets(engine: Engine): Promise<DatasetSummary[]> {
  return engine.query<DatasetSummary>(
    `SELECT dataset_id, name, source_file, kind, ${dialectOf(engine).isoTimestamp('imported_at')} AS imported_at,
       row_count, rejected_count, entity_count AS entities, indicator_count AS indicators, first_period, last_period
     FROM datasets
     ORDER BY kind = 'upload', imported_at DESC, dataset_id`,
  );
}
