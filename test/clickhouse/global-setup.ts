import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { down, shardUrl, up, type ClusterSpec } from '../../scripts/clickhouse/cluster';
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
  const spec: ClusterSpec = {
    dir: mkdtempSync(join(tmpdir(), 'hqd-clickhouse-test-')),
    httpBase: 28123 + Math.floor(Math.random() * 40) * 2,
    tcpBase: 29000 + Math.floor(Math.random() * 40) * 2,
    shards: 2,
  };
  const quiet = () => undefined;
  await up(spec, quiet);
  const shards = Array.from({ length: spec.shards }, (_, k) => shardUrl(spec, k));
  await loadFiles({ shards }, [], { sample: true, log: quiet });
  project.provide('clickhouseShards', shards);
  return async () => {
    await down(spec, quiet);
    rmSync(spec.dir, { recursive: true, force: true });
  };
}
