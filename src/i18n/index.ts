import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';
import type { Locale } from '../format/number';
import { useLocal } from '../persist/local';

// `hqd.locale` is the bare word (`en`); anything else reads as Chinese. Denied storage: the
// switch still applies to this session.
const saved = useLocal<Locale>('hqd.locale', () => 'zh-CN', { read: (text) => (text === 'en' ? 'en' : 'zh-CN'), write: (locale) => locale });

export const i18n = createI18n({
  legacy: false,
  locale: saved.value,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  saved.value = locale;
}
