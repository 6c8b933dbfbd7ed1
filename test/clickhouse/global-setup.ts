import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { down, scratchSpec, shardUrls, up } from '../../scripts/clickhouse/cluster';
import { loadFiles } from '../../scripts/clickhouse/loader';

declare module 'vitest' {
  export interface ProvidedContext {
    clickhouseShards: string[];
  }
}

/**
 * A cluster of its own for the test run: two shards in a fresh folder, on ports beside (not on)
 * those of `npm run clickhouse:up`, with the sample loaded; stopped and removed at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const spec = scratchSpec('test', 28123, 29000);
  const quiet = () => undefined;
  await up(spec, quiet);
  const shards = shardUrls(spec);
  await loadFiles({ shards }, [], { sample: true, log: quiet });
  project.provide('clickhouseShards', shards);
  return async () => {
    await down(spec, quiet);
    rmSync(spec.dir, { recursive: true, force: true });
  };
}
