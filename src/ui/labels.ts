import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../format/number';

/** A message lookup as the models use it: the same signature as vue-i18n's `t`, so Node tests pass the real one. */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * What a pure model needs to put words on its output: the locale, the messages, and a lookup
 * that falls back to the raw text for keys the catalog does not know (a level or category an
 * upload invented, such as "片区", is shown as written).
 */
export interface Labels {
  locale: Locale;
  t: Translate;
  /** `t(key)` when the key exists, else `fallback`. */
  tOr: (key: string, fallback: string) => string;
  /** The list separator of the locale: "、" in Chinese, "; " in English. */
  separator: string;
}

/** The name of an indicator (or anything with both names) in the locale shown. */
export function nameIn(item: { name_zh: string; name_en: string }, locale: Locale): string {
  return locale === 'en' ? item.name_en : item.name_zh;
}

/** Labels from a vue-i18n composer's parts (also used by tests with `createI18n`). */
export function makeLabels(locale: Locale, t: Translate, te: (key: string) => boolean): Labels {
  return { locale, t, tOr: (key, fallback) => (te(key) ? t(key) : fallback), separator: locale === 'en' ? '; ' : '、' };
}

/** The current locale's labels, recomputed when the language switch changes. */
export function useLabels() {
  const { t, te, locale } = useI18n();
  return computed<Labels>(() => makeLabels(locale.value as Locale, (key, named) => (named ? t(key, named) : t(key)), (key) => te(key)));
}

/** The name of a level (区县, 支部, …) in words, or the level as the data wrote it. */
export function levelName(labels: Labels, level: string): string {
  return labels.tOr(`level.${level}`, level);
}

/** The name of an indicator category in words, or the category as the data wrote it. */
export function categoryName(labels: Labels, category: string): string {
  return labels.tOr(`category.${category}`, category);
}
