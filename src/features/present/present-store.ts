import { defineStore } from 'pinia';
import { useSaved } from '../../persist/local';
import { defineVersioned } from '../../persist/migrate';
import { sanitizeShow, type Show } from './playlist';

const STORAGE_KEY = 'hqd.present';

/** `hqd.present` in localStorage: `{ version: 2, slides, seconds, org, title }`. */
export const SAVED_SHOW = defineVersioned<Show>({
  version: 2,
  steps: [
    // 1 → 2: the unversioned show saved before versions; the fields are unchanged.
    { from: 1, migrate: (old) => ({ slides: old.slides, seconds: old.seconds, org: old.org, title: old.title }) },
  ],
  sanitize: sanitizeShow,
});

/** The show as last edited, saved in the browser; a link with its own show overrides it. */
export const usePresentStore = defineStore('present', () => {
  // Storage full or denied: the show still plays from its link.
  const saved = useSaved(STORAGE_KEY, SAVED_SHOW);

  function save(show: Show): void {
    saved.value = sanitizeShow(show);
  }

  function reset(): void {
    saved.value = sanitizeShow(null);
  }

  return { saved, save, reset };
});
