import { describe, expect, it } from 'vitest';
import { defineVersioned, migrate, readVersioned, savedVersion, writeVersioned, type Versioned } from '../../../src/persist/migrate';

// A kind at version 3 whose steps leave a trace, to see which run and in which order.
interface Now {
  name: string;
  size: number;
}
const sanitize = (raw: unknown): Now => {
  const r = (raw ?? {}) as Record<string, unknown>;
  return { name: typeof r.name === 'string' ? r.name : 'default', size: typeof r.size === 'number' ? r.size : 0 };
};
const KIND: Versioned<Now> = defineVersioned<Now>({
  version: 3,
  steps: [
    { from: 1, migrate: (old) => ({ name: old.title, size: old.size, trail: '1' }) },
    { from: 2, migrate: (old) => ({ ...old, size: Number(old.size) * 10, trail: `${String(old.trail)}2` }) },
  ],
  sanitize,
});

describe('saved-shape migrations', () => {
  it('reads an unversioned value as version 1, and a nonsensical version too', () => {
    expect(savedVersion({ title: 'x' })).toBe(1);
    expect(savedVersion({ version: 0 })).toBe(1);
    expect(savedVersion({ version: '2' })).toBe(1);
    expect(savedVersion({ version: 2.5 })).toBe(1);
    expect(savedVersion({ version: 2 })).toBe(2);
  });

  it('runs every step from the saved version on, in order, and stamps each result with its version', () => {
    expect(migrate({ title: 'a', size: 1 }, KIND)).toEqual({ name: 'a', size: 10, trail: '12', version: 3 });
    expect(migrate({ version: 2, name: 'b', size: 2, trail: '' }, KIND)).toEqual({ name: 'b', size: 20, trail: '2', version: 3 });
    expect(migrate({ version: 3, name: 'c', size: 3 }, KIND)).toEqual({ version: 3, name: 'c', size: 3 });
  });

  it('leaves a value from a newer release as it is, for the sanitizer to keep what it knows', () => {
    expect(migrate({ version: 9, name: 'd', size: 4, extra: true }, KIND)).toEqual({ version: 9, name: 'd', size: 4, extra: true });
    expect(readVersioned({ version: 9, name: 'd', size: 4, extra: true }, KIND)).toEqual({ name: 'd', size: 4 });
  });

  it('gives the defaults for anything that is not a saved object, or a step that throws', () => {
    for (const raw of [null, undefined, 'text', 42, [1, 2], true]) {
      expect(migrate(raw, KIND)).toBeNull();
      expect(readVersioned(raw, KIND)).toEqual({ name: 'default', size: 0 });
    }
    const throwing = defineVersioned<Now>({ version: 2, steps: [{ from: 1, migrate: () => { throw new Error('bad'); } }], sanitize });
    expect(readVersioned({ name: 'x' }, throwing)).toEqual({ name: 'default', size: 0 });
  });

  it('writes the current version in front of the fields', () => {
    const written = writeVersioned({ name: 'e', size: 5 }, KIND);
    expect(JSON.stringify(written)).toBe('{"version":3,"name":"e","size":5}');
    expect(writeVersioned({ version: 1, name: 'f' }, KIND)).toEqual({ version: 3, name: 'f' });
  });

  it('refuses a list of steps with a gap, a step out of place, or a missing last step', () => {
    const step = (from: number) => ({ from, migrate: (old: Record<string, unknown>) => old });
    expect(() => defineVersioned({ version: 3, steps: [step(1), step(3)], sanitize })).toThrow(/expected 2/);
    expect(() => defineVersioned({ version: 3, steps: [step(2), step(1)], sanitize })).toThrow(/expected 1/);
    expect(() => defineVersioned({ version: 3, steps: [step(1)], sanitize })).toThrow(/needs 2/);
    expect(() => defineVersioned({ version: 1, steps: [], sanitize })).not.toThrow();
  });
});
