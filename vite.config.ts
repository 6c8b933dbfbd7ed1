import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './src/security/csp.ts';
import { neutraliseForeignUrls } from './src/security/offline.ts';
import { sampleDatabase } from './scripts/vite-sample-db.ts';
import { precompress } from './scripts/vite-precompress.ts';
import { preloadEngine } from './scripts/vite-preload-engine.ts';

// The production page carries its CSP in a <meta> tag so that any static server keeps it. Dev mode
// is left without one: Vite's dev server injects inline styles for hot reload.
function cspMeta(): Plugin {
  return {
    name: 'hqd-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      );
    },
  };
}

// DuckDB's wasm names its extension repositories and a CDN stylesheet; we use neither, and the
// shipped binaries should not name them either (see src/security/offline.ts).
function offlineWasm(): Plugin {
  return {
    name: 'hqd-offline-wasm',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.wasm') || typeof file.source === 'string') continue;
        file.source = neutraliseForeignUrls(file.source).bytes;
      }
    },
  };
}

export default defineConfig({
  plugins: [vue(), cspMeta(), offlineWasm(), preloadEngine(), precompress(), sampleDatabase()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    // Never inline assets as data: URLs: the CSP allows fetches from our own origin only, and the
    // sample CSVs and DuckDB's wasm must be fetched, not embedded.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
});
