import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

describe('scoring settings', () => {
  it('change the stars and targets everywhere, survive a reload, and reset to the defaults', async () => {
    const w = await openPage('/?period=2025', { width: 1920, height: 1080 });
    await waitReady(w.page);
    const stars = () => w.page.locator('[data-testid=score]').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-entity')}:${r.getAttribute('data-stars')}`).sort());
    const before = await stars();
    const composites = await w.page.locator('[data-testid=score]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-composite'))));

    await w.page.click('[data-testid=settings-link]');
    await w.page.waitForURL(/\/settings/);
    await w.page.locator('tr[data-indicator=hightech_share]').waitFor();
    // Five stars only from 99.9: nobody in the sample keeps five stars.
    await w.page.fill('[data-testid=setting-star-5]', '99.9');
    const target = w.page.locator('tr[data-indicator=hightech_share] [data-testid=setting-target]');
    await target.fill('50');
    await w.page.waitForFunction(() => /99\.9/.test(localStorage.getItem('hqd.scoring') ?? '') && /"target":50/.test(localStorage.getItem('hqd.scoring') ?? ''));
    await w.page.reload();
    await waitReady(w.page);
    expect(await w.page.locator('[data-testid=setting-star-5]').inputValue()).toBe('99.9');

    await w.page.click('[data-testid=nav-overview]');
    await w.page.locator('[data-testid=score]').first().waitFor();
    const after = await stars();
    expect(after.some((s) => s.endsWith(':5'))).toBe(false);
    expect(after).not.toEqual(before);
    expect(await w.page.locator('[data-testid=kpi][data-indicator=hightech_share]').innerText()).toContain('目标 50.0%');
    const newComposites = await w.page.locator('[data-testid=score]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-composite'))));
    expect(newComposites).not.toEqual(composites);

    await w.page.goto(new URL(w.page.url()).origin + '/settings');
    await waitReady(w.page);
    await w.page.click('[data-testid=settings-reset]');
    await w.page.click('[data-testid=nav-overview]');
    await w.page.locator('[data-testid=score]').first().waitFor();
    expect(await stars()).toEqual(before);
    await w.context.close();
  });

  it('names every field for a screen reader, table cells by their indicator and column', async () => {
    const w = await openPage('/settings', { width: 1366, height: 768 });
    await waitReady(w.page);
    await w.page.locator('tr[data-indicator]').first().waitFor();
    const unnamed = await w.page.locator('main input, main select').evaluateAll((fields) =>
      fields.filter((f) => !((f as HTMLInputElement).labels?.length || f.getAttribute('aria-label')?.trim())).map((f) => f.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    // Found as a person using a screen reader would ask for it.
    await w.page.getByRole('spinbutton', { name: '群众满意度 · 权重' }).fill('3');
    await w.page.getByRole('combobox', { name: '群众满意度 · 层级' }).waitFor();
    expect(await w.page.locator('tr[data-indicator=public_satisfaction] [data-testid=setting-weight]').inputValue()).toBe('3');
    await w.context.close();
  });
});
