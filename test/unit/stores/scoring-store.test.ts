import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { SAVED_SCORING, sanitizeOverrides, useScoringStore } from '../../../src/app/scoring-store';
import { migrate } from '../../../src/persist/migrate';
import { DEFAULT_SETTINGS } from '../../../src/scoring/settings';
import { deniedStorage, withMemoryStorage } from '../persist/memory-storage';

// `hqd.scoring` exactly as the store wrote it before saved values carried a version.
const V1 = {
  settings: { basicShare: 0.7, characteristicShare: 0.3, minCoverage: 0.5, starThresholds: [95, 85, 75, 65], atRiskShare: 0.05, trendPoints: 6 },
  overrides: { public_satisfaction: { weight: 3, target: 99.9 }, party_members: { tier: 'characteristic', gateMin: null } },
};

const current = withMemoryStorage();

describe('saved scoring settings: version 1 → 2', () => {
  it('the step keeps the settings and overrides of the unversioned shape', () => {
    const step = SAVED_SCORING.steps[0]!;
    expect(step.from).toBe(1);
    expect(step.migrate(V1)).toEqual(V1);
    expect(migrate(V1, SAVED_SCORING)).toEqual({ ...V1, version: 2 });
  });

  it('the store reads the old shape and writes it back versioned on the next change', () => {
    current().setItem('hqd.scoring', JSON.stringify(V1));
    const store = useScoringStore();
    expect(store.settings).toEqual(V1.settings);
    expect(store.overrides).toEqual(V1.overrides);
    expect(current().getItem('hqd.scoring')).toBe(JSON.stringify(V1));
    store.settings.basicShare = 0.6;
    expect(JSON.parse(current().getItem('hqd.scoring') ?? '')).toEqual({ version: 2, ...V1, settings: { ...V1.settings, basicShare: 0.6 } });
  });
});

describe('scoring store persistence', () => {
  it('saves overrides and a reset, and reads them back', () => {
    const store = useScoringStore();
    store.setOverride('a', { weight: 2 });
    store.setOverride('a', { target: 50 });
    expect(JSON.parse(current().getItem('hqd.scoring') ?? '')).toEqual({ version: 2, settings: DEFAULT_SETTINGS, overrides: { a: { weight: 2, target: 50 } } });
    setActivePinia(createPinia());
    expect(useScoringStore().overrides).toEqual({ a: { weight: 2, target: 50 } });
    useScoringStore().reset();
    expect(JSON.parse(current().getItem('hqd.scoring') ?? '')).toEqual({ version: 2, settings: DEFAULT_SETTINGS, overrides: {} });
    expect(DEFAULT_SETTINGS.starThresholds).toEqual([90, 80, 70, 60]);
  });

  it('gives the defaults for a corrupt or hand-edited value, never a crash', () => {
    for (const text of ['{"settings":', 'true', '[]', '{"version":2,"settings":"x","overrides":[1]}', '{"version":"two","overrides":{"a":5}}']) {
      current().setItem('hqd.scoring', text);
      setActivePinia(createPinia());
      const store = useScoringStore();
      expect(store.settings, text).toEqual(DEFAULT_SETTINGS);
      expect(store.overrides, text).toEqual({});
    }
  });

  it('keeps the settings for the session when storage is denied or full', () => {
    vi.unstubAllGlobals();
    deniedStorage();
    const denied = useScoringStore();
    denied.settings.trendPoints = 8;
    expect(denied.settings.trendPoints).toBe(8);
    Reflect.deleteProperty(globalThis, 'localStorage');
    vi.stubGlobal('localStorage', current());
    setActivePinia(createPinia());
    current().full = true;
    const full = useScoringStore();
    full.setOverride('b', { weight: 1 });
    expect(full.overrides).toEqual({ b: { weight: 1 } });
    expect(current().getItem('hqd.scoring')).toBeNull();
  });
});

describe('sanitizeOverrides', () => {
  it('keeps what the settings panel writes and leaves out anything else', () => {
    expect(
      sanitizeOverrides({
        a: { weight: 2, tier: 'basic', target: null, targetYear: 2027, gateMin: 90, gateMaxStars: 3 },
        b: { weight: -1, tier: 'gold', target: '95', targetYear: Infinity, extra: 1 },
        c: 'nonsense',
        d: null,
      }),
    ).toEqual({ a: { weight: 2, tier: 'basic', target: null, targetYear: 2027, gateMin: 90, gateMaxStars: 3 }, b: {} });
    expect(sanitizeOverrides([{ weight: 1 }])).toEqual({});
    expect(sanitizeOverrides('x')).toEqual({});
    expect(Object.getPrototypeOf(sanitizeOverrides(JSON.parse('{"__proto__":{"weight":1}}')))).toBe(Object.prototype);
  });
});
