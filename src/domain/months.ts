import { trimBlank } from './text';

// Month names, for statistics offices that write the year in one column and the month in the
// next (Destatis GENESIS: `1991;January;64.0`). Both columns together are the period: `1991-01`.
// One table for the sniffer (TypeScript) and the load (SQL twin below).

const NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', '一月', '1月'],
  ['february', 'feb', 'februar', 'février', 'févr', 'fevrier', '二月', '2月'],
  ['march', 'mar', 'märz', 'maerz', 'mars', '三月', '3月'],
  ['april', 'apr', 'avril', 'avr', '四月', '4月'],
  ['may', 'mai', '五月', '5月'],
  ['june', 'jun', 'juni', 'juin', '六月', '6月'],
  ['july', 'jul', 'juli', 'juillet', 'juil', '七月', '7月'],
  ['august', 'aug', 'août', 'aout', '八月', '8月'],
  ['september', 'sep', 'sept', 'septembre', '九月', '9月'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', '十月', '10月'],
  ['november', 'nov', 'novembre', '十一月', '11月'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', '十二月', '12月'],
];

/** Lower-case name → month number. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/** The month a cell names (`January`, `Januar`, `janv.`, `3月`), or null. */
export function monthOf(text: string): number | null {
  return MONTH_NUMBERS.get(trimBlank(text).toLowerCase().replace(/\.+$/, '')) ?? null;
}
