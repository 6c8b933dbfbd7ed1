import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
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

/** The scoring method as the person set it: saved in the browser, with a reset to the defaults. */
export const useScoringStore = defineStore('scoring', () => {
  const settings = ref<ScoringSettings>({ ...DEFAULT_SETTINGS, starThresholds: [...DEFAULT_SETTINGS.starThresholds] });
  const overrides = ref<Record<string, IndicatorOverride>>({});

  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as { settings?: unknown; overrides?: Record<string, IndicatorOverride> } | null;
    if (saved) {
      settings.value = sanitizeSettings(saved.settings);
      overrides.value = saved.overrides && typeof saved.overrides === 'object' ? saved.overrides : {};
    }
  } catch {
    // Unreadable or denied storage: start from the defaults.
  }

  watch(
    [settings, overrides],
    () => {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ settings: settings.value, overrides: overrides.value }));
      } catch {
        // The settings still apply for this session.
      }
    },
    { deep: true },
  );

  function setOverride(indicatorId: string, patch: IndicatorOverride): void {
    overrides.value = { ...overrides.value, [indicatorId]: { ...overrides.value[indicatorId], ...patch } };
  }

  function reset(): void {
    settings.value = { ...DEFAULT_SETTINGS, starThresholds: [...DEFAULT_SETTINGS.starThresholds] };
    overrides.value = {};
  }

  return { settings, overrides, setOverride, reset };
});
