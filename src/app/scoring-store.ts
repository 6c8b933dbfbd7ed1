import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useSaved } from '../persist/local';
import { defineVersioned } from '../persist/migrate';
import type { IndicatorOverride } from '../scoring/overrides';
import { DEFAULT_SETTINGS, type ScoringSettings } from '../scoring/settings';

const STORAGE_KEY = 'hqd.scoring';

function finite(value: unknown, fallback: number, min = -Infinity, max = Infinity): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Settings read back from storage are checked field by field: a bad value falls back to the default. */
export function sanitizeSettings(raw: unknown): ScoringSettings {
  const r = (raw ?? {}) as Partial<ScoringSettings>;
  const stars = Array.isArray(r.starThresholds) ? r.starThresholds : [];
  return {
    basicShare: finite(r.basicShare, DEFAULT_SETTINGS.basicShare, 0, 1),
    characteristicShare: finite(r.characteristicShare, DEFAULT_SETTINGS.characteristicShare, 0, 1),
    minCoverage: finite(r.minCoverage, DEFAULT_SETTINGS.minCoverage, 0, 1),
    starThresholds: DEFAULT_SETTINGS.starThresholds.map((d, i) => finite(stars[i], d, 0, 100)) as unknown as ScoringSettings['starThresholds'],
    atRiskShare: finite(r.atRiskShare, DEFAULT_SETTINGS.atRiskShare, 0, 1),
    trendPoints: Math.round(finite(r.trendPoints, DEFAULT_SETTINGS.trendPoints, 2, 20)),
  };
}

const OVERRIDE_NUMBERS = ['target', 'targetYear', 'gateMin', 'gateMaxStars'] as const;

/** Overrides read back from storage: per indicator, a field that is not what the settings panel writes is left out. */
export function sanitizeOverrides(raw: unknown): Record<string, IndicatorOverride> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: [string, IndicatorOverride][] = [];
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const o: IndicatorOverride = {};
    if (typeof v.weight === 'number' && Number.isFinite(v.weight) && v.weight >= 0) o.weight = v.weight;
    if (v.tier === 'basic' || v.tier === 'characteristic') o.tier = v.tier;
    for (const k of OVERRIDE_NUMBERS) {
      const n = v[k];
      if (n === null || (typeof n === 'number' && Number.isFinite(n))) o[k] = n;
    }
    out.push([id, o]);
  }
  return Object.fromEntries(out);
}

export interface SavedScoring {
  settings: ScoringSettings;
  overrides: Record<string, IndicatorOverride>;
}

/** `hqd.scoring` in localStorage: `{ version: 2, settings, overrides }`. */
export const SAVED_SCORING = defineVersioned<SavedScoring>({
  version: 2,
  steps: [
    // 1 → 2: the unversioned `{ settings, overrides }` saved before versions; the fields are unchanged.
    { from: 1, migrate: (old) => ({ settings: old.settings, overrides: old.overrides }) },
  ],
  sanitize: (raw) => {
    const r = (raw ?? {}) as Partial<Record<keyof SavedScoring, unknown>>;
    return { settings: sanitizeSettings(r.settings), overrides: sanitizeOverrides(r.overrides) };
  },
});

/** The scoring method as the person set it: saved in the browser, with a reset to the defaults. */
export const useScoringStore = defineStore('scoring', () => {
  const saved = useSaved(STORAGE_KEY, SAVED_SCORING);
  const settings = computed({ get: () => saved.value.settings, set: (next: ScoringSettings) => (saved.value = { ...saved.value, settings: next }) });
  const overrides = computed({
    get: () => saved.value.overrides,
    set: (next: Record<string, IndicatorOverride>) => (saved.value = { ...saved.value, overrides: next }),
  });

  function setOverride(indicatorId: string, patch: IndicatorOverride): void {
    overrides.value = { ...overrides.value, [indicatorId]: { ...overrides.value[indicatorId], ...patch } };
  }

  function reset(): void {
    saved.value = SAVED_SCORING.sanitize(null);
  }

  return { settings, overrides, setOverride, reset };
});
