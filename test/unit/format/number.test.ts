import { describe, expect, it } from 'vitest';
import { formatChange, formatValue, roundTo } from '../../../src/format/number';

describe('formatValue', () => {
  it('sticks the percent sign to the number and spaces other units', () => {
    expect(formatValue(35.2, 1, '%', 'zh-CN')).toBe('35.2%');
    expect(formatValue(44.3, 1, '万元', 'zh-CN')).toBe('44.3 万元');
    expect(formatValue(3.8, 1, '天', 'zh-CN')).toBe('3.8 天');
    expect(formatValue(1.5, 1, '‰', 'en')).toBe('1.5‰');
  });

  it('prints the number alone when there is no unit', () => {
    expect(formatValue(7, 0, '', 'en')).toBe('7');
  });

  it('shows exactly the indicator\u2019s decimals', () => {
    expect(formatValue(35, 1, '%', 'zh-CN')).toBe('35.0%');
    expect(formatValue(35.24, 1, '%', 'zh-CN')).toBe('35.2%');
    expect(formatValue(35.25, 1, '%', 'zh-CN')).toBe('35.3%');
    expect(formatValue(12.4, 0, '个', 'zh-CN')).toBe('12 个');
    expect(formatValue(20, 2, '万元', 'zh-CN')).toBe('20.00 万元');
  });

  it('keeps decimals within 0–6', () => {
    expect(formatValue(1.23456789, 10, '', 'en')).toBe('1.234568');
    expect(formatValue(3.7, -2, '', 'en')).toBe('4');
  });

  it('groups thousands in both locales', () => {
    expect(formatValue(1234567.891, 2, '', 'en')).toBe('1,234,567.89');
    expect(formatValue(1234567.891, 2, '', 'zh-CN')).toBe('1,234,567.89');
    expect(formatValue(37058856, 0, '个', 'en')).toBe('37,058,856 个');
  });

  it('prints negatives with a minus sign', () => {
    expect(formatValue(-3.5, 1, '%', 'en')).toBe('-3.5%');
  });
});

describe('formatChange', () => {
  it('states a change of a rate in percentage points', () => {
    expect(formatChange(2.1, 1, '%', 'zh-CN')).toBe('+2.1 个百分点');
    expect(formatChange(2.1, 1, '%', 'en')).toBe('+2.1 pp');
  });

  it('reads "from 15% to 35%" as +20 points, not a relative change', () => {
    expect(formatChange(35 - 15, 1, '%', 'zh-CN')).toBe('+20.0 个百分点');
  });

  it('prints a fall with the minus sign Intl uses (ASCII hyphen-minus)', () => {
    expect(formatChange(-2.1, 1, '%', 'zh-CN')).toBe('-2.1 个百分点');
    expect(formatChange(-2.1, 1, '%', 'en')).toBe('-2.1 pp');
  });

  it('gives no sign to a change that rounds to zero', () => {
    expect(formatChange(0, 1, '%', 'en')).toBe('0.0 pp');
    expect(formatChange(-0.04, 1, '%', 'en')).toBe('0.0 pp');
    expect(formatChange(0.04, 1, '%', 'zh-CN')).toBe('0.0 个百分点');
  });

  it('keeps other units and signs them', () => {
    expect(formatChange(1.5, 1, '万元', 'zh-CN')).toBe('+1.5 万元');
    expect(formatChange(-0.5, 1, '天', 'zh-CN')).toBe('-0.5 天');
    expect(formatChange(3, 0, '', 'en')).toBe('+3');
    expect(formatChange(1234.5, 1, '', 'en')).toBe('+1,234.5');
  });
});

describe('roundTo', () => {
  it('rounds to the given decimals', () => {
    expect(roundTo(92.345, 1)).toBe(92.3);
    expect(roundTo(35.25, 1)).toBe(35.3);
    expect(roundTo(1234.5678, 2)).toBe(1234.57);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(0.04, 1)).toBe(0);
    expect(roundTo(7, 2)).toBe(7);
  });

  it('agrees with what formatValue shows for positive halves', () => {
    expect(formatValue(35.25, 1, '', 'en')).toBe(String(roundTo(35.25, 1)));
  });

  // BUG: Math.round rounds halves towards +∞, Intl (what the reader sees) rounds them away from
  // zero. -1.25 is exact in binary, so this is not float noise: formatValue shows -1.3.
  it('(the display rounds the negative half -1.25 away from zero)', () => {
    expect(formatValue(-1.25, 1, '', 'en')).toBe('-1.3');
  });

  it('rounds a negative half the way the display does (-1.25 → -1.3)', () => {
    expect(roundTo(-1.25, 1)).toBe(-1.3);
  });
});
