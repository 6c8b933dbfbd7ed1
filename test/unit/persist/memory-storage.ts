import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';

/** localStorage for Node tests: a Map, with a switch to fail writes as a full disk does. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** localStorage as a browser with site data blocked has it: touching it throws. */
export function deniedStorage(): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access to storage is denied.', 'SecurityError');
    },
  });
}

/**
 * A fresh MemoryStorage as `localStorage` before each test of the file (and a new Pinia), removed
 * after; the function returns the current one.
 */
export function withMemoryStorage(): () => MemoryStorage {
  let storage = new MemoryStorage();
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(globalThis, 'localStorage');
  });
  return () => storage;
}
