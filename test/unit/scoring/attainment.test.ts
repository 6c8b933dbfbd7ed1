import { describe, expect, it } from 'vitest';
import { attainment, movement, targetStatus } from '../../../src/scoring/attainment';
import { formatValue } from '../../../src/format/number';

describe('attainment', () => {
  it('is v / T where higher is better', () => {
    expect(attainment(30, 40, 1)).toBe(0.75);
    expect(attainment(35, 35, 1)).toBe(1);
    expect(attainment(28, 35, 1)).toBeCloseTo(0.8, 12);
  });

  it('is not capped above 1 (over-achievement is shown as such)', () => {
    expect(attainment(50, 40, 1)).toBe(1.25);
  });

  it('does not go below 0 for a negative value where higher is better', () => {
    expect(attainment(-5, 10, 1)).toBe(0);
  });

  it('is T / v where lower is better', () => {
    // 3 days target, 3.75 days taken → 80%.
    expect(attainment(3.75, 3, -1)).toBe(0.8);
    expect(attainment(2, 3, -1)).toBe(1.5);
    expect(attainment(3, 3, -1)).toBe(1);
  });

  it('meets a lower-is-better target when the value is zero or below', () => {
    expect(attainment(0, 3, -1)).toBe(1);
    expect(attainment(-1, 3, -1)).toBe(1);
  });

  it('with a zero target where higher is better, meets it at or above zero', () => {
    expect(attainment(0, 0, 1)).toBe(1);
    expect(attainment(4, 0, 1)).toBe(1);
    expect(attainment(-1, 0, 1)).toBe(0);
  });

  it('with a zero target where lower is better, meets it at zero', () => {
    expect(attainment(0, 0, -1)).toBe(1);
  });

  it('does not call 2 incidents against a target of 0 (lower is better) met', () => {
    expect(targetStatus(attainment(2, 0, -1))).toBe('below');
  });
});

describe('targetStatus', () => {
  it.each([
    [1, 'met'],
    [1.3, 'met'],
    [0.9999999999, 'met'],
    [0.99, 'near'],
    [0.95, 'near'],
    [0.9, 'near'],
    [0.8999, 'below'],
    [0.5, 'below'],
    [0, 'below'],
  ] as const)('%d → %s', (share, status) => {
    expect(targetStatus(share)).toBe(status);
  });

  it('judges whole chains the way a reviewer would', () => {
    expect(targetStatus(attainment(31.5, 35, 1))).toBe('near'); // exactly 90%
    expect(targetStatus(attainment(31, 35, 1))).toBe('below'); // 88.6%
    expect(targetStatus(attainment(3.2, 3, -1))).toBe('near'); // 93.75%
    expect(targetStatus(attainment(0.1 + 0.2, 0.3, 1))).toBe('met'); // float noise above 1
    expect(targetStatus(attainment(0.3, 0.1 + 0.2, 1))).toBe('met'); // float noise just below 1
  });
});

describe('movement', () => {
  it('is flat when the change, as printed, rounds to zero', () => {
    expect(movement(92.34, 92.31, 1, 1)).toBe('flat');
    expect(movement(35.4, 35.0, 1, 0)).toBe('flat');
    // 92.36 vs 92.34: the tile prints "0.0 个百分点", so the word must be flat, not better.
    expect(movement(92.36, 92.34, 1, 1)).toBe('flat');
    expect(movement(20, 20, -1, 2)).toBe('flat');
  });

  it('is better or worse by the displayed difference where higher is better', () => {
    expect(movement(92.4, 92.3, 1, 1)).toBe('better');
    expect(movement(92.3, 92.4, 1, 1)).toBe('worse');
    // The printed change of 35.4 vs 34.6 at 0 decimals is "+1": better.
    expect(movement(35.4, 34.6, 1, 0)).toBe('better');
  });

  it('reverses better and worse where lower is better', () => {
    expect(movement(3.5, 3.8, -1, 1)).toBe('better');
    expect(movement(3.8, 3.5, -1, 1)).toBe('worse');
    expect(movement(92.4, 92.3, -1, 1)).toBe('worse');
  });

  it('uses more decimals when the indicator has them', () => {
    expect(movement(92.34, 92.31, 1, 2)).toBe('better');
  });

  it('(the display shows -1.25 and -1.2 differently at one decimal)', () => {
    expect(formatValue(-1.25, 1, '', 'en')).toBe('-1.3');
    expect(formatValue(-1.2, 1, '', 'en')).toBe('-1.2');
  });

  it('is worse from -1.2 to -1.25 (shown -1.2 → -1.3) where higher is better', () => {
    expect(movement(-1.25, -1.2, 1, 1)).toBe('worse');
  });
});
