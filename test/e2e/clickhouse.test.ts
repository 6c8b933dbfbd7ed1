import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, scratchSpec, shardUrl, shardUrls, up } from '../../scripts/clickhouse/cluster';
import { loadFiles } from '../../scripts/clickhouse/loader';
import { startPreview, type Preview } from '../../scripts/lib/preview';
import { baseUrl, closeBrowser, sharedBrowser, waitReady } from './support/app';

// The same build twice: as every test sees it (DuckDB in the page) and served by npm start with
// HQD_CLICKHOUSE_URL, over a cluster of its own that holds the sample loaded by the loader.
const spec = scratchSpec('e2e', 38123, 39000);
let served: Preview;

beforeAll(async () => {
  const quiet = () => undefined;
  await up(spec, quiet);
  await loadFiles({ shards: shardUrls(spec) }, [], { sample: true, log: quiet });
  served = await startPreview(undefined, 'dist', { HQD_CLICKHOUSE_URL: shardUrl(spec, 0) });
});

afterAll(async () => {
  await closeBrowser();
  await served?.stop();
  await down(spec, () => undefined);
  rmSync(spec.dir, { recursive: true, force: true });
});

/** What a reader takes from a view: every score with its stars, each chart's kind, points and figures in words, each tile. */
async function whatIsShown(page: Page) {
  // Each view says when its answers are in (data-settled), whichever engine gave them.
  await page.locator('[data-settled=true]').first().waitFor({ timeout: 60_000 });
  return {
    scores: await page.locator('[data-testid=score]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-entity'), e.getAttribute('data-composite'), e.getAttribute('data-stars')])),
    charts: await page.locator('[data-testid=chart]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-points'), e.getAttribute('aria-label')])),
    tiles: await page.locator('[data-testid=kpi]').allInnerTexts(),
  };
}

async function visit(origin: string, path: string, onPage?: (page: Page) => Promise<void>) {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const foreign: string[] = [];
  let statements = 0;
  page.on('request', (r) => {
    if (r.url().startsWith(`${origin}/clickhouse/`)) statements++;
    if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
  });
  await page.goto(origin + path);
  await waitReady(page);
  await onPage?.(page);
  const shown = await whatIsShown(page);
  const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  await context.close();
  return { shown, errors, foreign, csp, statements };
}

describe('the dashboards and Present over ClickHouse', () => {
  for (const path of ['/?period=2025', '/?indicator=hightech_share&period=2024', '/district/d03?period=2025', '/compare?indicator=public_satisfaction', '/present?slides=ranking&sec=600']) {
    it(`show the same scores and chart points as over DuckDB: ${path}`, async () => {
      const duck = await visit(baseUrl(), path);
      const house = await visit(served.url, path);
      // Each view shows numbers to compare: charts, scores with stars or tiles.
      expect(duck.shown.charts.length + duck.shown.scores.length).toBeGreaterThan(0);
      expect(duck.statements).toBe(0);
      // The answers came from the server, through the page's own origin, within its CSP.
      expect(house.statements).toBeGreaterThan(3);
      expect(house.shown).toEqual(duck.shown);
      expect(house.errors).toEqual([]);
      expect(house.foreign).toEqual([]);
      expect(house.csp).toEqual([]);
    });
  }

  it('lists the server’s datasets in the Data view and says why importing is off', async () => {
    const context = await (await sharedBrowser()).newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${served.url}/data`);
    await waitReady(page);
    await expect.poll(() => page.locator('[data-testid=server-notice]').innerText()).toContain('ClickHouse');
    expect(await page.locator('[data-testid=dataset-row]').count()).toBe(4);
    expect(await page.getByRole('button', { name: '选择文件' }).count()).toBe(0);
    expect(await page.locator('[data-testid=dataset-remove]').count()).toBe(0);
    await context.close();
  });
});
