import { describe, expect, it } from 'vitest';
import { heldFromRows, heldHistory, heldOrder, heldSeries, heldSnapshot, type HeldRow } from '../../../src/queries/held-rows';

const row = (entity_id: string, indicator_id: string, period: string, value: number): HeldRow => ({
  entity_id,
  name: entity_id === 'a' ? '甲区' : '乙区',
  indicator_id,
  period,
  period_start: period.length === 4 ? `${period}-01-01` : period === '2024H2' ? '2024-07-01' : `${period.slice(0, 4)}-01-01`,
  value,
});

const rows = heldFromRows([
  row('a', 'x', '2022', 1),
  row('a', 'x', '2023', 2),
  row('a', 'x', '2024', 3),
  row('a', 'y', '2021', 10),
  row('b', 'x', '2024', 5),
  row('b', 'y', '2023H1', 7),
  row('b', 'y', '2024H2', 8),
].sort(heldOrder));

describe('heldSnapshot', () => {
  it('takes the latest value at or before the year and the period before it', () => {
    expect(heldSnapshot(rows, ['a', 'b'], 2023)).toEqual([
      { entity_id: 'a', name: '甲区', indicator_id: 'x', period: '2023', value: 2, flag: null, prev_period: '2022', prev_value: 1 },
      { entity_id: 'a', name: '甲区', indicator_id: 'y', period: '2021', value: 10, flag: null, prev_period: null, prev_value: null },
      { entity_id: 'b', name: '乙区', indicator_id: 'y', period: '2023H1', value: 7, flag: null, prev_period: null, prev_value: null },
    ]);
  });

  it('orders half years by their start and keeps to the entities asked for', () => {
    expect(heldSnapshot(rows, ['b'], 2024)).toEqual([
      { entity_id: 'b', name: '乙区', indicator_id: 'x', period: '2024', value: 5, flag: null, prev_period: null, prev_value: null },
      { entity_id: 'b', name: '乙区', indicator_id: 'y', period: '2024H2', value: 8, flag: null, prev_period: '2023H1', prev_value: 7 },
    ]);
    expect(heldSnapshot(rows, ['c'], 2024)).toEqual([]);
  });
});

describe('heldHistory and heldSeries', () => {
  it('give every value up to the year, oldest first within each entity', () => {
    expect(heldHistory(rows, ['a'], 2023).map((r) => [r.indicator_id, r.period])).toEqual([
      ['x', '2022'],
      ['x', '2023'],
      ['y', '2021'],
    ]);
    expect(heldSeries(rows, 'x', ['a', 'b'], 2024)).toEqual([
      { entity_id: 'a', name: '甲区', period: '2022', value: 1, flag: null },
      { entity_id: 'a', name: '甲区', period: '2023', value: 2, flag: null },
      { entity_id: 'a', name: '甲区', period: '2024', value: 3, flag: null },
      { entity_id: 'b', name: '乙区', period: '2024', value: 5, flag: null },
    ]);
  });
});

describe('heldFromRows', () => {
  it('codes each key once and keeps flags, with none as -1', () => {
    const set = heldFromRows([{ ...row('a', 'x', '2023', 1), flag: 'p' }, row('a', 'x', '2024', 2), { ...row('b', 'x', '2024', 3), flag: 'p' }]);
    expect(set.entities).toEqual([
      { id: 'a', name: '甲区' },
      { id: 'b', name: '乙区' },
    ]);
    expect([...set.entity]).toEqual([0, 0, 1]);
    expect([...set.period]).toEqual([0, 1, 1]);
    expect(set.flags).toEqual(['p']);
    expect([...set.flag]).toEqual([0, -1, 0]);
    expect(heldSeries(set, 'x', ['a', 'b']).map((p) => p.flag)).toEqual(['p', null, 'p']);
    expect(heldSeries(set, 'nope', ['a'])).toEqual([]);
  });
});
