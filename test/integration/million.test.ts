import { describe, expect, it } from 'vitest';
import { decodePrefix, detectEncoding } from '../../src/ingest/decode';
import { SNIFF_BYTES } from '../../src/ingest/import-file';
import { loadDataset } from '../../src/ingest/load';
import { sniff, toMapping } from '../../src/ingest/sniff';
import { MILLION_ROWS, millionCsv } from '../support/million-csv';
import { sampleEngine } from '../support/samples';

// A million observations through the import as the Data view runs it (the sniffer sees the first
// 256 KB, DuckDB reads the rest), checked by count and by every value against its key
// (test/support/million-csv.ts). Time is not asserted (npm run bench measures it).

const ROWS = MILLION_ROWS;

describe('a million observations', () => {
  it('imports every one, each with its own value', async () => {
    const engine = await sampleEngine();
    const bytes = new TextEncoder().encode(millionCsv());
    const encoding = detectEncoding(bytes);
    const mapping = toMapping(sniff(decodePrefix(bytes.subarray(0, SNIFF_BYTES), encoding), { fileName: 'million.csv', complete: false }), encoding);
    await engine.registerFile('million.csv', bytes);
    const result = await loadDataset(engine, { datasetId: 'up-million', name: 'million', kind: 'upload', sourceFile: 'million.csv', registeredFile: 'million.csv', mapping });
    expect({ rows: result.rows, rejected: result.rejected, entities: result.entities, indicators: result.indicators, periods: result.periods }).toEqual({
      rows: ROWS,
      rejected: 0,
      entities: 500,
      indicators: 20,
      periods: 100,
    });
    const [check] = await engine.query<{ n: number; total: number; right: number }>(
      `SELECT CAST(count(*) AS DOUBLE) AS n, sum(o.value) AS total,
         CAST(count(*) FILTER (WHERE o.value = (CAST(o.period AS INTEGER) - 1900) * 10000
           + CAST(regexp_extract(i.name_zh, '\\d+') AS INTEGER) * 500 + CAST(regexp_extract(e.name, '\\d+') AS INTEGER)) AS DOUBLE) AS right
       FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id = 'up-million'`,
    );
    expect(check).toEqual({ n: ROWS, total: (ROWS * (ROWS - 1)) / 2, right: ROWS });
  }, 180_000);
});
