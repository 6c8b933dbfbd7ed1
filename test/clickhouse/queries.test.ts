import { beforeAll, describe, expect, it } from 'vitest';
import { statement } from '../../scripts/clickhouse/cluster';
import { loadFiles } from '../../scripts/clickhouse/loader';
import { clickhouseString } from '../../src/engine/dialect';
import type { Engine } from '../../src/engine/types';
import { listDatasets } from '../../src/ingest/datasets';
import { SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import { importBytes } from '../support/import-bytes';
import { NO_REALDATA, realBytes, realPath } from '../support/realdata';
import { sampleEngine } from '../support/samples';
import { everyAnswer, readerEngine, shards, tempFile } from './support';

// One DuckDB engine lives in a test worker at a time (node-engine.ts resets the shared bundle),
// and the loader makes its own: each DuckDB side is built after the loads it is compared with.
let house: Engine;
const all = [...SAMPLE_DATASET_IDS];

/** DuckDB with the sample and these files imported as the browser imports them. */
async function duckWith(files: { id: string; bytes: Uint8Array }[] = []): Promise<Engine> {
  const engine = await sampleEngine();
  for (const f of files) await importBytes(engine, f.bytes, f.id);
  return engine;
}

const withoutTimes = (rows: { imported_at: string; dataset_id: string }[]) =>
  rows.map(({ imported_at: _, ...rest }) => rest).sort((a, b) => a.dataset_id.localeCompare(b.dataset_id));

beforeAll(() => {
  house = readerEngine();
});

describe('the sample over ClickHouse', () => {
  it('lists the same datasets with their counts', async () => {
    // Each side imported the sample at its own time; other test files load datasets of their own.
    const sample = (await listDatasets(house)).filter((d) => all.includes(d.dataset_id));
    expect(withoutTimes(sample)).toEqual(withoutTimes(await listDatasets(await duckWith())));
  });

  it('answers every view question with the rows DuckDB gives, for all datasets and for each alone', async () => {
    const duck = await duckWith();
    const both = await everyAnswer(house, all);
    expect(both.indicators.length).toBeGreaterThan(5);
    expect(both.snapshots.flat().length).toBeGreaterThan(100);
    expect(both).toEqual(await everyAnswer(duck, all));
    for (const id of all) expect(await everyAnswer(house, [id])).toEqual(await everyAnswer(duck, [id]));
  });

  it('counts a cell two datasets in view both hold once, as their mean', async () => {
    // The same file loaded twice under two ids, one value changed in the second: the views see one cell.
    const csv = 'entity,indicator,period,value\n城区,重复指标,2024,10\n城区,重复指标,2025,20\n';
    const other = csv.replace(',20\n', ',30\n');
    const ids = ['dup-a', 'dup-b'];
    const files = [csv, other].map((text, k) => ({ id: ids[k] as string, bytes: new TextEncoder().encode(text) }));
    for (const f of files) await loadFiles({ shards: shards() }, [await tempFile(`${f.id}.csv`, f.bytes)], { id: f.id, log: () => undefined });
    const answers = await everyAnswer(house, ids);
    expect(answers).toEqual(await everyAnswer(await duckWith(files), ids));
    expect(answers.snapshots[0]?.map((r) => r.value)).toEqual([25]);
  });
});

describe('quoting for ClickHouse', () => {
  it('round-trips every hostile text through a literal on the server', async () => {
    const hostile = ["o'brien", '\\', "\\'", "a\\\\'b", "'; DROP TABLE hqd.entities; --", '?', '名 ?\'', 'tab\there', 'line\nbreak', '🏙️', 'nul\u0000byte', '\\0', "''", '`'];
    for (const text of hostile) {
      const [row] = await house.query<{ v: string }>(`SELECT ${clickhouseString(text)} AS v`);
      expect(row?.v).toBe(text);
      const [bound] = await house.query<{ v: string }>('SELECT ? AS v', [text]);
      expect(bound?.v).toBe(text);
    }
    expect((await house.query<{ n: number }>('SELECT count() AS n FROM entities'))[0]?.n).toBeGreaterThan(0);
  });

  it('carries hostile entity and indicator names from a file through the loader to every view', async () => {
    const names = ["o'brien", 'back\\slash', "\\'", "'; DROP TABLE hqd.entities; --", '问号?', '🏙️ city'];
    const field = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const lines = ['entity,indicator,period,value'];
    names.forEach((n, k) => {
      for (const year of [2023, 2024]) lines.push([field(n), field(`${n} 指标`), year, k * 10 + year - 2020].join(','));
    });
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    await loadFiles({ shards: shards() }, [await tempFile('hostile.csv', bytes)], { id: 'hostile', log: () => undefined });
    const answers = await everyAnswer(house, ['hostile']);
    expect(answers.entities.map((e) => e.name).sort()).toEqual([...names].sort());
    expect(answers.indicators).toHaveLength(names.length);
    expect(answers).toEqual(await everyAnswer(await duckWith([{ id: 'hostile', bytes }]), ['hostile']));
  });
});

describe.skipIf(NO_REALDATA)('a real file over ClickHouse', () => {
  it('World Bank long table: the same answers as imported in DuckDB', async () => {
    const file = 'wdi-industry-long/nv.ind.totl.zs_data.csv';
    // The dataset is named as its file, as the loader names it: the indicator takes the file's name.
    const id = 'nv.ind.totl.zs_data';
    await loadFiles({ shards: shards() }, [realPath(file)], { id, log: () => undefined });
    const answers = await everyAnswer(house, [id]);
    expect(answers.years.length).toBeGreaterThan(20);
    expect(answers.entities.length).toBeGreaterThan(100);
    expect(answers).toEqual(await everyAnswer(await duckWith([{ id, bytes: realBytes(file) }]), [id]));
  });
});

describe('the browser user', () => {
  it('may only read', async () => {
    // The server refuses the browser user's writes, however they are sent.
    const writes = ['DROP TABLE datasets', "INSERT INTO datasets (dataset_id) VALUES ('x')", 'CREATE TABLE t (a Int32) ENGINE = Memory', "ALTER TABLE observations_shard DROP PARTITION 'sample-industry'", 'SET max_threads = 1'];
    for (const sql of writes) {
      const raw = await fetch(`${shards()[0]}/?user=hqd_reader&database=hqd`, { method: 'POST', body: sql });
      expect(raw.ok, sql).toBe(false);
      expect(await raw.text(), sql).toMatch(/readonly/i);
    }
    await expect(house.transaction(async () => undefined)).rejects.toThrow(/not available over ClickHouse/);
    expect((await statement(shards()[0] as string, 'EXISTS TABLE hqd.datasets')).trim()).toBe('1');
  });
});
