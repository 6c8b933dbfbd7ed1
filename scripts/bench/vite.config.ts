import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

// Builds the import benchmark harness into dist-bench/ (see harness.ts). Not part of the app.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: { input: fileURLToPath(new URL('./harness.html', import.meta.url)) },
  },
  logLevel: 'warn',
});
