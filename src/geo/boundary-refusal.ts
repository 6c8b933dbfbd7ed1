// Why a boundaries file is refused, apart from its parser (parse-boundaries.ts), so that what
// reports a refusal does not load the parser and TopoJSON's converter with the page.
export type BoundaryRefusal = 'too-large' | 'json' | 'not-geojson' | 'no-features' | 'geometry' | 'self-intersecting' | 'too-many-points';

export class BoundaryRefused extends Error {
  constructor(
    readonly reason: BoundaryRefusal,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'BoundaryRefused';
  }
}

/** A district-level file of a province is a few megabytes; past this it is not boundaries to draw in a browser. */
export const MAX_BOUNDARY_BYTES = 50 * 1024 ** 2;
/** Points in all rings: enough for every town of a large city at DataV's detail. */
export const MAX_POINTS = 2_000_000;
