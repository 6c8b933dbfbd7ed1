import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateGeo, GEO_FILES } from '../../../scripts/generate-geo';
import { area, centroid, contains, type Ring } from '../../../scripts/geo/shapes';

const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(DATA + f, 'utf8')) as { features: { properties: { name: string; entity_id: string; parent: { adcode: number }; adcode: number }; geometry: { coordinates: Ring[] } }[] };
const entities = readFileSync(`${DATA}entities.csv`, 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));

describe('the sample geography', () => {
  it('is what the generator makes, so the files are never edited by hand', () => {
    const geo = generateGeo();
    expect(read(GEO_FILES.districts)).toEqual(JSON.parse(JSON.stringify(geo.districts)));
    expect(read(GEO_FILES.towns)).toEqual(JSON.parse(JSON.stringify(geo.towns)));
  });

  it('has one polygon per district and per town, each town inside its district, none overlapping', () => {
    const districts = read(GEO_FILES.districts).features;
    const towns = read(GEO_FILES.towns).features;
    expect(districts.map((f) => f.properties.entity_id).sort()).toEqual(entities.filter((e) => e[2] === 'district').map((e) => e[0]).sort());
    expect(towns.map((f) => f.properties.entity_id).sort()).toEqual(entities.filter((e) => e[2] === 'town').map((e) => e[0]).sort());
    for (const d of districts) expect(Math.abs(area(d.geometry.coordinates[0] as Ring))).toBeGreaterThan(0.05);
    for (const t of towns) {
      const parent = districts.find((d) => d.properties.adcode === t.properties.parent.adcode);
      expect(contains(parent?.geometry.coordinates[0] as Ring, centroid(t.geometry.coordinates[0] as Ring))).toBe(true);
    }
    // No district's centre lies in another district.
    for (const d of districts) {
      const c = centroid(d.geometry.coordinates[0] as Ring);
      expect(districts.filter((o) => contains(o.geometry.coordinates[0] as Ring, c)).map((o) => o.properties.name)).toEqual([d.properties.name]);
    }
  });
});
