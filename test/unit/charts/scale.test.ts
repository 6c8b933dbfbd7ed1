import { describe, expect, it } from 'vitest';
import { niceCeil } from '../../../src/charts/scale';

describe('niceCeil', () => {
  it.each([
    [0.8, '', 1],
    [1, '', 1],
    [1.3, '', 2],
    [2.2, '', 2.5],
    [3.1, '', 5],
    [7, '', 10],
    [96.1, '', 100],
    [101, '', 200],
    [2300, '', 2500],
  ])('rounds %s up to %s', (value, unit, expected) => {
    expect(niceCeil(value, unit)).toBe(expected);
  });

  it('stops a rate at 100% when no value exceeds it', () => {
    expect(niceCeil(99.9, '%')).toBe(100);
    expect(niceCeil(100, '%')).toBe(100);
    expect(niceCeil(120, '%')).toBe(200);
  });

  it('returns 0 for zero and negative maxima', () => {
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(-5)).toBe(0);
  });
});
