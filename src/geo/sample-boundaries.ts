import type { Boundaries, GeoCollection } from './boundaries';

/**
 * The sample city's fictional districts and towns (scripts/generate-geo.ts), loaded when a map
 * first needs them: they are not part of the start.
 */
export async function sampleBoundaries(): Promise<{ districts: Boundaries; towns: Boundaries }> {
  const [districts, towns] = await Promise.all([import('../../data/geo/districts.geo.json'), import('../../data/geo/towns.geo.json')]);
  const of = (id: string, name: string, collection: unknown): Boundaries => ({ id, name, caption: '', collection: collection as GeoCollection });
  return { districts: of('sample-districts', 'sample districts', districts.default), towns: of('sample-towns', 'sample towns', towns.default) };
}
