import { describe, expect, it } from 'vitest';
import { swipeStep } from '../../../src/features/present/use-present-swipe';

describe('a swipe on Present', () => {
  it('steps forward to the left and back to the right, when far, quick and sideways enough', () => {
    expect(swipeStep(-120, 10, 200)).toBe(1);
    expect(swipeStep(120, -20, 300)).toBe(-1);
  });

  it('is no step when short, slow or mostly vertical (a scroll)', () => {
    expect(swipeStep(-30, 0, 100)).toBe(0);
    expect(swipeStep(-200, 0, 1200)).toBe(0);
    expect(swipeStep(-80, 120, 200)).toBe(0);
  });
});
