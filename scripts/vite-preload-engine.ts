import type { Plugin } from 'vite';

// The engine is loaded with a dynamic import (the shell paints without it), so the browser would
// learn of its chunk only once the app's own script has run. A modulepreload in index.html starts
// that download with the page's first bytes. The worker scripts and the wasm are not hinted: a
// document's preload is not shared with the worker that fetches them (the browser would warn of
// an unused preload, and the 34 MB wasm could be downloaded twice).
export function preloadEngine(): Plugin {
  return {
    name: 'hqd-preload-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const engine = Object.values(ctx.bundle ?? {}).find((f) => f.type === 'chunk' && f.name === 'duckdb-browser');
        return engine ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${engine.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}
