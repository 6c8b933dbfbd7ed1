import type { FeatureKey } from './match';

/** A GeoJSON FeatureCollection as the map needs it: each feature a polygon or multipolygon with properties. */
export interface GeoFeature {
  type: 'Feature';
  properties: Record<string, unknown> & { name?: unknown };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** A set of boundaries and where they come from: the caption is shown under every map drawn from them. */
export interface Boundaries {
  id: string;
  /** What they are called in the Data view. */
  name: string;
  /** Source and approval number (审图号), as the person gave them. */
  caption: string;
  collection: GeoCollection;
  /** Pairs made by hand: feature name → entity id. */
  pairs?: Readonly<Record<string, string>>;
}

/** The keys a feature is matched by: its name, and a code where it has one (adcode or entity_id). */
export function featureKeys(collection: GeoCollection): FeatureKey[] {
  return collection.features.map((f) => {
    const code = f.properties.entity_id ?? f.properties.adcode;
    return { name: String(f.properties.name ?? ''), code: code === undefined || code === null ? null : String(code) };
  });
}
