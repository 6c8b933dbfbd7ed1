import { describe, expect, it } from 'vitest';
import { monthOf } from '../../../src/domain/months';

describe('monthOf', () => {
  it.each([
    ['January', 1], ['Januar', 1], ['janv.', 1], ['Jänner', 1], ['März', 3], ['mars', 3], ['Mai', 5],
    ['août', 8], ['Sept.', 9], ['Oktober', 10], [' December ', 12], ['Dezember', 12], ['3月', 3], ['十二月', 12],
  ])('%j is month %i', (text, month) => {
    expect(monthOf(text)).toBe(month);
  });

  it('names no month in a year, a number or a word', () => {
    for (const text of ['1991', '3', 'Insgesamt', '', 'Q1', '2021-03']) expect(monthOf(text)).toBeNull();
  });
});
