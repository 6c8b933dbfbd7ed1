import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { GUARD_SCRIPT, guardReport } from './support/guard';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: unknown;
}
const SAMPLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/geo/districts.geo.json', import.meta.url)), 'utf8')) as { features: Feature[] };

/**
 * The sample's districts as a person's file would name them: without 区/县, with spaces a
 * spreadsheet leaves and full-width forms, no codes; one renamed past recognition; one with markup.
 */
function personsFile(): { name: string; buffer: Buffer } {
  const rename: Record<string, string> = { 东湖区: '东湖', 西城区: '西城\u3000区', 南港区: ' 南港 ', 北岭区: '北岭\u00a0区', 高新区: '<b onmouseover=alert(1)>高新区</b>', 临江县: '临江', 青山县: '青山县', 白沙县: '白沙', 清河县: '老城片区' };
  const features = SAMPLE.features.map((f) => ({ type: 'Feature', properties: { name: rename[f.properties.name as string] }, geometry: f.geometry }));
  return { name: '区县边界.geojson', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) };
}

const set = (page: Page) => page.locator('[data-testid=boundaries-set]').first();

describe('boundaries a person brings', () => {
  it('matches by tolerant names, lists and pairs what is left, draws the overview map from them with their caption, and keeps them after a reload', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 }, GUARD_SCRIPT);
    await waitReady(w.page);
    const file = personsFile();
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: file.name, mimeType: 'application/geo+json', buffer: file.buffer }]);
    await expect.poll(() => set(w.page).getAttribute('data-features')).toBe('9');
    // 8 of 9 by name; the markup-named one is not a name of any district.
    await expect.poll(() => set(w.page).getAttribute('data-matched')).toBe('7');
    const unmatched = set(w.page).locator('[data-testid=boundaries-unmatched-features] li');
    expect(await unmatched.allInnerTexts()).toEqual([expect.stringContaining('<b onmouseover=alert(1)>高新区</b>'), expect.stringContaining('老城片区')]);
    expect(await set(w.page).locator('[data-testid=boundaries-unmatched-entities]').innerText()).toContain('高新区');
    expect(await set(w.page).locator('[data-testid=boundaries-unmatched-entities]').innerText()).toContain('清河县');
    // Paired by hand.
    await set(w.page).locator('[data-testid=boundaries-pair][data-feature="老城片区"]').selectOption({ label: '清河县' });
    await set(w.page).locator('[data-testid=boundaries-pair]').first().selectOption({ label: '高新区' });
    await expect.poll(() => set(w.page).getAttribute('data-matched')).toBe('9');
    await set(w.page).locator('[data-testid=boundaries-caption]').fill('测试边界，审图号 GS(2099)0001 号');
    await set(w.page).locator('[data-testid=boundaries-caption]').press('Enter');
    await set(w.page).locator('[data-testid=boundaries-caption]').blur();

    // The overview's map is drawn from them, every district with its value, the caption under it.
    await w.page.click('[data-testid=nav-overview]');
    await waitReady(w.page);
    const map = w.page.locator('[data-testid=chart][data-kind=map]');
    await map.waitFor({ timeout: 30_000 });
    await expect.poll(() => w.page.locator('[data-panel=map]').innerText()).toContain('审图号 GS(2099)0001 号');
    expect(Number(await map.getAttribute('data-points'))).toBe(9);

    // After a reload: the same boundaries, pairs and caption.
    await w.page.reload();
    await waitReady(w.page);
    await w.page.locator('[data-testid=chart][data-kind=map]').waitFor({ timeout: 30_000 });
    await expect.poll(() => w.page.locator('[data-panel=map]').innerText()).toContain('审图号 GS(2099)0001 号');
    expect(Number(await w.page.locator('[data-testid=chart][data-kind=map]').getAttribute('data-points'))).toBe(9);

    // Removed: the overview goes back to the sample's map.
    await w.page.click('[data-testid=nav-data]');
    await set(w.page).locator('[data-testid=boundaries-remove]').click();
    await expect.poll(() => w.page.locator('[data-testid=boundaries-set]').count()).toBe(0);
    const report = await guardReport(w.page);
    expect(report.injected).toEqual([]);
    expect(report.dialogs).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    await w.context.close();
  });

  it('takes TopoJSON through the same drop zone', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    // The sample's districts as one TopoJSON object, each polygon its own arc (not quantized).
    const arcs = SAMPLE.features.map((f) => (f.geometry as { coordinates: number[][][] }).coordinates[0]);
    const topology = {
      type: 'Topology',
      arcs,
      objects: { districts: { type: 'GeometryCollection', geometries: SAMPLE.features.map((f, i) => ({ type: 'Polygon', arcs: [[i]], properties: { name: f.properties.name } })) } },
    };
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: '区县.topojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(topology)) }]);
    await expect.poll(() => set(w.page).getAttribute('data-features')).toBe(String(SAMPLE.features.length));
    await expect.poll(() => set(w.page).getAttribute('data-matched')).toBe(String(SAMPLE.features.length));
    await w.page.click('[data-testid=nav-overview]');
    await waitReady(w.page);
    const map = w.page.locator('[data-testid=chart][data-kind=map]');
    await map.waitFor({ timeout: 30_000 });
    expect(Number(await map.getAttribute('data-points'))).toBe(SAMPLE.features.length);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("draws a district's branches by their stars where boundaries for them are brought", async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const branches = readFileSync(fileURLToPath(new URL('../../data/entities.csv', import.meta.url)), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','))
      .filter((e) => e[2] === 'branch' && e[3] === 'd01');
    // A grid of squares, one per branch: a sketch, as a district office might draw its own.
    const features = branches.map((b, i) => ({ type: 'Feature', properties: { name: b[1] }, geometry: { type: 'Polygon', coordinates: [[[i % 4, Math.floor(i / 4)], [(i % 4) + 1, Math.floor(i / 4)], [(i % 4) + 1, Math.floor(i / 4) + 1], [i % 4, Math.floor(i / 4) + 1], [i % 4, Math.floor(i / 4)]]] } }));
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: '东湖区支部.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) }]);
    await expect.poll(() => set(w.page).getAttribute('data-matched')).toBe(String(branches.length));
    await w.page.goto(`${new URL(w.page.url()).origin}/district/d01`);
    await waitReady(w.page);
    const below = w.page.locator('.scorecard-map[data-map=below]');
    await below.locator('[data-testid=chart][data-kind=map]').waitFor({ timeout: 30_000 });
    const points = Number(await below.locator('[data-testid=chart]').getAttribute('data-points'));
    expect(points).toBeGreaterThan(0);
    expect(points).toBeLessThanOrEqual(branches.length);
    await below.locator('[data-testid=chart-table-toggle]').click();
    expect(await below.locator('[data-testid=chart-table] tbody tr').count()).toBe(points);
    expect(await below.locator('[data-testid=chart-table]').innerText()).toContain(branches[0]![1]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('refuses bad JSON, no features, a file over 50 MB and a self-intersecting ring, and nothing already loaded changes', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const before = await w.page.locator('[data-testid=dataset-row]').count();
    const bowtie = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '蝴蝶区' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] } }] };
    // Over 50 MB: Playwright passes a file that large by its path.
    const dir = mkdtempSync(join(tmpdir(), 'hqd-geo-'));
    const big = join(dir, '巨大.geojson');
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 32));
    await w.page.setInputFiles('[data-testid=import-input]', big);
    await w.page.locator('[data-testid=boundaries-refused][data-reason="too-large"]').waitFor({ timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
    const cases: [string, Buffer, string, string][] = [
      ['坏的.geojson', Buffer.from('{"type": "FeatureCollection", "features": ['), 'json', '不是有效的 JSON'],
      ['空的.geojson', Buffer.from('{"type": "FeatureCollection", "features": []}'), 'no-features', '没有任何区域'],
      ['自相交.geojson', Buffer.from(JSON.stringify(bowtie)), 'self-intersecting', '蝴蝶区'],
      ['别的.json', Buffer.from('{"hello": "world"}'), 'not-geojson', '不是 GeoJSON'],
    ];
    for (const [name, buffer, reason, words] of cases) {
      await w.page.setInputFiles('[data-testid=import-input]', [{ name, mimeType: 'application/json', buffer }]);
      const refusal = w.page.locator(`[data-testid=boundaries-refused][data-reason="${reason}"]`);
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.innerText()).toContain(words);
    }
    expect(await w.page.locator('[data-testid=boundaries-set]').count()).toBe(0);
    expect(await w.page.locator('[data-testid=dataset-row]').count()).toBe(before);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
