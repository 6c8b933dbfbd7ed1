/**
 * The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above `value`, so an axis ends on a
 * round figure instead of the largest data value. Rates stop at 100 when nothing exceeds it.
 */
export function niceCeil(value: number, unit = ''): number {
  if (!(value > 0)) return value <= 0 ? 0 : 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value - 1e-9) ?? 10;
  const nice = step * power;
  return unit === '%' && value <= 100 && nice > 100 ? 100 : nice;
}
