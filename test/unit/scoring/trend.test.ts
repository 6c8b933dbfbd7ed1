import { describe, expect, it } from 'vitest';
import { fitLine, periodX, projectToTarget } from '../../../src/scoring/trend';

describe('fitLine', () => {
  it('fits a least-squares line', () => {
    const line = fitLine([{ x: 2021, value: 10 }, { x: 2022, value: 12 }, { x: 2023, value: 14 }]);
    expect(line.slope).toBeCloseTo(2, 10);
    expect(line.intercept + line.slope * 2025).toBeCloseTo(18, 10);
  });
  it('gives a flat line through a single point', () => {
    expect(fitLine([{ x: 2023, value: 7 }])).toEqual({ slope: 0, intercept: 7 });
  });
});

describe('projectToTarget (step 6)', () => {
  const rising = [2021, 2022, 2023, 2024, 2025].map((x, i) => ({ x, value: 20 + 3 * i })); // 20 … 32, +3 a year

  it('is on track when the projection meets the target', () => {
    // 2027: 32 + 2·3 = 38
    expect(projectToTarget(rising, 38, 2027, 1)?.status).toBe('on-track');
    expect(projectToTarget(rising, 38, 2027, 1)?.projected).toBeCloseTo(38, 10);
  });

  it('is at risk when short by less than 5% of the target, off track otherwise', () => {
    expect(projectToTarget(rising, 39.9, 2027, 1)?.status).toBe('at-risk'); // short 1.9 < 1.995
    expect(projectToTarget(rising, 40.1, 2027, 1)?.status).toBe('off-track'); // short 2.1 > 2.005
  });

  it('judges lower-is-better indicators the other way', () => {
    const falling = [2021, 2022, 2023].map((x, i) => ({ x, value: 12 - 2 * i })); // 12, 10, 8
    expect(projectToTarget(falling, 5, 2025, -1)?.status).toBe('on-track'); // 4 by 2025
    expect(projectToTarget(falling, 3.9, 2025, -1)?.status).toBe('at-risk'); // 4 is 0.1 above, < 0.195
    expect(projectToTarget(falling, 3, 2025, -1)?.status).toBe('off-track');
  });

  it('fits only the last five points', () => {
    const points = [{ x: 2015, value: 100 }, ...rising];
    expect(projectToTarget(points, 38, 2027, 1)?.projected).toBeCloseTo(38, 10);
  });

  it('judges the latest value as it stands once the target year has come', () => {
    expect(projectToTarget(rising, 32, 2024, 1)).toMatchObject({ status: 'on-track', projected: 32 });
    expect(projectToTarget(rising, 40, 2025, 1)?.status).toBe('off-track');
  });

  it('projects half-year data to the same half of the target year', () => {
    const halves = ['2024H1', '2024H2', '2025H1', '2025H2'].map((p, i) => ({ x: periodX(p), value: 80 + i }));
    const p = projectToTarget(halves, 95, 2026, 1);
    expect(p?.atX).toBe(2026.5);
    expect(p?.projected).toBeCloseTo(85, 10);
  });
});

describe('periodX', () => {
  it.each([
    ['2023', 2023],
    ['2023H2', 2023.5],
    ['2023Q3', 2023.5],
    ['2023-04', 2023.25],
  ])('%s → %s', (period, x) => expect(periodX(period)).toBe(x));
});
