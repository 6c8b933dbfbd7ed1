import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { DEFAULT_SHOW, sanitizeShow, type Show } from './playlist';

const STORAGE_KEY = 'hqd.present';

/** The show as last edited, saved in the browser; a link with its own show overrides it. */
export const usePresentStore = defineStore('present', () => {
  const saved = ref<Show>(sanitizeShow(null));
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) saved.value = sanitizeShow(JSON.parse(raw));
  } catch {
    // Unreadable or denied storage: the default show.
  }

  watch(
    saved,
    (show) => {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(show));
      } catch {
        // Storage full or denied: the show still plays from its link.
      }
    },
    { deep: true },
  );

  function save(show: Show): void {
    saved.value = sanitizeShow(show);
  }

  function reset(): void {
    saved.value = { ...DEFAULT_SHOW, slides: [...DEFAULT_SHOW.slides] };
  }

  return { saved, save, reset };
});
