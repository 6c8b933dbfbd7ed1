import { noise, type Rng } from './random';

/** Points (x, y) of a trajectory, x ascending; x is a year, with .5 for the second half-year. */
export type Anchors = readonly (readonly [number, number])[];

/** Piecewise-linear through the anchors, flat beyond both ends. */
export function interpolate(anchors: Anchors, x: number): number {
  const first = anchors[0];
  if (first === undefined) throw new Error('interpolate: no anchors');
  if (x <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (x <= b[0]) return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
  }
  return anchors[anchors.length - 1]![1];
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean: no values');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function centre(values: readonly number[]): number[] {
  const m = mean(values);
  return values.map((v) => v - m);
}

/** 0 before edge0, 1 after edge1, an S-curve between: adoption that starts slowly and saturates. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = clamp((x - edge0) / (edge1 - edge0), 0, 1);
  return t * t * (3 - 2 * t);
}

/**
 * Autocorrelated noise (AR(1), rho 0.5): a district that is ahead one year tends to stay a little
 * ahead the next, which reads as a real series rather than as jitter.
 */
export function wobble(rng: Rng, length: number, sd: number): number[] {
  const out: number[] = [];
  let previous = noise(rng, sd);
  for (let i = 0; i < length; i++) {
    out.push(previous);
    previous = 0.5 * previous + noise(rng, sd * 0.866);
  }
  return out;
}

/**
 * District series around a city trajectory. Both the systematic gaps given by `level` and the noise
 * are centred across districts in every period, so the districts' mean (which becomes the city
 * value) follows `cityPath` up to rounding and clamping. Returns values[district][period].
 */
export function districtPanel(
  rng: Rng,
  cityPath: readonly number[],
  districts: number,
  level: (district: number, cityValue: number) => number,
  sd: number,
): number[][] {
  const noiseByDistrict = Array.from({ length: districts }, () => wobble(rng, cityPath.length, sd));
  const out: number[][] = Array.from({ length: districts }, () => []);
  cityPath.forEach((cityValue, t) => {
    const gaps = centre(Array.from({ length: districts }, (_, d) => level(d, cityValue) - cityValue));
    const shocks = centre(noiseByDistrict.map((series) => series[t]!));
    for (let d = 0; d < districts; d++) out[d]!.push(cityValue + gaps[d]! + shocks[d]!);
  });
  return out;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Year periods as the importer normalises them: '2016'. */
export function years(from: number, to: number): { period: string; x: number }[] {
  return range(from, to).map((y) => ({ period: String(y), x: y }));
}

/** Half-year periods '2019H1', '2019H2', …; x is the year, plus .5 for H2. */
export function halves(from: number, to: number): { period: string; x: number }[] {
  return range(from, to).flatMap((y) => [
    { period: `${y}H1`, x: y },
    { period: `${y}H2`, x: y + 0.5 },
  ]);
}
