import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, waitReady } from './support/app';

// Changing the datasets in view on an open page must show exactly what a fresh load of the same
// link shows: the pickers' choices, the tiles, the scores and the points of every chart.

afterAll(closeBrowser);

/** What a person reads off the view once it has settled on what the address asks. */
async function seen(page: Page) {
  await page.waitForSelector('#app:not([data-navigating]) [data-settled=true]');
  return page.evaluate(() => {
    const all = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];
    return {
      pickers: all('main select, .present select').map((s) => [...(s as HTMLSelectElement).options].map((o) => `${o.value}=${o.text}`).join('|')),
      selected: all('main select').map((s) => (s as HTMLSelectElement).value),
      tiles: all('[data-testid=kpi]').map((k) => `${k.dataset.indicator}:${k.innerText.replace(/\s+/g, ' ')}`),
      scores: all('[data-testid=score]').map((s) => `${s.dataset.entity}:${s.dataset.composite}:${s.dataset.stars}`),
      charts: all('[data-testid=chart]').map((c) => `${c.dataset.kind}:${c.dataset.points}`),
      // The description a screen reader gets of each chart on screen: of the data now in view.
      // (A chart out of sight takes the new data when it is scrolled to; EChart.vue.)
      described: all('[data-testid=chart]').map((c) => (c.getBoundingClientRect().top < innerHeight ? c.getAttribute('aria-label') : '')),
      titles: all('h1, h2').map((h) => h.innerText),
    };
  });
}

async function pickOnly(page: Page, keep: string): Promise<void> {
  await page.click('[data-testid=dataset-picker]');
  for (const box of await page.locator('[data-dataset]').all()) {
    const id = await box.getAttribute('data-dataset');
    if (id !== keep && (await box.isChecked())) {
      await box.uncheck();
      await page.waitForURL((u) => !(new URL(u).searchParams.get('datasets') ?? '').split(',').includes(id ?? ''));
    }
  }
  await page.keyboard.press('Escape');
}

describe('datasets changed in place', () => {
  for (const [path, keep] of [
    ['/', 'sample-satisfaction'],
    ['/district/d02', 'sample-coverage'],
    ['/branch/b001', 'sample-satisfaction'],
    ['/compare?indicator=hightech_share', 'sample-satisfaction'],
  ] as const) {
    it(`${path}: shows what a fresh load of the new link shows`, async () => {
      const w = await openPage(path);
      await waitReady(w.page);
      const before = await seen(w.page);
      await pickOnly(w.page, keep);
      const after = await seen(w.page);
      expect(after).not.toEqual(before);
      const fresh = await openPage(new URL(w.page.url()).pathname + new URL(w.page.url()).search);
      await waitReady(fresh.page);
      expect(after).toEqual(await seen(fresh.page));
      expect([...w.pageErrors, ...fresh.pageErrors]).toEqual([]);
      await Promise.all([w.context.close(), fresh.context.close()]);
    });
  }

  it('/present: a show whose link changes its datasets plays what a fresh load plays', async () => {
    const slides = 'slides=kpis,ranking,heatmap&sec=3600';
    const w = await openPage(`/present?${slides}`, { width: 1920, height: 1080 });
    await waitReady(w.page);
    await w.page.keyboard.press('ArrowRight');
    const before = await seen(w.page);
    // Present has no picker: the link changes as a browser's back and forward would change it.
    const next = `/present?datasets=sample-satisfaction,sample-industry&${slides}`;
    await w.page.evaluate((url) => {
      history.pushState(history.state, '', url);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    }, next);
    await w.page.waitForURL(/datasets=sample-satisfaction/);
    const after = await seen(w.page);
    expect(after).not.toEqual(before);
    const fresh = await openPage(next, { width: 1920, height: 1080 });
    await waitReady(fresh.page);
    await fresh.page.keyboard.press('ArrowRight');
    expect(after).toEqual(await seen(fresh.page));
    await Promise.all([w.context.close(), fresh.context.close()]);
  });
});
