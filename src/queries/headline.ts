import type { IndicatorInfo } from './indicators';

/**
 * The headline indicators for KPI tiles: the heaviest basic indicator of each category first
 * (so every theme is represented), then the rest by weight, up to `count`.
 */
export function pickHeadline(indicators: readonly IndicatorInfo[], available: ReadonlySet<string>, count: number): IndicatorInfo[] {
  const candidates = indicators
    .filter((i) => available.has(i.indicator_id))
    .sort((a, b) => Number(a.tier !== 'basic') - Number(b.tier !== 'basic') || b.weight - a.weight || a.indicator_id.localeCompare(b.indicator_id));
  const picked: IndicatorInfo[] = [];
  const categories = new Set<string>();
  for (const i of candidates) {
    if (picked.length < count && !categories.has(i.category)) {
      picked.push(i);
      categories.add(i.category);
    }
  }
  for (const i of candidates) if (picked.length < count && !picked.includes(i)) picked.push(i);
  return picked;
}
