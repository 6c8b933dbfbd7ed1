import { describe, expect, it } from 'vitest';
import { grainOf, normalPeriod, parsePeriod, yearOf } from '../../../src/domain/periods';
import type { Grain } from '../../../src/domain/periods';

type Case = [input: string, period: string, grain: Grain, start: string];

// docs/data-format.md section 6: every accepted spelling, its normal form, grain and first day.
const ACCEPTED: Case[] = [
  ['2023', '2023', 'year', '2023-01-01'],
  ['2023年', '2023', 'year', '2023-01-01'],
  ['2023 [YR2023]', '2023', 'year', '2023-01-01'],
  ['FY2023', '2023', 'year', '2023-01-01'],
  ['2023H1', '2023H1', 'half', '2023-01-01'],
  ['2023-H2', '2023H2', 'half', '2023-07-01'],
  ['2023上半年', '2023H1', 'half', '2023-01-01'],
  ['2023年下半年', '2023H2', 'half', '2023-07-01'],
  ['2023Q1', '2023Q1', 'quarter', '2023-01-01'],
  ['2023-Q3', '2023Q3', 'quarter', '2023-07-01'],
  ['2023年第一季度', '2023Q1', 'quarter', '2023-01-01'],
  ['2023年1季度', '2023Q1', 'quarter', '2023-01-01'],
  ['2023-03', '2023-03', 'month', '2023-03-01'],
  ['2023/3', '2023-03', 'month', '2023-03-01'],
  ['2023年3月', '2023-03', 'month', '2023-03-01'],
  ['202303', '2023-03', 'month', '2023-03-01'],
];

describe('parsePeriod: the spellings of docs/data-format.md section 6', () => {
  it.each(ACCEPTED)('%s → %s (%s, starts %s)', (input, period, grain, start) => {
    expect(parsePeriod(input)).toEqual({ period, grain, start });
  });
});

describe('parsePeriod: other real-world spellings', () => {
  it('reads Statistics Canada quarters written "Q4 2012"', () => {
    expect(parsePeriod('Q4 2012')).toEqual({ period: '2012Q4', grain: 'quarter', start: '2012-10-01' });
  });

  it('reads full-width digits from Chinese spreadsheets', () => {
    expect(parsePeriod('２０２３')).toEqual({ period: '2023', grain: 'year', start: '2023-01-01' });
    expect(parsePeriod('２０２３年第四季度')).toEqual({ period: '2023Q4', grain: 'quarter', start: '2023-10-01' });
  });

  it('ignores surrounding ASCII and ideographic spaces', () => {
    expect(parsePeriod('  2023Q2 ')).toEqual({ period: '2023Q2', grain: 'quarter', start: '2023-04-01' });
    expect(parsePeriod('\u30002023年\u3000')).toEqual({ period: '2023', grain: 'year', start: '2023-01-01' });
    expect(parsePeriod('\t2023-12\t')).toEqual({ period: '2023-12', grain: 'month', start: '2023-12-01' });
  });

  it('is not case-sensitive about FY, H and Q', () => {
    expect(parsePeriod('fy2021')?.period).toBe('2021');
    expect(parsePeriod('2021h2')?.period).toBe('2021H2');
    expect(parsePeriod('2021q4')?.period).toBe('2021Q4');
  });

  it('gives each quarter and half its own first day', () => {
    expect(parsePeriod('2020Q2')?.start).toBe('2020-04-01');
    expect(parsePeriod('2020Q3')?.start).toBe('2020-07-01');
    expect(parsePeriod('2020Q4')?.start).toBe('2020-10-01');
    expect(parsePeriod('2020H2')?.start).toBe('2020-07-01');
    expect(parsePeriod('2020年12月')?.start).toBe('2020-12-01');
  });
});

describe('parsePeriod: rejections', () => {
  it.each([
    ['2023-13', 'month 13'],
    ['202313', 'compact month 13'],
    ['2023-00', 'month 0'],
    ['2023Q5', 'quarter 5'],
    ['2023Q0', 'quarter 0'],
    ['2023H3', 'half 3'],
    ['abc', 'not a period'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['1700', 'year before 1800'],
    ['2201', 'year after 2200'],
    ['20231', 'five digits'],
    ['2023-03-15', 'a day, not a month'],
  ])('%s (%s) → null', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });

  it('accepts the year bounds themselves', () => {
    expect(parsePeriod('1800')?.period).toBe('1800');
    expect(parsePeriod('2200')?.period).toBe('2200');
  });
});

describe('grainOf and yearOf on normal forms', () => {
  it.each([
    ['2023', 'year', 2023],
    ['2023H1', 'half', 2023],
    ['2019Q3', 'quarter', 2019],
    ['2021-11', 'month', 2021],
  ] as const)('%s is a %s of %i', (period, grain, year) => {
    expect(grainOf(period)).toBe(grain);
    expect(yearOf(period)).toBe(year);
  });

  it('agrees with parsePeriod on every accepted spelling', () => {
    for (const [input, , grain] of ACCEPTED) {
      const parsed = parsePeriod(input);
      expect(parsed, input).not.toBeNull();
      expect(grainOf(parsed?.period ?? '')).toBe(grain);
      expect(yearOf(parsed?.period ?? '')).toBe(2023);
    }
  });
});

describe('normalPeriod', () => {
  it('writes each grain in its normal form, months zero-padded', () => {
    expect(normalPeriod('year', 2023, 0)).toBe('2023');
    expect(normalPeriod('half', 2023, 2)).toBe('2023H2');
    expect(normalPeriod('quarter', 2023, 3)).toBe('2023Q3');
    expect(normalPeriod('month', 2023, 3)).toBe('2023-03');
    expect(normalPeriod('month', 2023, 12)).toBe('2023-12');
  });

  it('refuses parts out of range for the grain', () => {
    expect(normalPeriod('half', 2023, 3)).toBeNull();
    expect(normalPeriod('quarter', 2023, 5)).toBeNull();
    expect(normalPeriod('quarter', 2023, 0)).toBeNull();
    expect(normalPeriod('month', 2023, 13)).toBeNull();
  });

  it('refuses years outside 1800–2200', () => {
    expect(normalPeriod('year', 1799, 0)).toBeNull();
    expect(normalPeriod('year', 2201, 0)).toBeNull();
    expect(normalPeriod('month', 1700, 1)).toBeNull();
  });
});
