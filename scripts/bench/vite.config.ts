import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../vite-precompress.ts';

// Builds the bench's pages into dist-bench/: the import harness (harness.ts) and the engine's start
// floor (engine-floor.ts). Not part of the app. Compressed as the app's build is, so that both are
// served alike.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: { input: [fileURLToPath(new URL('./harness.html', import.meta.url)), fileURLToPath(new URL('./engine-floor.html', import.meta.url))] },
  },
  logLevel: 'warn',
});
