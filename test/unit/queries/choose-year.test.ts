import { describe, expect, it } from 'vitest';
import { chooseYear } from '../../../src/queries/indicators';

describe('the year a view shows', () => {
  it('is the one asked for when the data has it, else the latest', () => {
    expect(chooseYear(2023, [2025, 2024, 2023])).toBe(2023);
    expect(chooseYear(2019, [2025, 2024])).toBe(2025);
    expect(chooseYear(null, [2025, 2024])).toBe(2025);
    expect(chooseYear(null, [])).toBe(new Date().getFullYear());
  });
});
