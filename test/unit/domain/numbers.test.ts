import { describe, expect, it } from 'vitest';
import { isMissing, parseNumber } from '../../../src/domain/numbers';

// docs/data-format.md section 7: missing markers produce no row and are not errors; numbers may carry
// thousands separators, a percent sign, full-width digits or stray spaces.

describe('isMissing / parseNumber on missing markers', () => {
  // ':' is Eurostat's "not available", a lone '.' Destatis' (and Stata's).
  it.each(['', '..', '-', '—', 'NA', 'N/A', 'null', '无', ':', '.', ' : '])('%j is missing and has no number', (raw) => {
    expect(isMissing(raw)).toBe(true);
    expect(parseNumber(raw)).toBeNull();
  });

  it('compares markers without regard to case or surrounding spaces', () => {
    expect(isMissing('na')).toBe(true);
    expect(isMissing('n/a')).toBe(true);
    expect(isMissing('NULL')).toBe(true);
    expect(isMissing(' .. ')).toBe(true);
    expect(isMissing('   ')).toBe(true);
    expect(isMissing('\u00a0')).toBe(true);
  });

  it('treats null and undefined cells as missing', () => {
    expect(isMissing(null)).toBe(true);
    expect(isMissing(undefined)).toBe(true);
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it('does not call zero or garbage missing (garbage is an error, zero is a value)', () => {
    expect(isMissing('0')).toBe(false);
    expect(isMissing('abc')).toBe(false);
    expect(isMissing('12a')).toBe(false);
  });
});

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['3.14', 3.14],
    ['0', 0],
    ['.5', 0.5],
    ['1,234.5', 1234.5],
    ['37,058,856', 37058856],
    ['-1,234,567.25', -1234567.25],
    ['45%', 45],
    ['45 %', 45],
    ['99.5%', 99.5],
    ['１２３．５', 123.5],
    ['１，２３４', 1234],
    ['－８', -8],
    ['12.5   ', 12.5],
    ['12.5\u00a0', 12.5],
    ['\u00a0 7 \u3000', 7],
    ['-3.2', -3.2],
    ['+5', 5],
    ['1.5e3', 1500],
    ['2E-2', 0.02],
  ])('%j → %d', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
    expect(isMissing(raw)).toBe(false);
  });

  it.each([
    'abc',
    '1,23',
    '1,2345',
    '12a',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '%',
    '1.2.3',
    '12 34',
    '0x1A',
  ])('%j → null (not a number, and not missing either)', (raw) => {
    expect(parseNumber(raw)).toBeNull();
    expect(isMissing(raw)).toBe(false);
  });
});
