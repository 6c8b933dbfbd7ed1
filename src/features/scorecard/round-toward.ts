/**
 * Rounds to `decimals` toward the better side of `direction` (up where higher is better): a value
 * a person must reach, printed rounded the usual way, could fall just short of it.
 */
export function roundToward(value: number, decimals: number, direction: 1 | -1): number {
  const f = 10 ** decimals;
  // The small slack keeps 84.0000000001 (float noise over an exact 84) from becoming 84.1.
  return direction === 1 ? Math.ceil(value * f - 1e-6) / f : Math.floor(value * f + 1e-6) / f;
}
