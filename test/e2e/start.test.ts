import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// The engine's start as the person sees it: the download counted to the wasm's real size (it
// travels compressed), reported by the engine's worker, which hands the wasm's own response to
// the compiler so that the next visit can reuse the compiled code.

const RECORD = `(() => {
  const seen = (window.__progress = []);
  new BroadcastChannel('hqd-engine-progress').onmessage = (e) => seen.push(e.data);
})()`;

describe('engine start', () => {
  it('reports the download of the wasm up to its full size, then is ready', async () => {
    const w = await openPage('/', { width: 1366, height: 768 }, RECORD);
    await waitReady(w.page);
    const seen = await w.page.evaluate(() => (window as unknown as { __progress: { loaded: number; total: number }[] }).__progress);
    const dir = join(import.meta.dirname, '..', '..', 'dist', 'assets');
    const sizes = readdirSync(dir).filter((f) => f.endsWith('.wasm')).map((f) => statSync(join(dir, f)).size);
    const last = seen[seen.length - 1];
    expect(seen.length).toBeGreaterThan(0);
    expect(sizes).toContain(last?.total);
    expect(last?.loaded).toBe(last?.total);
    // Counted as it arrived, never past the total.
    expect(seen.every((p) => p.loaded <= p.total || p.total === 0)).toBe(true);
    expect([...w.pageErrors, ...w.consoleErrors]).toEqual([]);
    await w.context.close();
  });

  it('names the engine chunk in the page, so its download starts with the page and not after the app has run', async () => {
    const html = await (await fetch(baseUrl() + '/')).text();
    const hint = /<link rel="modulepreload" crossorigin href="(\/assets\/duckdb-browser-[\w-]+\.js)">/.exec(html);
    expect(hint, 'modulepreload of the engine chunk').not.toBeNull();
    // The hint names the chunk the app imports: the page loads it from the hint, once.
    const w = await openPage('/');
    const loads: string[] = [];
    w.page.on('request', (r) => /\/assets\/duckdb-browser-[\w-]+\.js$/.test(r.url()) && loads.push(r.url()));
    await w.page.reload();
    await waitReady(w.page);
    expect(loads).toEqual([baseUrl() + (hint?.[1] ?? '')]);
    await w.context.close();
  });
});
