import { grainOf, yearOf } from '../domain/periods';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** `2023H1` → `2023 上半年` / `H1 2023`; other grains likewise, in the interface language. */
export function periodLabel(period: string, t: Translate): string {
  const year = String(yearOf(period));
  switch (grainOf(period)) {
    case 'half':
      return t(period.endsWith('1') ? 'period.half1' : 'period.half2', { year });
    case 'quarter':
      return t('period.quarter', { year, q: period.slice(-1) });
    case 'month':
      return t('period.month', { year, m: Number(period.slice(5, 7)) });
    default:
      // Years before the common era (OWID's `-10000`) in words: `公元前 10000 年`, `10000 BCE`.
      return yearOf(period) < 0 ? t('period.bce', { year: -yearOf(period) }) : year;
  }
}
