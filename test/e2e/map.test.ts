import { afterAll, describe, expect, it } from 'vitest';
import { readSampleRows, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district');

describe('the overview map', () => {
  it("colours every district with a value on the sample's map, prints it, and a click opens the district", async () => {
    const w = await openPage('/?indicator=hightech_share&period=2024', { width: 1366, height: 768 });
    await waitReady(w.page);
    const map = w.page.locator('[data-testid=chart][data-kind=map]');
    await map.waitFor({ timeout: 30_000 });
    const withValue = districts.filter((d) => sampleObservations().some((o) => o.entity_id === d.entity_id && o.indicator_id === 'hightech_share' && o.period === '2024'));
    expect(Number(await map.getAttribute('data-points'))).toBe(withValue.length);
    // Every value is in words too: the table view lists each district with its value and class.
    const panel = w.page.locator('[data-panel=map]');
    await panel.locator('[data-testid=chart-table-toggle]').click();
    const rows = panel.locator('[data-testid=chart-table] tbody tr');
    expect(await rows.count()).toBe(withValue.length);
    expect(await rows.first().innerText()).toMatch(/达到目标|接近目标|差距/);
    expect(await panel.innerText()).toContain('虚构的示意地理');
    await panel.locator('[data-testid=chart-table-toggle]').click();

    // The middle of the map is the central district: a click there opens its page.
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await w.page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
    await w.page.waitForURL(/\/district\/d\d\d/);
    const id = new URL(w.page.url()).pathname.split('/').at(-1);
    expect(districts.map((d) => d.entity_id)).toContain(id);
    // Its page shows where it lies in the city: every district on the map, it named as here.
    const locator = w.page.locator('[data-panel=map]');
    await locator.locator('[data-testid=chart][data-kind=map]').waitFor({ timeout: 30_000 });
    expect(Number(await locator.locator('[data-testid=chart]').getAttribute('data-points'))).toBe(districts.length);
    const name = districts.find((d) => d.entity_id === id)?.name ?? '';
    expect(await locator.innerText()).toContain(`${name}在云澜市的位置`);
    // By keyboard too: each region said as the arrow keys reach it.
    await w.page.locator('.scorecard-map[data-testid=map-keys]').focus();
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(() => w.page.locator('.scorecard-map [data-testid=map-focused]').innerText()).toMatch(new RegExp(districts.map((d) => d.name).join('|')));
    await locator.locator('[data-testid=chart-table-toggle]').click();
    expect(await locator.locator('[data-testid=chart-table] tr', { hasText: '本地区' }).innerText()).toContain(name);
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('colours by the composite index too, and walks the regions by keyboard, each said with its value', async () => {
    const w = await openPage('/?indicator=hightech_share&period=2024', { width: 1366, height: 768 });
    await waitReady(w.page);
    const map = w.page.locator('[data-testid=chart][data-kind=map]');
    await map.waitFor({ timeout: 30_000 });
    await w.page.click('[data-testid=map-mode-composite]');
    const panel = w.page.locator('[data-panel=map]');
    await expect.poll(() => panel.innerText()).toContain('综合指数');
    expect(Number(await map.getAttribute('data-points'))).toBe(districts.length);
    await panel.locator('[data-testid=chart-table-toggle]').click();
    expect(await panel.locator('[data-testid=chart-table]').innerText()).toMatch(/★/);
    expect(await panel.locator('[data-testid=chart-table]').innerText()).toMatch(/[1-5] 星/);
    await panel.locator('[data-testid=chart-table-toggle]').click();

    // The keyboard: focus, the arrow keys from the best region on, Enter opens the one said.
    await w.page.click('[data-testid=map-mode-indicator]');
    await w.page.locator('[data-testid=map-keys]').focus();
    await w.page.keyboard.press('ArrowRight');
    const said = w.page.locator('[data-testid=map-focused]');
    await expect.poll(() => said.innerText()).toMatch(/\d/);
    const first = await said.innerText();
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(() => said.innerText()).not.toBe(first);
    const text = await said.innerText();
    const second = districts.find((d) => text.startsWith(d.name ?? '-'));
    expect(second).toBeDefined();
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL(/\/district\//);
    expect(new URL(w.page.url()).pathname).toBe(`/district/${second?.entity_id}`);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it("is a Present slide, every district drawn at the wall's size, with the map's caption", async () => {
    for (const size of [{ width: 1920, height: 1080 }, { width: 5760, height: 1080 }]) {
      const w = await openPage('/present?slides=map:hightech_share,ranking&sec=600', size);
      await waitReady(w.page);
      const slide = w.page.locator('[data-testid=present-slide][data-kind=map]');
      await slide.waitFor({ timeout: 30_000 });
      const map = slide.locator('[data-testid=chart][data-kind=map]');
      await map.waitFor({ timeout: 30_000 });
      const latest = Math.max(...sampleObservations().filter((o) => o.indicator_id === 'hightech_share').map((o) => Number(o.period)));
      expect(Number(await map.getAttribute('data-points'))).toBe(districts.filter((d) => sampleObservations().some((o) => o.entity_id === d.entity_id && o.indicator_id === 'hightech_share' && Number(o.period) === latest)).length);
      expect(await slide.innerText()).toContain('虚构的示意地理');
      // Drawn at the slide's own size: the canvas fills the box at the device's pixels.
      const fit = await map.evaluate((el) => {
        const canvas = el.querySelector('canvas') as HTMLCanvasElement;
        return { box: el.getBoundingClientRect().width, canvas: canvas.width / devicePixelRatio };
      });
      expect(Math.abs(fit.canvas - fit.box)).toBeLessThan(2);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    }
  });
});
