import { describe, expect, it } from 'vitest';
import { BoundaryRefused, parseBoundaries, selfIntersects } from '../../../src/geo/parse-boundaries';

const square = (x: number, y: number, s = 1) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const polygon = (name: unknown, ring: number[][]) => ({ type: 'Feature', properties: { name, adcode: 1 }, geometry: { type: 'Polygon', coordinates: [ring] } });
const reason = (text: string) => {
  try {
    parseBoundaries(text);
    return null;
  } catch (error) {
    return error instanceof BoundaryRefused ? error.reason : String(error);
  }
};

describe('boundaries a person brings', () => {
  it('reads a FeatureCollection of polygons and multipolygons, names kept as text and made unique', () => {
    const multi = { type: 'Feature', properties: { name: '新城' }, geometry: { type: 'MultiPolygon', coordinates: [[square(2, 0)], [square(4, 0)]] } };
    const c = parseBoundaries(fc([polygon('<img src=x onerror=alert(1)>', square(0, 0)), multi, polygon('新城', square(6, 0))]));
    expect(c.features.map((f) => f.properties.name)).toEqual(['<img src=x onerror=alert(1)>', '新城', '新城 (2)']);
  });

  it('reads TopoJSON', () => {
    const topology = {
      type: 'Topology',
      arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: { districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { name: '东湖区', adcode: 990101 } }] } },
    };
    const c = parseBoundaries(JSON.stringify(topology));
    expect(c.features).toHaveLength(1);
    expect(c.features[0]?.properties).toMatchObject({ name: '东湖区', adcode: 990101 });
  });

  it('refuses bad JSON, no features, open rings, self-intersecting rings and what is not GeoJSON', () => {
    expect(reason('{"type": "FeatureCollection", "features": [')).toBe('json');
    expect(reason(fc([]))).toBe('no-features');
    expect(reason(JSON.stringify({ type: 'Topology', objects: {}, arcs: [] }))).toBe('no-features');
    expect(reason(fc([polygon('开口', [[0, 0], [1, 0], [1, 1], [0, 1]])]))).toBe('geometry');
    expect(reason(fc([polygon('蝴蝶', [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])]))).toBe('self-intersecting');
    expect(reason(JSON.stringify({ hello: 'world' }))).toBe('not-geojson');
    expect(reason(fc([{ type: 'Feature', properties: { name: '点' }, geometry: { type: 'Point', coordinates: [0, 0] } }]))).toBe('geometry');
  });

  it('tells a crossing ring from a simple one, however its points are ordered', () => {
    expect(selfIntersects(square(0, 0) as [number, number][])).toBe(false);
    const star = Array.from({ length: 5 }, (_, i) => [Math.cos((i * 4 * Math.PI) / 5), Math.sin((i * 4 * Math.PI) / 5)] as [number, number]);
    expect(selfIntersects([...star, star[0]!])).toBe(true);
    const circle = Array.from({ length: 2000 }, (_, i) => [Math.cos((i / 2000) * 2 * Math.PI), Math.sin((i / 2000) * 2 * Math.PI)] as [number, number]);
    expect(selfIntersects([...circle, circle[0]!])).toBe(false);
  });
});
