import { describe, expect, it } from 'vitest';
import { persistProblem } from '../../../src/persist/saved';

describe('persistProblem', () => {
  it('tells a full disk from storage that is switched off', () => {
    expect(persistProblem(new DOMException('quota', 'QuotaExceededError'))).toBe('full');
    expect(persistProblem(new DOMException('denied', 'SecurityError'))).toBe('unavailable');
    expect(persistProblem(new Error('IndexedDB is not available'))).toBe('unavailable');
    expect(persistProblem('odd')).toBe('unavailable');
  });
});
