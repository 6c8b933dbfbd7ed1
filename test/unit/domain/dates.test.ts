import { describe, expect, it } from 'vitest';
import { dateGrain, parseDate, parsePeriods } from '../../../src/domain/dates';
import { grainOf, parsePeriod, yearOf } from '../../../src/domain/periods';
import { periodLabel } from '../../../src/format/period';

const periods = (texts: string[]) => parsePeriods(texts).map((p) => p?.period ?? null);

describe('dates as periods', () => {
  it('reads German, ISO and Chinese dates, and only real ones', () => {
    expect(parseDate('01.01.2021')).toEqual({ year: 2021, month: 1, day: 1 });
    expect(parseDate('2021-06-30')).toEqual({ year: 2021, month: 6, day: 30 });
    expect(parseDate('2021/3/1')).toEqual({ year: 2021, month: 3, day: 1 });
    expect(parseDate('2021年3月1日')).toEqual({ year: 2021, month: 3, day: 1 });
    expect(parseDate('31.02.2021')).toBeNull();
    expect(parseDate('2021-03')).toBeNull();
  });

  it('takes the coarsest grain all of a file’s dates begin or end', () => {
    expect(periods(['01.01.2020', '01.01.2021'])).toEqual(['2020', '2021']);
    expect(periods(['31.12.2019', '31.12.2020'])).toEqual(['2019', '2020']);
    expect(periods(['2021-01-01', '2021-07-01'])).toEqual(['2021H1', '2021H2']);
    expect(periods(['2021-01-01', '2021-04-01', '2021-10-01'])).toEqual(['2021Q1', '2021Q2', '2021Q4']);
    expect(periods(['2021-03-31', '2021-06-30', '2021-09-30'])).toEqual(['2021Q1', '2021Q2', '2021Q3']);
    expect(periods(['2021-01-01', '2021-02-01', '2021-04-01'])).toEqual(['2021-01', '2021-02', '2021-04']);
    expect(periods(['2021-01-31', '2021-02-28'])).toEqual(['2021-01', '2021-02']);
    // A quarter's last day is that quarter; another day, the same each year, is the year.
    expect(periods(['30.09.2020', '30.09.2021'])).toEqual(['2020Q3', '2021Q3']);
    expect(periods(['15.06.2020', '15.06.2021'])).toEqual(['2020', '2021']);
  });

  it('reads no period from dates spread through months, and leaves other spellings alone', () => {
    expect(dateGrain([{ year: 2021, month: 1, day: 15 }, { year: 2021, month: 2, day: 3 }])).toBeNull();
    expect(periods(['2021-01-15', '2021-02-03', '2022'])).toEqual([null, null, '2022']);
  });
});

describe('historical years', () => {
  it('are read in a period column, and never suggest one', () => {
    expect(parsePeriod('-10000', true)).toEqual({ period: '-10000', grain: 'year', start: '10001-01-01 (BC)' });
    expect(parsePeriod('800', true)).toEqual({ period: '800', grain: 'year', start: '0800-01-01' });
    expect(parsePeriod('1650', true)?.period).toBe('1650');
    expect(parsePeriod('-500')).toBeNull();
    expect(parsePeriod('12')).toBeNull();
    expect(parsePeriod('1650')).toBeNull();
  });

  it('keep their grain, year and label', () => {
    expect(['-500', '800', '2023-03'].map(grainOf)).toEqual(['year', 'year', 'month']);
    expect(['-500', '800', '2023-03', '2023Q1'].map(yearOf)).toEqual([-500, 800, 2023, 2023]);
    const t = (key: string, v?: Record<string, unknown>) => (key === 'period.bce' ? `${String(v?.year)} BCE` : key);
    expect(periodLabel('-10000', t)).toBe('10000 BCE');
    expect(periodLabel('800', t)).toBe('800');
  });

  it('semesters and trimestres are halves and quarters', () => {
    expect(parsePeriod('2023-S2')?.period).toBe('2023H2');
    expect(parsePeriod('2023-T3')?.period).toBe('2023Q3');
  });
});
