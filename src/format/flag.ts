import { KNOWN_FLAGS } from '../domain/flags';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const KNOWN = new Set<string>(KNOWN_FLAGS);

/**
 * A flag in words: `bep` → `b 序列中断 · e 估计值 · p 临时数据`. A flag of other letters (a
 * publisher's own codes, a flag column's text) is shown as written.
 */
export function flagLabel(flag: string, t: Translate): string {
  const letters = [...flag];
  if (!/^[a-z]{1,3}$/.test(flag) || !letters.every((l) => KNOWN.has(l))) return flag;
  return letters.map((l) => `${l} ${t(`flag.${l}`)}`).join(' · ');
}
