/**
 * A long file of a million observations (or `rows`), each key once: 500 places × 20 indicators × a
 * year per 10,000 rows from 1900.
 * The value of each row is the number of its record, which its place, indicator and year spell
 * (value = (year − 1900) × 10,000 + indicator × 500 + place), so a test can check every row by SQL.
 */
export const MILLION_ROWS = 1_000_000;

export function millionCsv(rows = MILLION_ROWS): string {
  const lines = ['地区,指标,年份,数值'];
  for (let i = 0; i < rows; i++) lines.push(`第${i % 500}区县,指标${Math.floor(i / 500) % 20},${1900 + Math.floor(i / 10_000)},${i}`);
  return lines.join('\n') + '\n';
}
