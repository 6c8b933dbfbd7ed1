export type Rng = () => number;

/** mulberry32: tiny, fast, and its output depends only on the seed (no platform or engine state). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One independent stream per name (FNV-1a of the name mixed with the seed), so that retuning one
 * indicator leaves every other indicator's numbers untouched.
 */
export function streamFor(seed: number, name: string): Rng {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return mulberry32(hash);
}

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/**
 * Bell-shaped noise with standard deviation `sd`, bounded at ±3 sd. Irwin–Hall (sum of three
 * uniforms) rather than Box–Muller: plain arithmetic is bit-exact everywhere, whereas Math.log and
 * Math.cos may differ in the last bit between engines and tip a rounded value.
 */
export function noise(rng: Rng, sd: number): number {
  return (rng() + rng() + rng() - 1.5) * 2 * sd;
}
