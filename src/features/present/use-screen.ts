import { onBeforeUnmount, onMounted, ref } from 'vue';
import { screenUnit } from '../../charts/screen-scale';

/**
 * The screen the show is on: its type unit (the CSS of Present uses the same rule,
 * `max(18px, 1.8vh)`) and the factor charts scale their text by, kept current on resize.
 */
export function useScreen() {
  const unit = ref(screenUnit(window.innerHeight));
  const width = ref(window.innerWidth);
  const wide = ref(window.innerWidth / window.innerHeight);
  const measure = () => {
    unit.value = screenUnit(window.innerHeight);
    width.value = window.innerWidth;
    wide.value = window.innerWidth / window.innerHeight;
  };
  onMounted(() => window.addEventListener('resize', measure));
  onBeforeUnmount(() => window.removeEventListener('resize', measure));
  return { unit, width, wide };
}
