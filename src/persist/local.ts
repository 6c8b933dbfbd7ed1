import { useStorage, type RemovableRef, type Serializer } from '@vueuse/core';
import { readVersioned, writeVersioned, type Versioned } from './migrate';

/** localStorage, or nothing where touching it throws (site data blocked, some private modes). */
function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A value kept in localStorage under `key` (vueuse's useStorage, which also follows other tabs),
 * read with `serializer.read` (which must not throw). Nothing is written until the value changes,
 * so a saved copy never pins the defaults of an older release (`sync`: with a later flush,
 * useStorage writes back what it has just read). Storage denied or full: the value still applies
 * for this session.
 */
export function useLocal<T>(key: string, defaults: () => T, serializer: Serializer<T>): RemovableRef<T> {
  return useStorage<T>(key, defaults, localStore(), { serializer, writeDefaults: false, flush: 'sync', onError: () => undefined });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A versioned value in localStorage: read through its migrations and sanitizer, written with its version. */
export function useSaved<T extends object>(key: string, kind: Versioned<T>): RemovableRef<T> {
  return useLocal(key, () => kind.sanitize(null), {
    read: (text) => readVersioned(parseJson(text), kind),
    write: (value) => JSON.stringify(writeVersioned(value, kind)),
  });
}
