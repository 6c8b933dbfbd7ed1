import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { useSaved } from '../../../src/persist/local';
import { defineVersioned } from '../../../src/persist/migrate';
import { deniedStorage, withMemoryStorage } from './memory-storage';

interface Prefs {
  size: number;
}
const PREFS = defineVersioned<Prefs>({
  version: 2,
  steps: [{ from: 1, migrate: (old) => ({ size: old.px }) }],
  sanitize: (raw) => {
    const size = (raw as { size?: unknown } | null)?.size;
    return { size: typeof size === 'number' ? size : 12 };
  },
});

const current = withMemoryStorage();

describe('values kept in localStorage (useStorage with a versioned serializer)', () => {
  it('reads an older shape through its migration and writes the current one on change', async () => {
    current().setItem('k', '{"px":20}');
    const prefs = useSaved('k', PREFS);
    expect(prefs.value).toEqual({ size: 20 });
    // Reading alone writes nothing.
    await nextTick();
    expect(current().getItem('k')).toBe('{"px":20}');
    prefs.value.size = 24;
    await nextTick();
    expect(current().getItem('k')).toBe('{"version":2,"size":24}');
  });

  it('gives the defaults for a corrupt or hand-edited value, and writes nothing until a change', async () => {
    for (const text of ['{not json', '"a string"', '[1,2]', 'null', '{"version":2,"size":"big"}']) {
      current().setItem('k', text);
      expect(useSaved('k', PREFS).value, text).toEqual({ size: 12 });
    }
    current().removeItem('k');
    useSaved('k', PREFS);
    await nextTick();
    expect(current().getItem('k')).toBeNull();
  });

  it('keeps working for the session when storage is full', async () => {
    const prefs = useSaved('k', PREFS);
    current().full = true;
    prefs.value = { size: 30 };
    await nextTick();
    expect(prefs.value).toEqual({ size: 30 });
    expect(current().getItem('k')).toBeNull();
  });

  it('keeps working for the session when storage is denied', async () => {
    vi.unstubAllGlobals();
    deniedStorage();
    const prefs = useSaved('k', PREFS);
    expect(prefs.value).toEqual({ size: 12 });
    prefs.value = { size: 14 };
    await nextTick();
    expect(prefs.value).toEqual({ size: 14 });
  });
});

describe('the language kept in localStorage', () => {
  const load = async () => {
    vi.resetModules();
    return (await import('../../../src/i18n/index')).i18n.global.locale.value;
  };

  it('reads the bare word as before; anything else is Chinese', async () => {
    current().setItem('hqd.locale', 'en');
    expect(await load()).toBe('en');
    current().setItem('hqd.locale', '{"en":1}');
    expect(await load()).toBe('zh-CN');
    current().removeItem('hqd.locale');
    expect(await load()).toBe('zh-CN');
  });

  it('starts in Chinese when storage is denied', async () => {
    vi.unstubAllGlobals();
    deniedStorage();
    expect(await load()).toBe('zh-CN');
  });
});
