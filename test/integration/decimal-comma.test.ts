import { describe, expect, it } from 'vitest';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// A Destatis-style file: `;` fields, decimal commas, points grouping thousands, `.` for a value not
// available. Each value is the number it means, and a bad cell is reported as it is written.

const FILE = ['Region;Year;Quote;Einwohner', 'Berlin;2021;9,8;3.664.088', 'Bremen;2021;10,25;.', 'Hamburg;2021;-0,5;1.853.935', 'Essen;2021;7,x;582.760', 'Köln;2021;8;1.083.498', 'Bonn;2021;5,75;330.579'].join('\n');

describe('a decimal-comma file', () => {
  it('imports each value as the number it means, and reports a bad cell as written', async () => {
    const engine = await sampleEngine();
    const { result, mapping } = await importBytes(engine, new TextEncoder().encode(FILE), 'up-decimal');
    expect(mapping.read.decimal).toBe(',');
    expect(result).toMatchObject({ rows: 10, rejected: 1 });
    expect(result.rejects).toEqual([{ line: 5, column: 'Quote', value: '7,x', reason: 'number' }]);
    const rows = await engine.query<{ entity: string; indicator: string; value: number }>(
      `SELECT e.name AS entity, i.name_zh AS indicator, o.value FROM observations o JOIN entities e USING (entity_id)
       JOIN indicators i USING (indicator_id) WHERE o.dataset_id = 'up-decimal' ORDER BY i.name_zh, e.name`,
    );
    expect(rows.map((r) => [r.indicator, r.entity, r.value])).toEqual([
      ['Einwohner', 'Berlin', 3664088],
      ['Einwohner', 'Bonn', 330579],
      ['Einwohner', 'Essen', 582760],
      ['Einwohner', 'Hamburg', 1853935],
      ['Einwohner', 'Köln', 1083498],
      ['Quote', 'Berlin', 9.8],
      ['Quote', 'Bonn', 5.75],
      ['Quote', 'Bremen', 10.25],
      ['Quote', 'Hamburg', -0.5],
      ['Quote', 'Köln', 8],
    ]);
  });

  it('is read with a point when the person says so: the same cells are then refused', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, new TextEncoder().encode(FILE), 'up-point', (m) => (m.read.decimal = '.'));
    expect(result.rows).toBeLessThan(10);
    expect(result.rejects.some((r) => r.value === '9,8' && r.reason === 'number')).toBe(true);
  });
});
