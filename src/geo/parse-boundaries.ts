import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { GeoCollection, GeoFeature } from './boundaries';

/**
 * A boundaries file a person brings (GeoJSON FeatureCollection, as DataV GeoAtlas exports it, or
 * TopoJSON) as the polygons the maps draw, or a refusal in words. Only polygons count; names are
 * kept as text whatever they hold (they are drawn on a canvas and shown with textContent).
 */
import { BoundaryRefused, MAX_POINTS, MAX_BOUNDARY_BYTES } from './boundary-refusal';

export { BoundaryRefused, MAX_BOUNDARY_BYTES, MAX_POINTS };

type Position = [number, number];

/** Whether segments ab and cd cross (touching at an end shared by neighbours does not count). */
function cross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/**
 * Whether a closed ring crosses itself. Segments are sorted by their left end and compared only
 * with those whose x ranges overlap: close to linear on the rings of real boundaries.
 */
export function selfIntersects(ring: readonly Position[]): boolean {
  const n = ring.length - 1;
  const segments = Array.from({ length: n }, (_, i) => {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    return { i, a, b, min: Math.min(a[0], b[0]), max: Math.max(a[0], b[0]) };
  }).sort((p, q) => p.min - q.min);
  for (let s = 0; s < segments.length; s++) {
    const p = segments[s] as (typeof segments)[number];
    for (let t = s + 1; t < segments.length && (segments[t] as (typeof segments)[number]).min <= p.max; t++) {
      const q = segments[t] as (typeof segments)[number];
      // Neighbours share an end by construction.
      if (Math.abs(p.i - q.i) === 1 || Math.abs(p.i - q.i) === n - 1) continue;
      if (cross(p.a, p.b, q.a, q.b)) return true;
    }
  }
  return false;
}

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** The polygons of a geometry, each a list of rings, or null when it is not a (multi)polygon of closed rings. */
function polygonsOf(geometry: unknown): Position[][][] | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  const polygons = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? (g.coordinates as unknown[]) : null;
  if (!Array.isArray(polygons)) return null;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return null;
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return null;
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) return null;
    }
  }
  return polygons as Position[][][];
}

function featuresOf(json: unknown): unknown[] {
  const j = json as { type?: unknown; features?: unknown; objects?: Record<string, unknown> } | null;
  if (j?.type === 'FeatureCollection' && Array.isArray(j.features)) return j.features;
  if (j?.type === 'Topology' && j.objects && typeof j.objects === 'object') {
    // Every object of the topology, as features (a DataV TopoJSON holds one).
    return Object.values(j.objects).flatMap((object) => {
      const converted = feature(json as Topology, object as never) as unknown as { type: string; features?: unknown[] };
      return converted.type === 'FeatureCollection' ? (converted.features ?? []) : [converted];
    });
  }
  if (j?.type === 'Feature') return [j];
  throw new BoundaryRefused('not-geojson');
}

export function parseBoundaries(text: string): GeoCollection {
  if (text.length > MAX_BOUNDARY_BYTES) throw new BoundaryRefused('too-large', String(text.length));
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new BoundaryRefused('json', error instanceof Error ? error.message : String(error));
  }
  const features: GeoFeature[] = [];
  const names = new Set<string>();
  let points = 0;
  for (const [index, raw] of featuresOf(json).entries()) {
    const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (f?.type !== 'Feature') continue;
    const polygons = polygonsOf(f.geometry);
    const properties = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
    const name = typeof properties.name === 'string' ? properties.name : String(properties.name ?? `#${index + 1}`);
    if (!polygons) throw new BoundaryRefused('geometry', name);
    for (const ring of polygons.flat()) {
      points += ring.length;
      if (points > MAX_POINTS) throw new BoundaryRefused('too-many-points', String(points));
      if (selfIntersects(ring)) throw new BoundaryRefused('self-intersecting', name);
    }
    // The map knows a region by its name: a second 新城 (in another district) gets a number.
    let unique = name;
    for (let n = 2; names.has(unique); n++) unique = `${name} (${n})`;
    names.add(unique);
    features.push({ type: 'Feature', properties: { ...properties, name: unique }, geometry: f.geometry as GeoFeature['geometry'] });
  }
  if (features.length === 0) throw new BoundaryRefused('no-features');
  return { type: 'FeatureCollection', features };
}
