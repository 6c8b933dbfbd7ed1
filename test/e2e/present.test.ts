import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSampleRows } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district');
const SHOTS = 'test-results/present';
mkdirSync(SHOTS, { recursive: true });

// Every kind of slide, standing still (600 s) so each can be inspected.
const SHOW = '/present?slides=kpis,ranking,heatmap,district:d01,trend:public_satisfaction,map:hightech_share&sec=600';

// Measured in the page: overflow of the document, any element whose content is clipped by its
// box, text outside the viewport, the smallest font of any visible text, and each chart canvas's
// backing size against its CSS size × device pixel ratio.
const MEASURE = `(() => {
  const vw = innerWidth, vh = innerHeight, dpr = devicePixelRatio;
  const root = document.querySelector('[data-testid=present]');
  const problems = [];
  if (document.documentElement.scrollWidth > vw || document.documentElement.scrollHeight > vh) problems.push('document scrolls');
  let minFont = Infinity;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('.pc--hidden')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    minFont = Math.min(minFont, parseFloat(style.fontSize));
    if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) problems.push('outside the screen: ' + n.textContent.trim().slice(0, 30));
  }
  for (const el of root.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const clips = /hidden|clip|auto|scroll/.test(s.overflowX + s.overflowY);
    if (clips && !el.closest('.pc--hidden') && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el.tagName !== 'CANVAS')
      problems.push('cut off in ' + el.className + ': ' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight);
  }
  const canvases = [...root.querySelectorAll('canvas')].map((c) => {
    const r = c.getBoundingClientRect();
    return { backing: [c.width, c.height], css: [r.width, r.height], dpr };
  });
  return { problems, minFont, canvases };
})()`;

interface Measured {
  problems: string[];
  minFont: number;
  canvases: { backing: [number, number]; css: [number, number]; dpr: number }[];
}

const SIZES = [
  { width: 1920, height: 1080, scale: 1 },
  { width: 2560, height: 1440, scale: 1 },
  { width: 3840, height: 2160, scale: 1 },
  { width: 5760, height: 1080, scale: 1 },
  { width: 1920, height: 1080, scale: 2 },
];

describe('Present mode', () => {
  for (const size of SIZES) {
    const label = `${size.width}×${size.height}@${size.scale}`;
    it(`lays out every kind of slide at ${label}: no scrolling, nothing cut off, charts at native resolution`, async () => {
      const w = await openPage(SHOW, size);
      await waitReady(w.page);
      const kinds: string[] = [];
      for (let i = 0; i < 6; i++) {
        const slide = w.page.locator(`[data-testid=present-slide][data-index="${i}"]`);
        await slide.waitFor();
        const kind = (await slide.getAttribute('data-kind')) ?? '';
        kinds.push(kind);
        // The map's chart comes once its boundaries are loaded.
        if (kind === 'map') await slide.locator('[data-testid=chart][data-kind=map]').waitFor();
        // Each chart of the slide drawn (a chart is created once its box is in view, the frame
        // after the slide mounts), its canvas in place; polled, since the CSP refuses the
        // predicate waitForFunction would compile.
        await expect.poll(() => slide.locator('[data-testid=chart]:not([data-drawn]), [data-testid=chart][data-drawn]:not(:has(canvas))').count()).toBe(0);
        await w.page.waitForTimeout(250);
        const m = (await w.page.evaluate(MEASURE)) as Measured;
        expect(m.problems, `${kind} at ${label}`).toEqual([]);
        if (size.width === 1920 && size.height === 1080) expect(m.minFont, `${kind} smallest text`).toBeGreaterThanOrEqual(18);
        for (const c of m.canvases) {
          expect(Math.abs(c.backing[0] - c.css[0] * c.dpr), `${kind} canvas width`).toBeLessThanOrEqual(c.dpr);
          expect(Math.abs(c.backing[1] - c.css[1] * c.dpr), `${kind} canvas height`).toBeLessThanOrEqual(c.dpr);
        }
        if (kind === 'heatmap' || kind === 'district' || kind === 'map') await w.page.screenshot({ path: `${SHOTS}/${kind}-${size.width}x${size.height}@${size.scale}.png` });
        await w.page.keyboard.press('ArrowRight');
      }
      expect(kinds).toEqual(['kpis', 'ranking', 'heatmap', 'district', 'trend', 'map']);
      expect(w.foreignRequests).toEqual([]);
      expect(await w.cspViolations()).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }

  it('steps with arrows and PageUp/PageDown in a ring, pauses and resumes with Space, and advances by itself', async () => {
    const w = await openPage('/present?slides=kpis,ranking,heatmap&sec=1.5', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const index = async () => Number(await w.page.locator('[data-testid=present-slide]').getAttribute('data-index'));
    await w.page.keyboard.press('Space');
    await expect.poll(() => w.page.locator('[data-testid=present-paused]').count()).toBe(1);
    expect(await index()).toBe(0);
    await w.page.keyboard.press('ArrowRight');
    expect(await index()).toBe(1);
    await w.page.keyboard.press('PageDown');
    expect(await index()).toBe(2);
    await w.page.keyboard.press('ArrowRight');
    expect(await index()).toBe(0);
    await w.page.keyboard.press('ArrowLeft');
    expect(await index()).toBe(2);
    await w.page.keyboard.press('PageUp');
    expect(await index()).toBe(1);
    expect(await w.page.locator('[data-testid=present-counter]').innerText()).toBe('2 / 3');
    // Paused: it stays put for longer than a slide's time.
    await w.page.waitForTimeout(2500);
    expect(await index()).toBe(1);
    await w.page.keyboard.press('Space');
    expect(await w.page.locator('[data-testid=present-paused]').count()).toBe(0);
    await expect.poll(index, { timeout: 5000 }).toBe(2);
    await expect.poll(index, { timeout: 5000 }).toBe(0);
    // The on-screen buttons do the same as the keys; they hide with an idle cursor and return
    // when the mouse moves.
    await w.page.waitForTimeout(2600);
    expect(await w.page.locator('[data-testid=present-toggle]').isVisible()).toBe(false);
    expect(await w.page.locator('[data-testid=present]').evaluate((el) => getComputedStyle(el).cursor)).toBe('none');
    await w.page.mouse.move(400, 400);
    await w.page.mouse.move(420, 420);
    await w.page.locator('[data-testid=present-toggle]').click();
    expect(await w.page.locator('[data-testid=present-paused]').count()).toBe(1);
    const at = await index();
    await w.page.locator('[data-testid=present-next]').click();
    expect(await index()).toBe((at + 1) % 3);
    await w.page.locator('[data-testid=present-prev]').click();
    expect(await index()).toBe(at);
    // F goes full screen and back (a key press is the user gesture the Fullscreen API needs).
    await w.page.keyboard.press('f');
    await expect.poll(() => w.page.evaluate('document.fullscreenElement !== null')).toBe(true);
    await w.page.mouse.move(300, 300);
    expect(await w.page.locator('[data-testid=present-fullscreen]').innerText()).toBe('退出全屏');
    await w.page.keyboard.press('f');
    await expect.poll(() => w.page.evaluate('document.fullscreenElement !== null')).toBe(false);
    // Esc leaves for the overview, keeping the datasets in view.
    await w.page.keyboard.press('Escape');
    await w.page.waitForURL((u) => u.pathname === '/');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('plays the show a link describes: slides in order, titles as text, and the link survives editing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const d03 = districts.find((d) => d.entity_id === 'd03')!;
    const w = await openPage(
      `/present?slides=district:d03,trend:public_satisfaction,ranking&sec=600&org=${encodeURIComponent(hostile)}&title=${encodeURIComponent('第三季度推进会')}`,
      { width: 1920, height: 1080 },
      'window.__dialogs = 0; window.alert = () => { window.__dialogs++; };',
    );
    await waitReady(w.page);
    const title = () => w.page.locator('[data-testid=present-slide-title]').innerText();
    expect(await title()).toContain(d03.name);
    expect(await w.page.locator('[data-testid=present-counter]').innerText()).toBe('1 / 3');
    expect(await w.page.locator('header').innerText()).toContain('第三季度推进会');
    expect(await w.page.locator('header').innerText()).toContain(hostile);
    expect(await w.page.locator('[data-testid=present] img').count()).toBe(0);
    await w.page.keyboard.press('ArrowRight');
    expect(await title()).toContain('群众满意度');
    await w.page.keyboard.press('ArrowRight');
    expect(await title()).toContain('综合指数排名');
    expect(await w.page.locator('[data-testid=present-slide] [data-testid=score]').count()).toBe(districts.length);

    // Add the heatmap in the settings panel: the show, the address and the link field all follow.
    await w.page.mouse.move(400, 400);
    await w.page.locator('[data-testid=present-settings]').click();
    await w.page.locator('[data-testid=present-add-pick]').selectOption('heatmap');
    await w.page.locator('[data-testid=present-add]').click();
    await w.page.locator('[data-testid=present-seconds]').fill('30');
    await w.page.locator('[data-testid=present-seconds]').press('Tab');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('slides')).toBe('district:d03,trend:public_satisfaction,ranking,heatmap');
    expect(new URL(w.page.url()).searchParams.get('sec')).toBe('30');
    const link = await w.page.locator('[data-testid=present-link]').inputValue();
    expect(new URL(link).searchParams.get('slides')).toBe('district:d03,trend:public_satisfaction,ranking,heatmap');
    await w.page.locator('[data-testid=present-settings-close]').click();
    expect(await w.page.locator('[data-testid=present-counter]').innerText()).toMatch(/\/ 4$/);

    // Opening Present without a show plays the saved one, and writes it into the address.
    await w.page.goto(new URL('/present', w.page.url()).href);
    await waitReady(w.page);
    await expect.poll(() => new URL(w.page.url()).searchParams.get('slides')).toBe('district:d03,trend:public_satisfaction,ranking,heatmap');
    expect(await w.page.locator('[data-testid=present-counter]').innerText()).toBe('1 / 4');

    // The same link in another browser profile starts the same show.
    const other = await openPage(new URL(link).pathname + new URL(link).search, { width: 1920, height: 1080 });
    await waitReady(other.page);
    expect(await other.page.locator('[data-testid=present-slide-title]').innerText()).toContain(d03.name);
    expect(await other.page.locator('[data-testid=present-counter]').innerText()).toBe('1 / 4');
    await other.context.close();

    expect(await w.page.evaluate('window.__dialogs')).toBe(0);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('is reached from the navigation with the datasets in view, and marks sample data', async () => {
    const w = await openPage('/?datasets=sample-satisfaction,sample-coverage', { width: 1920, height: 1080 });
    await waitReady(w.page);
    await w.page.locator('[data-testid=nav-present]').click();
    await w.page.waitForURL((u) => u.pathname === '/present');
    expect(new URL(w.page.url()).searchParams.get('datasets')).toBe('sample-satisfaction,sample-coverage');
    await w.page.locator('[data-testid=present-slide]').waitFor();
    expect(await w.page.locator('header').innerText()).toContain('示例数据');
    await w.context.close();
  });
});
