import { describe, expect, it } from 'vitest';
import { compareRows, sinceStart, withinYears } from '../../../src/queries/compare';

const p = (entity_id: string, period: string, value: number) => ({ entity_id, name: entity_id.toUpperCase(), period, value });
const points = [p('a', '2019', 10), p('a', '2020', 12), p('a', '2022', 15), p('b', '2020', 0), p('b', '2021', 5), p('c', '2018', 7)];

describe('compare', () => {
  it('keeps points within the year range', () => {
    expect(withinYears(points, 2020, 2021).map((x) => `${x.entity_id}${x.period}`)).toEqual(['a2020', 'b2020', 'b2021']);
  });

  it('measures each entity from its first to its last value in range', () => {
    expect(compareRows(points, 2019, 2022)).toEqual([
      { entityId: 'a', name: 'A', startPeriod: '2019', start: 10, endPeriod: '2022', end: 15, change: 5, relative: 0.5 },
      { entityId: 'b', name: 'B', startPeriod: '2020', start: 0, endPeriod: '2021', end: 5, change: 5, relative: null },
    ]);
  });

  it('turns values into change since each entity’s start', () => {
    expect(sinceStart(points.filter((x) => x.entity_id === 'a')).map((x) => x.value)).toEqual([0, 2, 5]);
  });
});
