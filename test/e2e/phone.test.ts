import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// Phones, tablets and accessibility: every view at phone and tablet sizes, upright and sideways,
// fits its width with every link of the navigation in reach, and on phones every control is a
// tap target of 44×44 px; axe-core finds no WCAG 2.1 A/AA
// violation on any view, in Chinese and in English; Present steps with a swipe.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWS = ['/', '/district/d01', '/branch/b001', '/compare', '/data', '/settings', '/present', '/sql'];
const SIZES = [
  { width: 360, height: 640, locale: 'zh-CN' },
  { width: 360, height: 640, locale: 'en' },
  { width: 390, height: 844, locale: 'zh-CN' },
  { width: 430, height: 932, locale: 'zh-CN' },
  { width: 768, height: 1024, locale: 'zh-CN' },
  { width: 640, height: 360, locale: 'zh-CN' },
  { width: 844, height: 390, locale: 'zh-CN' },
  { width: 932, height: 430, locale: 'en' },
  { width: 1024, height: 768, locale: 'zh-CN' },
];
const inLocale = (locale: string) => `localStorage.setItem('hqd.locale', ${JSON.stringify(locale)})`;

async function ready(page: Page, view: string): Promise<void> {
  await waitReady(page);
  if (view === '/present') await page.waitForSelector('[data-testid=present][data-settled=true]', { timeout: 60_000 });
  if (view === '/sql') await page.waitForSelector('.sql[data-settled=true]', { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
}

/** Elements past the right edge of the viewport, outside any box that scrolls them (a table's). */
function overflowing(page: Page): Promise<{ docWidth: number; width: number; over: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      if (el.closest('details:not([open]) > :not(summary)')) continue;
      // Inside a box that scrolls it sideways (a table's, the heatmap's) is in reach; the page's
      // own scroller (#main, which scrolls down) does not count.
      let box = el.parentElement;
      let scrolled = false;
      for (; box && box.id !== 'main' && !scrolled; box = box.parentElement) {
        const style = getComputedStyle(box);
        scrolled = /(auto|scroll|hidden)/.test(style.overflowX) && box.getBoundingClientRect().right <= width + 1;
      }
      if (!scrolled) over.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} ${Math.round(r.right)}`);
    }
    return { docWidth: document.documentElement.scrollWidth, width, over };
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Opens Present's settings as a person does: the pointer moves, which brings the resting controls back. */
async function openSettings(page: Page): Promise<void> {
  await page.mouse.move(100, 100);
  await page.mouse.move(120, 110);
  await page.locator('[data-testid=present-settings]').click();
  await page.locator('[data-testid=present-settings-panel]').waitFor();
}

/** Controls of the view smaller than 44×44 px; a checkbox, radio or file input is tapped by its label. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#main a, #main button, #main select, #main input')].flatMap((el) => {
      const target = el instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(el.type) ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(target).visibility === 'hidden') return [];
      return r.width < 43.5 || r.height < 43.5 ? [`${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 12)}" ${Math.round(r.width)}×${Math.round(r.height)}`] : [];
    }),
  );
}

/**
 * The page at another size, as a phone turned or a window dragged does it, once the charts have
 * followed: they resize in the frame after the box does, so two frames are waited for.
 */
async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Each view opened once, at the first size, then checked at every size by resizing: a start per
 * view and size was most of this file's time, and a phone turned sideways must reflow without a
 * reload anyway.
 */
async function eachViewAtEachSize(
  page: Page,
  sizes: readonly { width: number; height: number }[],
  check: (view: string, size: { width: number; height: number }, at: string) => Promise<void>,
): Promise<void> {
  const [first] = sizes;
  if (!first) throw new Error('no size to check');
  for (const view of VIEWS) {
    await resizeTo(page, first);
    await page.goto(new URL(view, page.url()).href);
    await ready(page, view);
    for (const size of sizes) {
      await resizeTo(page, size);
      await check(view, size, `${view} at ${size.width}×${size.height}`);
    }
  }
}

describe('phones and tablets', () => {
  for (const locale of ['zh-CN', 'en']) {
    const sizes = SIZES.filter((s) => s.locale === locale);
    it(`every view fits ${sizes.map((s) => `${s.width}×${s.height}`).join(', ')} (${locale}), the navigation in reach`, async () => {
      const w = await openPage('/', sizes[0], inLocale(locale));
      await eachViewAtEachSize(w.page, sizes, async (view, size, at) => {
        const fit = await overflowing(w.page);
        expect({ at, ...fit }).toEqual({ at, docWidth: size.width, width: size.width, over: [] });
        if (size.width <= 720) expect({ at, small: await smallTargets(w.page) }).toEqual({ at, small: [] });
        if (view === '/present') return;
        // Every view's link is on the screen and big enough for a thumb where the screen is a phone's.
        const links = await w.page.locator('nav.nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
        expect(links, at).toHaveLength(5);
        for (const r of links) {
          expect(r.left >= 0 && r.right <= size.width + 1 && r.top >= 0 && r.bottom <= size.height + 1, `${at}: ${JSON.stringify(r)}`).toBe(true);
          if (size.width <= 720) expect(r.height, at).toBeGreaterThanOrEqual(44);
        }
      });
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }

  it('scrolls wide tables in their own box on a phone, the first column kept in view', async () => {
    const w = await openPage('/', { width: 390, height: 844 });
    for (const [view, table] of [['/data', '.datasets__table'], ['/settings', 'table.sticky-first'], ['/district/d01', '.descendants__table']] as const) {
      await w.page.goto(new URL(view, w.page.url()).href);
      await ready(w.page, view);
      const kept = await w.page.locator(table).first().evaluate((el) => {
        let box = el.parentElement;
        while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
        if (!box || box.scrollWidth <= box.clientWidth) return { scrolls: false, kept: false };
        const cell = el.querySelector('tbody tr td') as HTMLElement;
        const before = cell.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        return { scrolls: box.scrollLeft > 0, kept: Math.abs(cell.getBoundingClientRect().left - before) < 1 };
      });
      expect({ view, ...kept }).toEqual({ view, scrolls: true, kept: true });
    }
    await w.context.close();
  });

  it('reaches every view from the tab bar on a phone', async () => {
    const w = await openPage('/', { width: 390, height: 844 });
    await waitReady(w.page);
    for (const [link, path] of [['nav-compare', '/compare'], ['nav-data', '/data'], ['nav-overview', '/'], ['nav-sql', '/sql'], ['nav-present', '/present']] as const) {
      await w.page.click(`[data-testid=${link}]`);
      await w.page.waitForURL((u) => u.pathname === path);
    }
    await w.context.close();
  });

  it('steps Present with a swipe, and not with a scroll', async () => {
    const w = await openPage('/present', { width: 390, height: 844 });
    await ready(w.page, '/present');
    const slide = w.page.locator('[data-testid=present-slide]');
    expect(await slide.getAttribute('data-index')).toBe('0');
    const swipe = (from: number, to: number) =>
      w.page.evaluate(
        ({ from, to }) => {
          const stage = document.querySelector('.present__stage') as HTMLElement;
          const at = (type: string, x: number) => stage.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x, clientY: 400, bubbles: true }));
          at('pointerdown', from);
          at('pointerup', to);
        },
        { from, to },
      );
    await swipe(320, 80);
    await w.page.waitForSelector('[data-testid=present-slide][data-index="1"]');
    await swipe(80, 320);
    await w.page.waitForSelector('[data-testid=present-slide][data-index="0"]');
    // A scroll is no swipe.
    await w.page.evaluate(() => {
      const stage = document.querySelector('.present__stage') as HTMLElement;
      stage.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 8, pointerType: 'touch', clientX: 200, clientY: 600, bubbles: true }));
      stage.dispatchEvent(new PointerEvent('pointerup', { pointerId: 8, pointerType: 'touch', clientX: 170, clientY: 200, bubbles: true }));
    });
    expect(await slide.getAttribute('data-index')).toBe('0');
    await w.context.close();
  });

  it('in a browser without full screen or wake lock (an in-app browser), offers no dead button and says why the screen may sleep', async () => {
    const without = `for (const k of ['requestFullscreen', 'webkitRequestFullscreen', 'webkitRequestFullScreen']) delete Element.prototype[k];
      delete Navigator.prototype.wakeLock;`;
    const w = await openPage('/present', { width: 390, height: 844 }, without);
    await ready(w.page, '/present');
    expect(await w.page.locator('[data-testid=present-fullscreen]').count()).toBe(0);
    await openSettings(w.page);
    const panel = w.page.locator('[data-testid=present-settings-panel]');
    expect(await panel.innerText()).toContain('此浏览器不支持，请在系统设置中关闭自动休眠');
    // The same page with both APIs has the button, and the panel says no such thing.
    const full = await openPage('/present', { width: 390, height: 844 });
    await ready(full.page, '/present');
    expect(await full.page.locator('[data-testid=present-fullscreen]').count()).toBe(1);
    await openSettings(full.page);
    expect(await full.page.locator('[data-testid=present-settings-panel]').innerText()).not.toContain('此浏览器不支持');
    expect([...w.pageErrors, ...full.pageErrors]).toEqual([]);
    await Promise.all([w.context.close(), full.context.close()]);
  });
});

describe('accessibility', () => {
  const sizes = [
    { width: 390, height: 844 },
    { width: 1366, height: 768 },
  ];
  for (const locale of ['zh-CN', 'en'])
    it(`axe finds no WCAG 2.1 A/AA violation on any view (${locale}, ${sizes.map((s) => `${s.width}×${s.height}`).join(' and ')})`, async () => {
      const w = await openPage('/', sizes[0], inLocale(locale));
      await eachViewAtEachSize(w.page, sizes, async (_view, _size, at) => {
        expect({ at, violations: await axeViolations(w.page) }).toEqual({ at, violations: [] });
      });
      await w.context.close();
    });
});
