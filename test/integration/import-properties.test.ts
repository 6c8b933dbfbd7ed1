import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { removeDataset } from '../../src/ingest/datasets';
import { detectEncoding } from '../../src/ingest/decode';
import { ImportError, importDataFile, inspectFile, mappingProblems } from '../../src/ingest/import-file';
import type { Encoding, ImportMapping, ImportResult } from '../../src/domain/mapping';
import { isMissing, parseNumber } from '../../src/domain/numbers';
import { parsePeriod } from '../../src/domain/periods';
import { badFileArb, encodeText, goodFileArb, numberValue, type BadFile, type ExpectedReject, type ExpectedRow, type GeneratedFile } from '../support/csv-gen';
import { sampleEngine } from '../support/samples';

// Property-based tests of the whole import path under Node (docs/data-format.md): generated
// files either import with exactly the values they were generated from, or are refused with a
// reason; either way the datasets loaded before are unchanged. The generators are in
// test/support/csv-gen.ts. Replay a failure with the seed this file prints (fast-check prints the
// shrunk counterexample and its path):
//   HQD_PROPERTY_SEED=<seed> npx vitest run --project integration test/integration/import-properties.test.ts
// and go straight to the counterexample with the path, running only the property that failed:
//   HQD_PROPERTY_SEED=<seed> HQD_PROPERTY_PATH=<path> npx vitest run … -t '<name of the property>'
// HQD_PROPERTY_RUNS sets the total number of cases (default 3000), shared out as below.

const SEED = Number(process.env.HQD_PROPERTY_SEED ?? 20251123);
const TOTAL_RUNS = Number(process.env.HQD_PROPERTY_RUNS ?? 3000);
const PATH = process.env.HQD_PROPERTY_PATH;
/**
 * An import through DuckDB-wasm costs some 100 ms with its checks, whatever the file's size (a fixed
 * cost per statement), so most cases go to the property that runs the detection, the sniffer and the
 * TypeScript cell parsers, and the end-to-end properties get as many as fit in about a minute.
 */
const RUNS = {
  imports: Math.max(1, Math.round(TOTAL_RUNS * 0.17)),
  refusals: Math.max(1, Math.round(TOTAL_RUNS * 0.05)),
  reading: Math.max(1, Math.round(TOTAL_RUNS * 0.78)),
};
console.log(
  `import properties: seed ${SEED}${PATH ? `, path ${PATH}` : ''}, ${TOTAL_RUNS} cases (${RUNS.imports} imports, ${RUNS.refusals} refusals, ${RUNS.reading} readings)`,
);

const options = (numRuns: number) => ({ seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) });
/** Generous: a slow CI machine must not turn a passing run into a timeout. */
const timeout = (numRuns: number, msPerRun: number) => 60_000 + numRuns * msPerRun;

// ---------------------------------------------------------------------------------------------
// The browser's import path, under Node: inspect (detect, refuse, sniff), check the mapping as the
// import dialog does, convert to UTF-8 as the worker does, then load.

type Outcome = { accepted: ImportResult; mapping: ImportMapping } | { refused: string };

/** What the transcoding worker does (src/ingest/transcode.worker.ts); Node has no Worker global. */
function toUtf8(bytes: Uint8Array, encoding: Encoding): Uint8Array {
  return encoding === 'utf-8' ? bytes : new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));
}

async function importFile(engine: Engine, bytes: Uint8Array, fileName: string, datasetId: string): Promise<Outcome> {
  try {
    const inspection = await inspectFile(new Blob([bytes.slice()]), fileName);
    if (inspection.kind === 'catalog') throw new Error('a data file was taken for a catalog');
    const problems = mappingProblems(inspection.mapping);
    if (problems.length > 0) return { refused: problems.join(', ') };
    // The bytes are UTF-8 by now, so `importDataFile` must not start a transcoding worker.
    const mapping: ImportMapping = { ...inspection.mapping, read: { ...inspection.mapping.read, encoding: 'utf-8' } };
    const file = new Blob([toUtf8(bytes, inspection.encoding).slice()]);
    const accepted = await importDataFile(engine, { file, datasetId, name: datasetId, sourceFile: fileName, mapping });
    return { accepted, mapping: inspection.mapping };
  } catch (error) {
    if (error instanceof ImportError) return { refused: error.reason };
    throw error;
  }
}

/** Refusals a researcher can act on; `read-failed` (an engine error passed on) is not one of them. */
const REASONS = /^(?:empty|binary|no-header|header-only|no-values|(?:mapping\.need(?:Value|Measure|Entity|Period|Indicator)(?:, )?)+)$/;

// ---------------------------------------------------------------------------------------------
// What is in the database

interface ObservedRow {
  entity: string;
  indicator: string;
  period: string;
  grain: string;
  start: string;
  value: number;
}

function observed(engine: Engine, datasetId: string): Promise<ObservedRow[]> {
  return engine.query<ObservedRow>(
    `SELECT CASE WHEN e.level = 'branch' THEN p.name || ' / ' || e.name ELSE e.name END AS entity, i.name_zh AS indicator,
       o.period, o.grain, CAST(o.period_start AS VARCHAR) AS start, o.value
     FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id)
     LEFT JOIN entities p ON p.entity_id = e.parent_id
     WHERE o.dataset_id = ?`,
    [datasetId],
  );
}

/**
 * Everything but one dataset, down to the names and units its rows point at: count, sum and a digest.
 * The digest is a sum of 64-bit row hashes (a changed, added or lost row changes it), not an ordered
 * md5: that costs three times as much, on every one of the hundreds of cases.
 */
async function checksum(engine: Engine, except: string): Promise<unknown> {
  const [row] = await engine.query(
    `SELECT
       (SELECT CAST(count(*) AS INTEGER) FROM observations WHERE dataset_id <> $1) AS n,
       (SELECT sum(value) FROM observations WHERE dataset_id <> $1) AS total,
       (SELECT CAST(sum(CAST(hash(o.dataset_id, o.entity_id, e.name, e.level, e.parent_id, o.indicator_id, i.name_zh, i.unit,
          o.period, o.period_start, o.grain, o.value) AS HUGEINT)) AS VARCHAR)
        FROM observations o JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id <> $1) AS rows,
       (SELECT md5(string_agg(concat_ws('|', dataset_id, name, source_file, kind, imported_at, row_count, rejected_count, mapping), chr(10) ORDER BY dataset_id))
        FROM datasets WHERE dataset_id <> $1) AS datasets`,
    [except],
  );
  return row;
}

async function leftovers(engine: Engine, datasetId: string): Promise<number> {
  const [row] = await engine.query<{ n: number }>(
    `SELECT CAST((SELECT count(*) FROM observations WHERE dataset_id = $1) + (SELECT count(*) FROM datasets WHERE dataset_id = $1) AS INTEGER) AS n`,
    [datasetId],
  );
  return row?.n ?? -1;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

const rowKey = (r: { entity: string; indicator: string; period: string }) => JSON.stringify([r.entity, r.indicator, r.period]);
const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Same keys, periods and values (as sets); values to 1e-9 relative, as DuckDB and JS may round the last digit apart. */
function expectSameRows(actual: readonly ObservedRow[], expected: readonly ExpectedRow[]): void {
  const byKey = new Map(actual.map((r) => [rowKey(r), r]));
  expect(byKey.size, 'one observation per entity, indicator and period').toBe(actual.length);
  expect([...byKey.keys()].sort()).toEqual(expected.map(rowKey).sort());
  for (const e of expected) {
    const a = byKey.get(rowKey(e)) as ObservedRow;
    expect({ grain: a.grain, start: a.start }, rowKey(e)).toEqual({ grain: e.grain, start: e.start });
    if (!close(a.value, e.value)) expect(a.value, rowKey(e)).toBe(e.value);
  }
}

const rejectKey = (r: { column: string; value: string; reason: string }) => JSON.stringify([r.reason, r.column, r.value]);

function expectSameRejects(result: ImportResult, expected: readonly ExpectedReject[]): void {
  expect(result.rejects.map(rejectKey).sort()).toEqual(expected.map(rejectKey).sort());
  // Lines only where no quoted line break above makes the importer's count approximate.
  for (const e of expected.filter((r) => r.line !== null)) expect(result.rejects.map((r) => `${r.line} ${rejectKey(r)}`)).toContain(`${e.line} ${rejectKey(e)}`);
}

function expectCounts(result: ImportResult, expected: readonly ExpectedRow[], rejects: number): void {
  const distinct = (f: (r: ExpectedRow) => string) => new Set(expected.map(f)).size;
  expect({ rows: result.rows, rejected: result.rejected, entities: result.entities, indicators: result.indicators, periods: result.periods }).toEqual({
    rows: expected.length,
    rejected: rejects,
    entities: distinct((r) => r.entity),
    indicators: distinct((r) => r.indicator),
    periods: distinct((r) => r.period),
  });
}

// ---------------------------------------------------------------------------------------------
// The engine: the bundled sample and one upload are loaded before any case, and must stay as they are.

const REFERENCE = ['地区,指标,年份,数值', '甲市,人口,2022,10.5', '甲市,人口,2023,11', '乙县,人口,2023,"1,234.5"', '东湖区,高新技术产业占比,2023,41.5', '甲市,GDP,2023H1,99'].join('\n') + '\n';

let engine: Engine;
let baseline: unknown;
let caseNumber = 0;

beforeAll(async () => {
  engine = await sampleEngine();
  const outcome = await importFile(engine, encodeText(REFERENCE, 'utf-8'), 'reference.csv', 'reference');
  if (!('accepted' in outcome)) throw new Error(`the reference file was refused: ${outcome.refused}`);
  baseline = await checksum(engine, '');
}, 60_000);

/** Imports one file as a new dataset, checks it with `check`, then removes it again. */
async function withImport(bytes: Uint8Array, fileName: string, check: (outcome: Outcome, datasetId: string) => Promise<void>): Promise<void> {
  const datasetId = `case-${++caseNumber}`;
  const outcome = await importFile(engine, bytes, fileName, datasetId);
  try {
    await check(outcome, datasetId);
    expect(await checksum(engine, datasetId), 'datasets loaded before').toEqual(baseline);
  } finally {
    await removeDataset(engine, datasetId);
  }
  expect(await leftovers(engine, datasetId)).toBe(0);
}

async function expectRefused(outcome: Outcome, datasetId: string): Promise<void> {
  if ('accepted' in outcome) throw new Error(`accepted ${outcome.accepted.rows} values (${JSON.stringify(outcome.mapping)})`);
  expect(outcome.refused).toMatch(REASONS);
  expect(await leftovers(engine, datasetId), 'rows of a refused file').toBe(0);
}

/** A file whose every cell is missing is refused as header-only or valueless: the first property checks that. */
const readableFileArb = goodFileArb.filter((file) => file.usefulRecords > 0);

describe('import properties', () => {
  it(
    'imports every generated file with exactly its values, or refuses it when it holds none',
    async () => {
      await fc.assert(
        fc.asyncProperty(goodFileArb, async (file: GeneratedFile) => {
          await withImport(file.bytes, file.fileName, async (outcome, datasetId) => {
            if (file.rows.length === 0) return expectRefused(outcome, datasetId);
            if (!('accepted' in outcome)) throw new Error(`refused: ${outcome.refused}`);
            expectSameRows(await observed(engine, datasetId), file.rows);
            expectCounts(outcome.accepted, file.rows, file.rejects.length);
            expectSameRejects(outcome.accepted, file.rejects);
          });
        }),
        options(RUNS.imports),
      );
    },
    timeout(RUNS.imports, 400),
  );

  it(
    'refuses empty, header-only, valueless and binary files with a reason, and changes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(badFileArb, (file: BadFile) => withImport(file.bytes, file.fileName, expectRefused)),
        options(RUNS.refusals),
      );
    },
    timeout(RUNS.refusals, 400),
  );

  it(
    'detects the encoding, delimiter, header, layout and columns, and parses each cell as docs/data-format.md says',
    async () => {
      await fc.assert(
        fc.asyncProperty(readableFileArb, async (file: GeneratedFile) => {
          expect(detectEncoding(file.bytes)).toBe(file.encoding);
          const inspection = await inspectFile(new Blob([file.bytes.slice()]), file.fileName);
          const { mapping, sniffed } = inspection;
          expect({ kind: inspection.kind, layout: mapping.layout, delimiter: mapping.read.delimiter, headerRow: mapping.read.headerRow }).toEqual({
            kind: 'data',
            layout: file.spec.table.layout,
            delimiter: file.spec.delimiter,
            headerRow: file.recordsBeforeData - 1,
          });
          expect(mapping.columns.map((c) => c.role)).toEqual(file.roles);
          expect(mapping.read.dataRows).toBeGreaterThanOrEqual(file.usefulRecords);
          expect(mapping.read.dataRows).toBeLessThanOrEqual(file.dataRecords);
          expectCellsParsed(file, sniffed.preview, sniffed.headers);
        }),
        options(RUNS.reading),
      );
    },
    timeout(RUNS.reading, 50),
  );
});

/** The TypeScript twins of the SQL parsers (sniffer, preview) read every cell as the load must. */
function expectCellsParsed(file: GeneratedFile, preview: readonly string[][], headers: readonly string[]): void {
  const periodColumn = file.roles.indexOf('period');
  // Records past `dataRows` (all-missing rows at the end) are not in the preview, nor read.
  for (const { row, col, cell, period } of file.cells.filter((c) => c.row < preview.length)) {
    const text = preview[row]?.[col] ?? '';
    const where = `record ${row + 1}, field ${col + 1}: ${JSON.stringify(text)}`;
    if (cell.kind === 'missing') expect(isMissing(text), where).toBe(true);
    else if (cell.kind === 'bad') expect({ missing: isMissing(text), number: parseNumber(text) }, where).toEqual({ missing: false, number: null });
    else expect(close(parseNumber(text) ?? NaN, numberValue(cell.number)), where).toBe(true);
    const periodText = periodColumn >= 0 ? (preview[row]?.[periodColumn] ?? '') : (headers[col] ?? '');
    expect(parsePeriod(periodText, true)?.period ?? null, `period of ${where}: ${JSON.stringify(periodText)}`).toBe(period);
  }
}
