import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Four projects, run separately by scripts/test.ts: unit (pure Node), integration (DuckDB's
// blocking wasm bundle under Node), clickhouse (a cluster on loopback) and e2e (the built app in Debian's Chromium via playwright-core).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          // The same queries over a ClickHouse cluster the run starts and stops itself; one file
          // at a time, as loads swap the server's catalog tables.
          name: 'clickhouse',
          include: ['test/clickhouse/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/clickhouse/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
