import { describe, expect, it } from 'vitest';
import { observationsViewSql, snapshotObservationsSql } from '../../../src/ingest/in-place';

describe('the observations view', () => {
  it('is the session table alone when nothing is read in place', () => {
    expect(observationsViewSql([])).toBe('CREATE OR REPLACE VIEW observations AS SELECT * FROM observations_local');
  });

  it('adds each snapshot with its keys joined back, in the columns of observations', () => {
    const sql = observationsViewSql([
      { alias: 'hqd_saved_0', datasetId: 'up-a' },
      { alias: 'hqd_saved_1', datasetId: 'up-b' },
    ]);
    expect(sql.split('UNION ALL')).toHaveLength(3);
    expect(sql).toContain("CAST('up-b' AS VARCHAR) AS dataset_id, entity_keys.entity_id, indicator_keys.indicator_id, period_keys.period, period_keys.period_start, period_keys.grain, o.value, o.flag");
    expect(sql).toContain('FROM hqd_saved_1.observations o JOIN hqd_saved_1.entity_keys entity_keys USING (entity)');
  });

  it('quotes the dataset id as a literal', () => {
    expect(snapshotObservationsSql('hqd_saved_2', "x'); DROP TABLE datasets; --")).toContain("CAST('x''); DROP TABLE datasets; --' AS VARCHAR)");
  });
});
