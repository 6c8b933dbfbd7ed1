import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../src/engine/types';
import { SAMPLE_TABLES } from '../../src/ingest/sample-db';
import { writeSnapshot } from '../../src/ingest/snapshot';
import { attachInPlace as restoreSnapshot, isInPlace, readInPlace, withoutInPlace } from '../../src/ingest/in-place';
import { removeDataset } from '../../src/ingest/datasets';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';
import { millionCsv } from '../support/million-csv';
import { engineMemory } from '../../src/queries/engine-memory';

// A saved upload restored from its snapshot must give the tables its import gave: a start that
// copies snapshots in sees what a start that imported every file again saw.

type Tables = Record<string, Row[]>;
const readTables = async (engine: Engine): Promise<Tables> => {
  const tables: Tables = {};
  // The sample's import times are those of each engine's start; an upload's is its own.
  for (const table of SAMPLE_TABLES)
    tables[table] = await engine.query(
      table === 'datasets' ? `SELECT * REPLACE (CASE WHEN kind = 'sample' THEN NULL ELSE imported_at END AS imported_at) FROM datasets ORDER BY ALL` : `SELECT * FROM ${table} ORDER BY ALL`,
    );
  return tables;
};

const encode = (text: string) => new TextEncoder().encode(text);
// Branches under districts the sample does not have: the import adds both levels.
const BRANCHES = encode(
  ['区县,党支部,年份,快照测试覆盖率,快照测试收入', '新设区,新设区第一党支部,2023,88.5,12', '新设区,新设区第一党支部,2024,91.25,15.5', '新设区,新设区第二党支部,2024,77,9'].join('\n'),
);
// Sample districts, a new indicator: only the indicator is new.
const DISTRICTS = encode(['地区,年份,快照测试指标,另一快照指标', '东湖区,2023,1.5,100', '西城区,2023,2.5,200', '南港区,2024,3.5,300'].join('\n'));

let imported: Tables;
let sampleOnly: Tables;
const snapshots: Record<string, Uint8Array> = {};

beforeAll(async () => {
  // Node engines share one DuckDB instance that each new engine resets: one at a time.
  const base = await sampleEngine();
  sampleOnly = await readTables(base);
  const engine = await sampleEngine();
  await importBytes(engine, BRANCHES, 'up-branches');
  await importBytes(engine, DISTRICTS, 'up-districts');
  imported = await readTables(engine);
  for (const id of ['up-branches', 'up-districts']) {
    snapshots[id] = await writeSnapshot(engine, id);
    snapshots[`${id}-large`] = await writeSnapshot(engine, id, 1);
  }
});

async function restored(...ids: string[]): Promise<Engine> {
  const engine = await sampleEngine();
  for (const key of ids) {
    const id = key.replace(/-large$/, '');
    await restoreSnapshot(engine, (snapshots[key] as Uint8Array).slice(), { datasetId: id, name: id });
  }
  return engine;
}

describe('a saved dataset restored from its snapshot', () => {
  it('gives every table exactly as importing its file gave it', async () => {
    expect(imported.observations?.length).toBeGreaterThan(sampleOnly.observations?.length ?? 0);
    expect(await readTables(await restored('up-branches', 'up-districts'))).toEqual(imported);
  });

  it('gives the same tables when written in the large blocks of a big upload', async () => {
    expect(await readTables(await restored('up-branches-large', 'up-districts-large'))).toEqual(imported);
  });

  it('brings the districts a branch hangs from, and each value to the last digit', async () => {
    const engine = await restored('up-branches');
    const rows = await engine.query<{ name: string; level: string; parent: string | null; value: number }>(
      `SELECT e.name, e.level, p.name AS parent, o.value FROM observations o JOIN entities e USING (entity_id)
       LEFT JOIN entities p ON p.entity_id = e.parent_id WHERE o.dataset_id = 'up-branches' ORDER BY o.value`,
    );
    expect(rows.map((r) => [r.name, r.level, r.parent, r.value])).toEqual([
      ['新设区第二党支部', 'branch', '新设区', 9],
      ['新设区第一党支部', 'branch', '新设区', 12],
      ['新设区第一党支部', 'branch', '新设区', 15.5],
      ['新设区第二党支部', 'branch', '新设区', 77],
      ['新设区第一党支部', 'branch', '新设区', 88.5],
      ['新设区第一党支部', 'branch', '新设区', 91.25],
    ]);
  });

  it('takes the name the person gave it since', async () => {
    const engine = await sampleEngine();
    await restoreSnapshot(engine, (snapshots['up-districts'] as Uint8Array).slice(), { datasetId: 'up-districts', name: '改过的名字' });
    expect(await engine.query('SELECT name FROM datasets WHERE dataset_id = ?', ['up-districts'])).toEqual([{ name: '改过的名字' }]);
  });

  it('keeps an indicator as already defined (a catalog restored first), as an import would', async () => {
    const indicator = String(imported.observations?.find((o) => o.dataset_id === 'up-districts')?.indicator_id);
    const engine = await sampleEngine();
    await engine.query(`INSERT INTO indicators (indicator_id, name_zh, name_en, category, unit, direction) VALUES (?, '目录定义', 'from a catalog', 'economy', '%', -1)`, [indicator]);
    await restoreSnapshot(engine, (snapshots['up-districts'] as Uint8Array).slice(), { datasetId: 'up-districts', name: 'x' });
    expect(await engine.query('SELECT name_zh, direction FROM indicators WHERE indicator_id = ?', [indicator])).toEqual([{ name_zh: '目录定义', direction: -1 }]);
  });

  it('refuses a snapshot of another dataset, a damaged one and one already loaded, and changes nothing', async () => {
    const engine = await sampleEngine();
    const untouched = await readTables(engine);
    const snapshot = snapshots['up-districts'] as Uint8Array;
    await expect(restoreSnapshot(engine, snapshot.slice(), { datasetId: 'up-branches', name: 'x' })).rejects.toThrow(/not of dataset/);
    const damaged = snapshot.slice();
    damaged.fill(0, 4096, Math.min(damaged.length, 40_000));
    await expect(restoreSnapshot(engine, damaged, { datasetId: 'up-districts', name: 'x' })).rejects.toThrow();
    await expect(restoreSnapshot(engine, encode('not a database'), { datasetId: 'up-districts', name: 'x' })).rejects.toThrow();
    expect(await readTables(engine)).toEqual(untouched);
    await restoreSnapshot(engine, snapshot.slice(), { datasetId: 'up-districts', name: 'x' });
    const once = await readTables(engine);
    await expect(restoreSnapshot(engine, snapshot.slice(), { datasetId: 'up-districts', name: 'x' })).rejects.toThrow();
    expect(await readTables(engine)).toEqual(once);
  });

  it('reads a dataset in place, and lets go of it when it is removed', async () => {
    const engine = await restored('up-branches', 'up-districts');
    expect(isInPlace(engine, 'up-branches')).toBe(true);
    // Nothing was copied: the session's own table holds the sample's rows only.
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM observations_local')).toEqual([{ n: sampleOnly.observations?.length }]);
    await removeDataset(engine, 'up-branches');
    expect(isInPlace(engine, 'up-branches')).toBe(false);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM observations WHERE dataset_id = 'up-branches'`)).toEqual([{ n: 0 }]);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM datasets WHERE dataset_id = 'up-branches'`)).toEqual([{ n: 0 }]);
    // The other one is still read where it is, and the same snapshot can come back.
    expect((await readTables(engine)).observations?.filter((o) => o.dataset_id === 'up-districts')).toEqual(imported.observations?.filter((o) => o.dataset_id === 'up-districts'));
    await restoreSnapshot(engine, (snapshots['up-branches'] as Uint8Array).slice(), { datasetId: 'up-branches', name: 'up-branches' });
    expect(await readTables(engine)).toEqual(imported);
  });

  it('re-imports a dataset read in place in place of it, and keeps it when the re-import fails', async () => {
    const engine = await restored('up-districts');
    const before = await readTables(engine);
    await expect(
      withoutInPlace(engine, 'up-districts', async (tx) => {
        await tx.query(`DELETE FROM datasets WHERE dataset_id = 'up-districts'`);
        throw new Error('a re-import that fails');
      }),
    ).rejects.toThrow('a re-import that fails');
    expect(isInPlace(engine, 'up-districts')).toBe(true);
    expect(await readTables(engine)).toEqual(before);
    await importBytes(engine, encode(['地区,年份,快照测试指标', '东湖区,2023,9.5'].join('\n')), 'up-districts', undefined, true);
    expect(isInPlace(engine, 'up-districts')).toBe(false);
    expect(await engine.query(`SELECT entity_id, period, value FROM observations WHERE dataset_id = 'up-districts'`)).toEqual([{ entity_id: 'd01', period: '2023', value: 9.5 }]);
  });
});

describe('a dataset imported in this session, once its snapshot is written', () => {
  it('is read from the snapshot instead of the session table, with the same rows', async () => {
    const engine = await sampleEngine();
    await importBytes(engine, BRANCHES, 'up-branches');
    const before = await readTables(engine);
    const snapshot = await writeSnapshot(engine, 'up-branches');
    expect(await readInPlace(engine, 'up-branches', snapshot)).toBe(true);
    expect(isInPlace(engine, 'up-branches')).toBe(true);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM observations_local WHERE dataset_id = 'up-branches'`)).toEqual([{ n: 0 }]);
    expect(await readTables(engine)).toEqual(before);
  });

  it('gives back the memory its rows took in the session table', async () => {
    const engine = await sampleEngine();
    const sampleOnly = (await engineMemory(engine)).used;
    await importBytes(engine, encode(millionCsv(200_000)), 'up-many');
    const loaded = (await engineMemory(engine)).used - sampleOnly;
    expect(await readInPlace(engine, 'up-many', await writeSnapshot(engine, 'up-many'))).toBe(true);
    expect((await engineMemory(engine)).used - sampleOnly).toBeLessThan(loaded / 4);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n, sum(value)::DOUBLE AS s FROM observations WHERE dataset_id = 'up-many'`)).toEqual([{ n: 200_000, s: (199_999 * 200_000) / 2 }]);
  });

  it('is left as it is when the snapshot is of an earlier import of the same id', async () => {
    const engine = await sampleEngine();
    await importBytes(engine, DISTRICTS, 'up-districts');
    const earlier = await writeSnapshot(engine, 'up-districts');
    await importBytes(engine, encode(['地区,年份,快照测试指标', '东湖区,2023,9.5'].join('\n')), 'up-districts', undefined, true);
    const now = await readTables(engine);
    expect(await readInPlace(engine, 'up-districts', earlier)).toBe(false);
    expect(isInPlace(engine, 'up-districts')).toBe(false);
    expect(await readTables(engine)).toEqual(now);
    // Nor once the dataset is removed.
    const current = await writeSnapshot(engine, 'up-districts');
    await removeDataset(engine, 'up-districts');
    const removed = await readTables(engine);
    expect(await readInPlace(engine, 'up-districts', current)).toBe(false);
    expect(await readTables(engine)).toEqual(removed);
  });
});
