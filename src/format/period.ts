import { grainOf } from '../domain/periods';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** `2023H1` → `2023 上半年` / `H1 2023`; other grains likewise, in the interface language. */
export function periodLabel(period: string, t: Translate): string {
  const year = period.slice(0, 4);
  switch (grainOf(period)) {
    case 'half':
      return t(period.endsWith('1') ? 'period.half1' : 'period.half2', { year });
    case 'quarter':
      return t('period.quarter', { year, q: period.slice(-1) });
    case 'month':
      return t('period.month', { year, m: Number(period.slice(5, 7)) });
    default:
      return year;
  }
}
