import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectFile, mappingProblems } from '../../src/ingest/import-file';
import { loadDataset } from '../../src/ingest/load';
import type { Encoding } from '../../src/domain/mapping';
import type { Engine } from '../../src/engine/types';
import { PUBLISHER_ARBS, type PublisherFile, type PublisherRow } from '../support/publisher-gen';
import { sampleEngine } from '../support/samples';

// Property tests of the publisher families (test/support/publisher-gen.ts): each generated file
// is detected, mapped and imported through DuckDB as the Data view would, with no question asked,
// and holds exactly the observations it was generated with, flags included, and no reject.
// HQD_PROPERTY_SEED replays a run; HQD_PUBLISHER_RUNS sets the cases per family (default 30).

const SEED = Number(process.env.HQD_PROPERTY_SEED ?? 20251201);
const RUNS = Number(process.env.HQD_PUBLISHER_RUNS ?? 30);

const toUtf8 = (bytes: Uint8Array, encoding: Encoding) => (encoding === 'utf-8' ? bytes : new TextEncoder().encode(new TextDecoder(encoding).decode(bytes)));
const order = (a: PublisherRow, b: PublisherRow) => `${a.entity}|${a.indicator}|${a.period}`.localeCompare(`${b.entity}|${b.indicator}|${b.period}`);

let run = 0;

async function importGenerated(engine: Engine, file: PublisherFile): Promise<void> {
  const inspection = await inspectFile(new Blob([file.bytes.slice()]), file.fileName);
  if (inspection.kind !== 'data') throw new Error(`taken for ${inspection.kind}`);
  expect(inspection.mapping.read.publisher ?? 'generic').toBe(file.publisher);
  expect(mappingProblems(inspection.mapping)).toEqual([]);
  const id = `gen-${run++}`;
  await engine.registerFile(`${id}.csv`, toUtf8(file.bytes, inspection.mapping.read.encoding).slice());
  const result = await loadDataset(engine, { datasetId: id, name: id, kind: 'upload', sourceFile: file.fileName, registeredFile: `${id}.csv`, mapping: inspection.mapping });
  expect(result.rejects).toEqual([]);
  expect({ rows: result.rows, flagged: result.flagged }).toEqual({ rows: file.rows.length, flagged: file.rows.filter((r) => r.flag !== null).length });
  const got = await engine.query<PublisherRow>(
    `SELECT e.name AS entity, i.name_zh AS indicator, o.period, o.value, o.flag FROM observations o
     JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id = ?`,
    [id],
  );
  expect(got.sort(order)).toEqual([...file.rows].sort(order));
}

describe('generated files of every publisher family import exactly', () => {
  for (const [family, arb] of Object.entries(PUBLISHER_ARBS))
    it(
      family,
      async () => {
        // One engine for the family's files: each import is its own dataset.
        const engine = await sampleEngine();
        await fc.assert(fc.asyncProperty(arb, (file: PublisherFile) => importGenerated(engine, file)), { seed: SEED, numRuns: RUNS });
      },
      60_000 + RUNS * 3_000,
    );
});
