import { describe, expect, it, vi } from 'vitest';
import { periodLabel } from '../../../src/format/period';

/** Echoes the message key and its values, so the test sees exactly what would be translated. */
const t = (key: string, values?: Record<string, unknown>) => `${key}|${JSON.stringify(values)}`;

describe('periodLabel', () => {
  it('labels halves with period.half1 / period.half2 and the year', () => {
    expect(periodLabel('2023H1', t)).toBe('period.half1|{"year":"2023"}');
    expect(periodLabel('2023H2', t)).toBe('period.half2|{"year":"2023"}');
  });

  it('labels quarters with period.quarter, the year and the quarter number', () => {
    expect(periodLabel('2023Q3', t)).toBe('period.quarter|{"year":"2023","q":"3"}');
    expect(periodLabel('2019Q1', t)).toBe('period.quarter|{"year":"2019","q":"1"}');
  });

  it('labels months with period.month and the month as a number without zero padding', () => {
    expect(periodLabel('2023-03', t)).toBe('period.month|{"year":"2023","m":3}');
    expect(periodLabel('2023-12', t)).toBe('period.month|{"year":"2023","m":12}');
  });

  it('shows a year as the bare year, without translating', () => {
    const spy = vi.fn(t);
    expect(periodLabel('2023', spy)).toBe('2023');
    expect(spy).not.toHaveBeenCalled();
  });
});
