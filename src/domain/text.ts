// Text normalisation shared by the period, number and name rules.

/** Replaces each character of `from` found in `text` by the character at the same place in `to`, as SQL's `translate`. */
export function translate(text: string, from: string, to: string): string {
  let out = '';
  for (const ch of text) {
    const i = from.indexOf(ch);
    out += i >= 0 ? (to[i] as string) : ch;
  }
  return out;
}
