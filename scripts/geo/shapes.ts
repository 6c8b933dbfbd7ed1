// Plane geometry for the sample's fictional map: a blob-shaped city outline, cut into cells around
// seed points (a Voronoi diagram, each cell clipped to the outline), each cell cut again for towns.
// Pure and deterministic: the same seeds give the same file.
import type { Rng } from '../../src/domain/random';

export type Point = [number, number];
export type Ring = Point[];

/** A closed outline around `center` whose radius wanders smoothly with the angle. */
export function blob(center: Point, radius: number, rng: Rng, points = 96): Ring {
  const waves = [2, 3, 5, 7].map((k) => ({ k, amplitude: (0.04 + rng() * 0.07) / Math.sqrt(k), phase: rng() * Math.PI * 2 }));
  const ring: Ring = [];
  for (let i = 0; i < points; i++) {
    const angle = (i / points) * Math.PI * 2;
    const r = radius * (1 + waves.reduce((sum, w) => sum + w.amplitude * Math.sin(w.k * angle + w.phase), 0));
    ring.push([center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle) * 0.82]);
  }
  return ring;
}

/** The part of `ring` on the side of the line through `a` and `b` where `inside` is (Sutherland–Hodgman). */
function clipHalfPlane(ring: Ring, keep: (p: Point) => number): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as Point;
    const q = ring[(i + 1) % ring.length] as Point;
    const dp = keep(p);
    const dq = keep(q);
    if (dp >= 0) out.push(p);
    if (dp >= 0 !== dq >= 0) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The cell of `seeds[index]`: the points of `outline` nearer to it than to any other seed. */
export function voronoiCell(outline: Ring, seeds: readonly Point[], index: number): Ring {
  const s = seeds[index] as Point;
  let cell = outline;
  seeds.forEach((o, j) => {
    if (j === index) return;
    // Keep the points p with |p - s| <= |p - o|: (o - s) · (p - m) <= 0, m the midpoint.
    const m: Point = [(s[0] + o[0]) / 2, (s[1] + o[1]) / 2];
    cell = clipHalfPlane(cell, (p) => -((o[0] - s[0]) * (p[0] - m[0]) + (o[1] - s[1]) * (p[1] - m[1])));
  });
  return cell;
}

export function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Point;
    const [x2, y2] = ring[(i + 1) % ring.length] as Point;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** The centre of mass of a polygon: where a region's label goes. */
export function centroid(ring: Ring): Point {
  const a = area(ring);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Point;
    const [x2, y2] = ring[(i + 1) % ring.length] as Point;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** A random point well inside `ring` (rejection sampling around its centroid). */
export function pointInside(ring: Ring, rng: Rng, spread = 0.6): Point {
  const c = centroid(ring);
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const w = (Math.max(...xs) - Math.min(...xs)) * spread;
  const h = (Math.max(...ys) - Math.min(...ys)) * spread;
  for (let tries = 0; tries < 200; tries++) {
    const p: Point = [c[0] + (rng() - 0.5) * w, c[1] + (rng() - 0.5) * h];
    if (contains(ring, p)) return p;
  }
  return c;
}

/** Whether `p` is inside `ring` (even-odd rule). */
export function contains(ring: Ring, p: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Coordinates to five decimals (about a metre on the ground): the file stays small and stable. */
export const rounded = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
