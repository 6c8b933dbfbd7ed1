// The sample city's fictional geography: one polygon per district and, inside each district that
// has towns, one per town, as GeoJSON in the shape DataV GeoAtlas exports (properties adcode, name,
// center, parent). The shapes are cells around seed points, clearly schematic, at a made-up place
// (around 0°, 0°, in the sea), with fictional codes (99…, no real province): no real map.
//   npx tsx scripts/generate-geo.ts        (writes data/geo/)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/domain/random';
import { blob, centroid, pointInside, rounded, voronoiCell, type Point, type Ring } from './geo/shapes';

export const GEO_SEED = 20261204;
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const GEO_FILES = { districts: 'geo/districts.geo.json', towns: 'geo/towns.geo.json' } as const;

interface Entity {
  entity_id: string;
  name: string;
  level: string;
  parent_id: string;
}

interface Feature {
  type: 'Feature';
  properties: { adcode: number; name: string; center: Point; centroid: Point; parent: { adcode: number }; level: string; entity_id: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] };
}

function readEntities(): Entity[] {
  const [, ...lines] = readFileSync(`${DATA_DIR}entities.csv`, 'utf8').trimEnd().split('\n');
  return lines.map((l) => {
    const [entity_id = '', name = '', level = '', parent_id = ''] = l.split(',');
    return { entity_id, name, level, parent_id };
  });
}

const closed = (ring: Ring): Ring => [...ring, ring[0] as Point];

function feature(ring: Ring, entity: Entity, adcode: number, parent: number): Feature {
  const r = rounded(ring);
  const c = rounded([centroid(ring)])[0] as Point;
  return {
    type: 'Feature',
    properties: { adcode, name: entity.name, center: c, centroid: c, parent: { adcode: parent }, level: entity.level, entity_id: entity.entity_id },
    geometry: { type: 'Polygon', coordinates: [closed(r)] },
  };
}

export function generateGeo(entities: readonly Entity[] = readEntities()): { districts: object; towns: object } {
  const rng = mulberry32(GEO_SEED);
  const city = 990100;
  const outline = blob([0, 0], 1, rng);
  const districts = entities.filter((e) => e.level === 'district');
  // Urban districts (区) near the middle, counties (县) around them, as cities are laid out.
  const urban = districts.filter((d) => d.name.endsWith('区'));
  const rural = districts.filter((d) => !d.name.endsWith('区'));
  const seeds = new Map<string, Point>();
  urban.forEach((d, i) => {
    const angle = (i / urban.length) * Math.PI * 2 + rng() * 0.5;
    const r = i === 0 ? 0.05 : 0.28 + rng() * 0.08;
    seeds.set(d.entity_id, [r * Math.cos(angle), r * Math.sin(angle) * 0.82]);
  });
  rural.forEach((d, i) => {
    const angle = (i / rural.length) * Math.PI * 2 + 0.4 + rng() * 0.4;
    const r = 0.7 + rng() * 0.1;
    seeds.set(d.entity_id, [r * Math.cos(angle), r * Math.sin(angle) * 0.82]);
  });
  const points = districts.map((d) => seeds.get(d.entity_id) as Point);
  const districtFeatures: Feature[] = [];
  const townFeatures: Feature[] = [];
  districts.forEach((d, i) => {
    const cell = voronoiCell(outline, points, i);
    const adcode = city + i + 1;
    districtFeatures.push(feature(cell, d, adcode, city));
    const towns = entities.filter((e) => e.level === 'town' && e.parent_id === d.entity_id);
    const townSeeds = towns.map(() => pointInside(cell, rng));
    towns.forEach((t, k) => townFeatures.push(feature(voronoiCell(cell, townSeeds, k), t, adcode * 1000 + k + 1, adcode)));
  });
  const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features });
  return { districts: collection(districtFeatures), towns: collection(townFeatures) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const geo = generateGeo();
  mkdirSync(`${DATA_DIR}geo`, { recursive: true });
  writeFileSync(`${DATA_DIR}${GEO_FILES.districts}`, `${JSON.stringify(geo.districts)}\n`);
  writeFileSync(`${DATA_DIR}${GEO_FILES.towns}`, `${JSON.stringify(geo.towns)}\n`);
  console.log(`data/${GEO_FILES.districts}, data/${GEO_FILES.towns}`);
}
