import type { FileChooser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// Keyboard only, as a person who uses no mouse works: Tab, Shift, Enter, Space and arrows through
// the main flows (pick an indicator, open a district, import a file, run Present), never a click.
// Every stop on the way shows a focus ring, and every chart on the way says its figures in words.

/** Where focus is, and whether a ring shows it: the element's own outline, or its label's (a file input's). */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { at: 'body', ring: true };
    const ringed = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    };
    const label = el.closest('label');
    const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24)}`;
    return { at: name, ring: ringed(el) || (label !== null && ringed(label)) };
  });
}

/** Tab (or Shift+Tab) until the focused element matches `selector`; the stops without a ring are kept in `ringless`. */
async function tabTo(page: Page, selector: string, ringless: string[], back = false, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const state = await focusState(page);
    if (!state.ring) ringless.push(state.at);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached in ${max} Tab presses`);
}

const settled = (page: Page) => page.waitForSelector('#app:not([data-navigating]) [data-settled=true]');

describe('keyboard only', () => {
  it('picks an indicator, reads its charts in words, and opens a district', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await settled(w.page);
    const ringless: string[] = [];
    const picker = w.page.locator('[data-testid=indicator-picker]');
    const before = await picker.inputValue();
    await tabTo(w.page, '[data-testid=indicator-picker]', ringless);
    await w.page.keyboard.press('ArrowDown');
    await w.page.waitForURL((u) => new URL(u).searchParams.get('indicator') !== null && new URL(u).searchParams.get('indicator') !== before);
    await settled(w.page);
    const picked = await picker.inputValue();
    expect(picked).not.toBe(before);
    const name = await picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');

    // The ranking says in words who leads: the same first row as its table.
    const ranking = w.page.locator('[data-panel=bar]');
    const label = (await ranking.locator('[data-testid=chart]').getAttribute('aria-label')) ?? '';
    expect(label).toContain(name);
    await tabTo(w.page, '[data-panel=bar] [data-testid=chart-table-toggle]', ringless);
    await w.page.keyboard.press('Enter');
    const first = (await ranking.locator('[data-testid=chart-table] tbody tr').first().locator('td').allInnerTexts()).map((s) => s.trim());
    expect(label).toContain(`1. ${first[1]}`);

    // A KPI tile, pressed with Space, charts its indicator.
    await tabTo(w.page, '[data-testid=kpi]:not([aria-pressed=true])', ringless, true);
    const tile = await w.page.evaluate(() => (document.activeElement as HTMLElement).dataset.indicator);
    await w.page.keyboard.press('Space');
    await w.page.waitForURL((u) => new URL(u).searchParams.get('indicator') === tile);

    await tabTo(w.page, 'a[href*="/district/"]', ringless);
    const district = ((await w.page.evaluate(() => document.activeElement?.textContent)) ?? '').trim();
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL(/\/district\//);
    await settled(w.page);
    expect(await w.page.locator('h1').innerText()).toContain(district);
    expect(ringless).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('imports a file from the Data view', async () => {
    const w = await openPage('/');
    // Playwright intercepts file choosers only once a listener is subscribed, and subscribes
    // asynchronously: listening from the start, not just before the key press, means the chooser
    // that Space opens is always caught, however busy the machine.
    const chooser = new Promise<FileChooser>((resolve) => w.page.once('filechooser', resolve));
    await waitReady(w.page);
    const ringless: string[] = [];
    await tabTo(w.page, '[data-testid=nav-data]', ringless);
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL(/\/data/);
    // The file input is disabled while the view is busy, and Tab would pass it by.
    await w.page.locator('[data-testid=data-view]:not([data-busy=true])').waitFor();
    await tabTo(w.page, '[data-testid=import-input]', ringless);
    await w.page.keyboard.press('Space');
    await (await chooser).setFiles([{ name: '键盘导入.csv', mimeType: 'text/csv', buffer: Buffer.from('地区,年份,键盘指标\n东湖区,2023,1.5\n西城区,2023,2.5\n') }]);
    // A clean file imports without review; its summary is the next stop.
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('2');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    await tabTo(w.page, '[data-testid=import-draft] button', ringless);
    expect(await w.page.evaluate(() => document.activeElement?.closest('[data-testid=import-draft]') !== null)).toBe(true);
    expect(ringless).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('starts Present, steps it, reaches its hidden controls with Tab and leaves', async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    const ringless: string[] = [];
    await tabTo(w.page, '[data-testid=nav-present]', ringless);
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('[data-testid=present][data-settled=true]');
    await w.page.waitForSelector('[data-testid=present-slide][data-index="0"]');
    await w.page.keyboard.press('ArrowRight');
    await w.page.waitForSelector('[data-testid=present-slide][data-index="1"]');
    await w.page.keyboard.press('ArrowRight');
    await w.page.waitForSelector('[data-testid=present-slide][data-index="2"][data-kind=heatmap]');
    // The controls fade once the pointer rests; a keyboard user gets them back with Tab.
    await w.page.waitForSelector('.pc--hidden', { state: 'attached' });
    await tabTo(w.page, '[data-testid=present-toggle]', ringless);
    expect(await w.page.locator('.pc--hidden').count()).toBe(0);
    await w.page.keyboard.press('Enter');
    expect(await w.page.locator('[data-testid=present-toggle]').innerText()).toContain('继续');
    // The heatmap slide says in words whose scores are highest and lowest.
    const label = (await w.page.locator('[data-testid=present-slide] [data-testid=chart]').getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/得分（0–100）。平均得分最高：\S+ \d+；最低：\S+ \d+。/);
    await tabTo(w.page, '[data-testid=present-exit]', ringless);
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL((u) => new URL(u).pathname === '/');
    expect(ringless).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
