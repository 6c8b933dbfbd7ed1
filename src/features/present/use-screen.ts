import { useWindowSize } from '@vueuse/core';
import { computed } from 'vue';
import { screenUnit } from '../../charts/screen-scale';

/**
 * The screen the show is on: its type unit (the CSS of Present uses the same rule,
 * `max(18px, 1.8vh)`) and the factor charts scale their text by, kept current on resize.
 */
export function useScreen() {
  const { width, height } = useWindowSize();
  return { unit: computed(() => screenUnit(height.value)), width, wide: computed(() => width.value / height.value) };
}
