import { describe, expect, it } from 'vitest';
import { statement } from '../../scripts/clickhouse/cluster';
import { loadFiles } from '../../scripts/clickhouse/loader';
import type { PublishStep } from '../../scripts/clickhouse/publish';
import { listDatasets } from '../../src/ingest/datasets';
import { readerEngine, serverState, shards, tempFile } from './support';

const csv = (value: number) => new TextEncoder().encode(`entity,indicator,period,value\n新城区,载入测试,2024,${value}\n新城区,载入测试,2025,${value + 1}\n老城区,载入测试,2025,${value + 2}\n`);
const quiet = { log: () => undefined };

describe('npm run clickhouse:load', () => {
  it('adds a file as a dataset the views list, and replaces it when loaded again', async () => {
    const path = await tempFile('load-twice.csv', csv(10));
    await loadFiles({ shards: shards() }, [path], quiet);
    const house = readerEngine();
    const listed = (await listDatasets(house)).find((d) => d.dataset_id === 'file-load-twice');
    expect(listed).toMatchObject({ kind: 'upload', row_count: 3, entities: 2, indicators: 1, first_period: '2024', last_period: '2025' });
    await loadFiles({ shards: shards() }, [await tempFile('load-twice.csv', csv(50))], quiet);
    const values = await house.query<{ v: number }>(`SELECT value AS v FROM observations WHERE dataset_id = 'file-load-twice' ORDER BY value`);
    expect(values.map((r) => r.v)).toEqual([50, 51, 52]);
  });

  for (const step of ['stage', 'catalog', 'commit', 'rename'] as PublishStep[]) {
    it(`leaves the server as it was when a load fails at its ${step} step, new or replacing`, async () => {
      await loadFiles({ shards: shards() }, [await tempFile('kept.csv', csv(1))], quiet);
      const before = await serverState();
      const failing = { ...quiet, onStep: (at: PublishStep) => {
        if (at === step) throw new Error(`stopped at ${step}`);
      } };
      // A replacement of a dataset the server holds, and a dataset it does not.
      await expect(loadFiles({ shards: shards() }, [await tempFile('kept.csv', csv(100))], failing)).rejects.toThrow(`stopped at ${step}`);
      await expect(loadFiles({ shards: shards() }, [await tempFile('never.csv', csv(200))], failing)).rejects.toThrow(`stopped at ${step}`);
      expect(await serverState()).toBe(before);
    });
  }

  it('waits for no other load: while one holds the lock, another is refused and changes nothing', async () => {
    const first = shards()[0] as string;
    await statement(first, 'CREATE TABLE hqd.load_lock (since DateTime) ENGINE = Memory');
    const before = await serverState();
    try {
      await expect(loadFiles({ shards: shards() }, [await tempFile('locked.csv', csv(7))], quiet)).rejects.toThrow(/another load is running/);
      expect(await serverState()).toBe(before);
    } finally {
      await statement(first, 'DROP TABLE hqd.load_lock');
    }
  });

  it('refuses a file the import refuses, with the Data view’s reason, and changes nothing', async () => {
    const before = await serverState();
    await expect(loadFiles({ shards: shards() }, [await tempFile('empty.csv', new Uint8Array())], quiet)).rejects.toThrow(/empty\.csv: The file is empty: there is nothing to import/);
    await expect(loadFiles({ shards: shards() }, [await tempFile('header.csv', new TextEncoder().encode('entity,indicator,period,value\n'))], quiet)).rejects.toThrow(/header\.csv/);
    expect(await serverState()).toBe(before);
  });

  it('publishes an indicator catalog file: its indicators, and no dataset', async () => {
    const header = 'indicator_id,name_zh,name_en,category,unit,direction,target,target_year,weight,tier,gate_min,gate_max_stars,decimals,definition,source';
    const file = `${header}\nload_test_catalog,载入测试指标,Load test indicator,coverage,%,1,88.5,2027,2,basic,,,1,定义,来源\n`;
    const datasets = (await listDatasets(readerEngine())).length;
    await loadFiles({ shards: shards() }, [await tempFile('catalog.csv', new TextEncoder().encode(file))], quiet);
    const [row] = await readerEngine().query(`SELECT name_en, target, target_year, weight FROM indicators WHERE indicator_id = 'load_test_catalog'`);
    expect(row).toEqual({ name_en: 'Load test indicator', target: 88.5, target_year: 2027, weight: 2 });
    expect((await listDatasets(readerEngine())).length).toBe(datasets);
  });

  it('prints the import report with every kind of refusal', async () => {
    const lines: string[] = [];
    const messy = 'entity,indicator,period,value\n甲,指标,2024,1\n甲,指标,2024,2\n乙,指标,二〇二四,3\n丙,指标,2024,n/a?\n';
    await loadFiles({ shards: shards() }, [await tempFile('messy.csv', new TextEncoder().encode(messy))], { log: (l) => lines.push(l) });
    const text = lines.join('\n');
    expect(text).toMatch(/messy\.csv: 1 observations/);
    expect(text).toMatch(/3 cells refused/);
    expect(text).toMatch(/line 3, column value, value "2": repeats an earlier row/);
    expect(text).toMatch(/line 4, column \w+, value "二〇二四": period not recognised/);
    expect(text).toMatch(/line 5, column value, value "n\/a\?": not a number/);
    expect(text).toMatch(/published as dataset file-messy/);
  });
});
