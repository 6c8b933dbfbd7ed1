import { describe, expect, it } from 'vitest';
import { arrowToRows } from '../../../src/engine/arrow-rows';

/** A stand-in for an Arrow table: column-major data behind the interface `arrowToRows` reads. */
function fakeTable(columns: Record<string, unknown[]>, numRows: number, missing: string[] = []) {
  const names = Object.keys(columns);
  return {
    numRows,
    schema: { fields: names.map((name) => ({ name })) },
    getChildAt(i: number) {
      const name = names[i];
      if (name === undefined || missing.includes(name)) return null;
      const data = columns[name] ?? [];
      return { get: (r: number) => data[r] };
    },
  };
}

describe('arrowToRows', () => {
  it('turns columns into one object per row, keyed by field name', () => {
    const table = fakeTable({ entity_id: ['d01', 'd02'], value: [35.2, 41.5], period: ['2023', '2024'] }, 2);
    expect(arrowToRows(table)).toEqual([
      { entity_id: 'd01', value: 35.2, period: '2023' },
      { entity_id: 'd02', value: 41.5, period: '2024' },
    ]);
  });

  it('turns undefined into null', () => {
    const table = fakeTable({ a: [1, undefined], b: [undefined, 'x'] }, 2);
    const rows = arrowToRows(table);
    expect(rows).toEqual([
      { a: 1, b: null },
      { a: null, b: 'x' },
    ]);
    expect(rows[0]).toHaveProperty('b', null);
  });

  it('keeps falsy values that are real: 0, empty string, false, null', () => {
    const table = fakeTable({ n: [0], s: [''], f: [false], z: [null] }, 1);
    expect(arrowToRows(table)).toEqual([{ n: 0, s: '', f: false, z: null }]);
  });

  it('gives null for a column whose vector is absent', () => {
    const table = fakeTable({ a: [1, 2], gone: [9, 9] }, 2, ['gone']);
    expect(arrowToRows(table)).toEqual([
      { a: 1, gone: null },
      { a: 2, gone: null },
    ]);
  });

  it('returns as many rows as numRows says, and none for an empty result', () => {
    expect(arrowToRows(fakeTable({ a: [1, 2, 3] }, 3))).toHaveLength(3);
    expect(arrowToRows(fakeTable({ a: [] }, 0))).toEqual([]);
  });
});
