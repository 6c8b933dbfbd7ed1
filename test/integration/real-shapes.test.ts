import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { importDataFile, inspectFile } from '../../src/ingest/import-file';
import { REAL_SHAPES, renderFile, type ExpectedRow, type GeneratedFile } from '../support/csv-gen';
import { sampleEngine } from '../support/samples';

// The layouts and mess of each real file of ../shared/realdata, in files that test/support/csv-gen.ts
// makes (`REAL_SHAPES`), so that they are tested where those third-party files are absent. Each is
// imported by the browser's path — detection and sniffing on the first 256 KB, then DuckDB — and
// must give exactly the values it was made from, with the counts written out below.

interface Expected {
  layout: string;
  encoding: string;
  rows: number;
  entities: number;
  periods: number;
  indicators: number;
  /** The indicator a file without an indicator column is read as: from its name, a line or its title. */
  indicator?: { name: string; unit: string };
}

const EXPECTED: Record<string, Expected> = {
  // 255 places x 45 years, every value there.
  'wdi-long': { layout: 'long', encoding: 'utf-8', rows: 11475, entities: 255, periods: 45, indicators: 1, indicator: { name: 'nv.ind.totl.zs_data', unit: '' } },
  // 266 rows, 11 of them empty; 2025 empty throughout.
  'wdi-wide': { layout: 'wide-period', encoding: 'utf-8', rows: 10855, entities: 255, periods: 65, indicators: 1 },
  'wdi-wide-api': { layout: 'wide-period', encoding: 'utf-8', rows: 1278, entities: 29, periods: 65, indicators: 1 },
  // 31 provinces x 2018-2024, less one empty cell.
  'nbs-export': { layout: 'wide-period', encoding: 'gb18030', rows: 216, entities: 31, periods: 7, indicators: 1, indicator: { name: '固定资产投资(不含农户)实际到位资金_比上年增长', unit: '%' } },
  // 620 province-years x 13 columns, a quarter of the cells empty; 进出口总额 twice.
  'nbs-panel': { layout: 'wide-indicator', encoding: 'utf-8', rows: 5927, entities: 31, periods: 20, indicators: 13 },
  // 14 geographies x 53 quarters.
  statcan: { layout: 'wide-period', encoding: 'utf-8', rows: 742, entities: 14, periods: 53, indicators: 1, indicator: { name: 'Population estimates, quarterly', unit: 'Persons' } },
};

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

/** The import dialog's path under Node: inspect, then load the UTF-8 text (the transcoding worker's work). */
async function importShape(file: GeneratedFile, datasetId: string) {
  const inspection = await inspectFile(new Blob([file.bytes.slice()]), file.fileName);
  const utf8 = new TextEncoder().encode(new TextDecoder(inspection.encoding).decode(file.bytes));
  const mapping = { ...inspection.mapping, read: { ...inspection.mapping.read, encoding: 'utf-8' as const } };
  const result = await importDataFile(engine, { file: new Blob([utf8]), datasetId, name: datasetId, sourceFile: file.fileName, mapping });
  return { inspection, result };
}

const key = (r: { entity: string; indicator: string; period: string }) => `${r.entity} | ${r.indicator} | ${r.period}`;

async function observed(datasetId: string): Promise<Map<string, number>> {
  const rows = await engine.query<{ entity: string; indicator: string; period: string; value: number }>(
    `SELECT e.name AS entity, i.name_zh AS indicator, o.period, o.value FROM observations o
     JOIN entities e USING (entity_id) JOIN indicators i USING (indicator_id) WHERE o.dataset_id = ?`,
    [datasetId],
  );
  return new Map(rows.map((r) => [key(r), r.value]));
}

const distinct = (rows: readonly ExpectedRow[], f: (r: ExpectedRow) => string) => new Set(rows.map(f)).size;

describe('files shaped like the real ones', () => {
  it.each(REAL_SHAPES.map((s) => [s.name, s.real, s] as const))('%s (as %s): detected, read and loaded exactly', async (name, _real, shape) => {
    const file = renderFile(shape.spec());
    const expected = EXPECTED[name] as Expected;
    // The counts above are those of the generated table, so the generator is checked too.
    expect({ rows: file.rows.length, entities: distinct(file.rows, (r) => r.entity), periods: distinct(file.rows, (r) => r.period), indicators: distinct(file.rows, (r) => r.indicator) }).toEqual({
      rows: expected.rows,
      entities: expected.entities,
      periods: expected.periods,
      indicators: expected.indicators,
    });
    expect(file.rejects).toEqual([]);

    const { inspection, result } = await importShape(file, name);
    const { mapping } = inspection;
    expect({ kind: inspection.kind, encoding: inspection.encoding, layout: mapping.layout, delimiter: mapping.read.delimiter, headerRow: mapping.read.headerRow }).toEqual({
      kind: 'data',
      encoding: expected.encoding,
      layout: expected.layout,
      delimiter: file.spec.delimiter,
      headerRow: file.recordsBeforeData - 1,
    });
    expect(mapping.columns.map((c) => c.role)).toEqual(file.roles);
    expect(inspection.sniffed.confidence).toBe('high');
    if (expected.indicator) expect({ name: mapping.indicator.name.trim(), unit: mapping.indicator.unit }).toEqual(expected.indicator);
    expect({ rows: result.rows, rejected: result.rejected, entities: result.entities, periods: result.periods, indicators: result.indicators }).toEqual({
      rows: expected.rows,
      rejected: 0,
      entities: expected.entities,
      periods: expected.periods,
      indicators: expected.indicators,
    });
    // Every value, to the last digit (WDI writes 15 significant digits).
    const actual = await observed(name);
    expect(actual.size).toBe(file.rows.length);
    const wrong = file.rows.filter((r) => actual.get(key(r)) !== r.value).map((r) => `${key(r)}: ${actual.get(key(r))} for ${r.value}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the two units of one name apart, and takes the other units from the headers', async () => {
    const units = await engine.query<{ name_zh: string; unit: string }>(
      `SELECT DISTINCT i.name_zh, i.unit FROM observations o JOIN indicators i USING (indicator_id) WHERE o.dataset_id = 'nbs-panel' ORDER BY i.name_zh`,
    );
    expect(units).toContainEqual({ name_zh: '进出口总额_亿元人民币', unit: '亿元人民币' });
    expect(units).toContainEqual({ name_zh: '进出口总额_万美元', unit: '万美元' });
    expect(units).toContainEqual({ name_zh: 'GDP指数', unit: '上年=100' });
    expect(units).toContainEqual({ name_zh: '第二产业比重', unit: '%' });
    expect(units).toContainEqual({ name_zh: '私营个体就业人员_NBS', unit: '万人' });
  });

  it('strips the footnote marks of StatCan names and reads its quarters', async () => {
    const rows = await engine.query<{ name: string; period: string; grain: string }>(
      `SELECT DISTINCT e.name, o.period, o.grain FROM observations o JOIN entities e USING (entity_id)
       WHERE o.dataset_id = 'statcan' AND e.name IN ('Nunavut', 'Northwest Territories') AND o.period IN ('2012Q4', '2025Q4') ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { name: 'Northwest Territories', period: '2012Q4', grain: 'quarter' },
      { name: 'Northwest Territories', period: '2025Q4', grain: 'quarter' },
      { name: 'Nunavut', period: '2012Q4', grain: 'quarter' },
      { name: 'Nunavut', period: '2025Q4', grain: 'quarter' },
    ]);
  });
});
