import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// The engine's start as the person sees it: the download counted to the wasm's real size (it
// travels compressed), reported by the engine's worker, which hands the wasm's own response to
// the compiler so that the next visit can reuse the compiled code. The worker starts before the
// app's own code has loaded, so the download may be over by the time the bar first shows: it then
// shows it whole.

// Every state the progress bar shows, from its first render on.
const RECORD = `(() => {
  const seen = (window.__progress = []);
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid=engine-progress]');
    if (!bar) return;
    const state = { phase: bar.dataset.phase, loaded: Number(bar.dataset.loaded), total: Number(bar.dataset.total), text: bar.textContent.trim() };
    const last = seen[seen.length - 1];
    if (!last || last.loaded !== state.loaded || last.phase !== state.phase || last.text !== state.text) seen.push(state);
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

interface Shown {
  phase: string;
  loaded: number;
  total: number;
  text: string;
}

describe('engine start', () => {
  it('shows the download of the wasm up to its full size, then is ready', async () => {
    const w = await openPage('/', { width: 1366, height: 768 }, RECORD);
    await waitReady(w.page);
    const seen = await w.page.evaluate(() => (window as unknown as { __progress: Shown[] }).__progress);
    const dir = join(import.meta.dirname, '..', '..', 'dist', 'assets');
    const sizes = readdirSync(dir).filter((f) => f.endsWith('.wasm')).map((f) => statSync(join(dir, f)).size);
    const downloading = seen.filter((s) => s.phase === 'engine' && s.total > 0);
    const last = downloading[downloading.length - 1];
    expect(downloading.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(sizes).toContain(last?.total);
    expect(last?.loaded).toBe(last?.total);
    const mb = `${((last?.total ?? 0) / 1048576).toFixed(1)} MB`;
    expect(last?.text).toContain(`${mb} / ${mb}`);
    // Counted as it arrived, never past the total, never backwards.
    expect(downloading.every((p, i) => p.loaded <= p.total && (i === 0 || p.loaded >= (downloading[i - 1]?.loaded ?? 0)))).toBe(true);
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
