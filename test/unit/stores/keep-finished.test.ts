import { describe, expect, it } from 'vitest';
import { keepNewestFinished, type DraftStatus } from '../../../src/features/data/imports-store';

const d = (id: number, status: DraftStatus) => ({ id, status });

describe('finished imports kept on the Data view', () => {
  it('keeps every unfinished draft and the newest finished ones, in order', () => {
    const drafts = [d(9, 'review'), d(8, 'done'), d(7, 'refused'), d(6, 'importing'), d(5, 'cancelled'), d(4, 'done'), d(3, 'inspecting'), d(2, 'done')];
    expect(keepNewestFinished(drafts, 2).map((x) => x.id)).toEqual([9, 8, 7, 6, 3]);
    expect(keepNewestFinished(drafts, 10)).toEqual(drafts);
  });

  it('keeps twenty by default', () => {
    const many = Array.from({ length: 50 }, (_, i) => d(50 - i, 'done'));
    expect(keepNewestFinished(many).map((x) => x.id)).toEqual(many.slice(0, 20).map((x) => x.id));
  });
});
