// The generator lives with the app, which draws rank ranges with it (src/scoring/rank-stability.ts).
import { mulberry32, type Rng } from '../../src/domain/random';

export { mulberry32, type Rng };

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
