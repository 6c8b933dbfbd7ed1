import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { statement } from '../../scripts/clickhouse/cluster';
import { ClickHouseEngine } from '../../src/engine/clickhouse';
import type { Engine } from '../../src/engine/types';
import { listEntities } from '../../src/queries/entities';
import { chooseScope } from '../../src/queries/hierarchy';
import { listIndicators, listYears } from '../../src/queries/indicators';
import { querySeries } from '../../src/queries/series';
import { querySnapshot } from '../../src/queries/snapshot';
import { queryHistory } from '../../src/queries/history';
import { viewQueries } from '../../src/queries/view-cache';

export const shards = (): string[] => inject('clickhouseShards');

/** The engine the browser gets over the cluster: the readonly user, on the catalog's shard. */
export const readerEngine = (): Engine => new ClickHouseEngine({ url: `${shards()[0]}/`, database: 'hqd', user: 'hqd_reader' });

/** Every table of ours on every shard, counted and summed: what "the server as it was" compares. */
export async function serverState(): Promise<string> {
  const parts: string[] = [];
  for (const [k, url] of shards().entries()) {
    parts.push(
      `shard ${k}: ` +
        (await statement(
          url,
          `SELECT dataset_id, count(), sum(value), groupUniqArray(entity_id) FROM hqd.observations_shard GROUP BY dataset_id ORDER BY dataset_id FORMAT TSV`,
        )),
    );
  }
  const first = shards()[0] as string;
  for (const [table, key] of [['datasets', 'dataset_id'], ['entities', 'entity_id'], ['indicators', 'indicator_id']])
    parts.push(`${table}: ` + (await statement(first, `SELECT * FROM hqd.${table} ORDER BY ${key} FORMAT TSV`)));
  return parts.join('\n');
}

/**
 * What every view asks of an engine for some datasets, in one object: the catalog, then each
 * year's snapshot of the compared entities, their history, and each indicator's series.
 */
export async function everyAnswer(engine: Engine, datasetIds: readonly string[]) {
  const [indicators, years, entities] = await Promise.all([listIndicators(engine, datasetIds), listYears(engine, datasetIds), listEntities(engine, datasetIds)]);
  const scope = chooseScope(entities);
  const ids = [...(scope.root ? [scope.root.entity_id] : []), ...scope.members.map((m) => m.entity_id)];
  const snapshots = [];
  for (const year of years) snapshots.push(await querySnapshot(engine, { datasetIds, entityIds: ids, year }));
  const byLevel = years[0] === undefined ? [] : await querySnapshot(engine, { datasetIds, entityIds: [], level: scope.level, year: years[0] });
  const history = years[0] === undefined ? [] : await queryHistory(engine, datasetIds, ids, years[0]);
  const series = [];
  for (const i of indicators) series.push(await querySeries(engine, { datasetIds, indicatorId: i.indicator_id, entityIds: ids, toYear: years[0] }));
  const held = await viewQueries(engine, { dataVersion: 1, datasetIds, entityIds: ids });
  const heldSnapshot = years[0] === undefined ? [] : await held.snapshot(ids, years[0]);
  return { indicators, years, entities, snapshots, byLevel, history, series, heldSnapshot };
}

/** `bytes` written as `name` in a fresh folder: a file to hand the loader. */
export async function tempFile(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'hqd-load-')), name);
  await writeFile(path, bytes);
  return path;
}
