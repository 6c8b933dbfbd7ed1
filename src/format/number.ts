// Display formatting. Values are stored unrounded; rounding happens here only, with the
// indicator's `decimals` (docs/scoring.md section 10).

export type Locale = 'zh-CN' | 'en';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, decimals: number, signed = false): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, decimals: number, locale: Locale, signed = false): string {
  return formatter(locale, Math.max(0, Math.min(6, decimals)), signed).format(value);
}

/** `35.2%`, `44.3 万元`, `3.8 天`: percent sticks to the number, other units take a thin gap. */
export function formatValue(value: number, decimals: number, unit: string, locale: Locale): string {
  const text = formatNumber(value, decimals, locale);
  if (!unit) return text;
  return unit === '%' || unit === '‰' ? `${text}${unit}` : `${text} ${unit}`;
}

/**
 * A change between two values. For rates the difference is in percentage points, which is what
 * a reader of "from 15% to 35%" expects, not a relative change.
 */
export function formatChange(delta: number, decimals: number, unit: string, locale: Locale): string {
  const text = formatNumber(delta, decimals, locale, true);
  if (unit === '%') return locale === 'zh-CN' ? `${text} 个百分点` : `${text} pp`;
  return unit ? `${text} ${unit}` : text;
}

/**
 * Round to the indicator's decimals before comparing, so a displayed "0.0" change reads as flat.
 * Halves go away from zero, as Intl.NumberFormat prints them (Math.round sends -12.5 to -12).
 */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}
