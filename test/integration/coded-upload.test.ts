import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { removeDataset } from '../../src/ingest/datasets';
import { loadDataset } from '../../src/ingest/load';
import { decodePrefix } from '../../src/ingest/decode';
import { sniff, toMapping } from '../../src/ingest/sniff';
import { codedSchemaOf } from '../../src/ingest/in-place';
import { importBytes } from '../support/import-bytes';
import { sampleEngine } from '../support/samples';

// An upload's rows are written as small integer codes in a schema of its own, not as strings in
// the session table: what every reader sees through `observations` is the same, and nothing of
// an import that fails, or of a dataset removed, stays behind.

const encode = (text: string) => new TextEncoder().encode(text);
const CLEAN = encode(['地区,年份,导入测试指标,另一导入指标', '东湖区,2023,1.5,100', '西城区,2023,2.5,200', '南港区,2024年,3.5,300'].join('\n'));
// 2023 and 2023年 are one period: the streamed insert finds the repeat and the file is read again the staged way.
const REPEATED = encode(['地区,年份,导入测试指标', '东湖区,2023,1.5', '东湖区,2023年,9.9', '西城区,2024,2.5'].join('\n'));

const uploadSchemas = async (engine: Engine) =>
  (await engine.query<{ s: string }>(`SELECT DISTINCT schema_name AS s FROM duckdb_tables() WHERE schema_name LIKE 'hqd_upload_%' ORDER BY s`)).map((r) => r.s);
const rowsOf = (engine: Engine, id: string) =>
  engine.query(`SELECT entity_id, indicator_id, period, CAST(period_start AS VARCHAR) AS start, grain, value, flag FROM observations WHERE dataset_id = ? ORDER BY ALL`, [id]);

describe('an upload of this session', () => {
  it('is coded in its own schema and read through observations with its keys written out', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, CLEAN, 'up-clean');
    expect(result.rows).toBe(6);
    const schema = codedSchemaOf(engine, 'up-clean');
    expect(schema).toMatch(/^hqd_upload_\d+$/);
    expect(await uploadSchemas(engine)).toEqual([schema]);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM observations_local WHERE dataset_id = 'up-clean'`)).toEqual([{ n: 0 }]);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${schema}.observations`)).toEqual([{ n: 6 }]);
    const rows = await rowsOf(engine, 'up-clean');
    expect(rows.map((r) => [r.entity_id, r.indicator_id, r.period, r.start, r.grain, r.value])).toEqual([
      ['d01', 'u:另一导入指标', '2023', '2023-01-01', 'year', 100],
      ['d01', 'u:导入测试指标', '2023', '2023-01-01', 'year', 1.5],
      ['d02', 'u:另一导入指标', '2023', '2023-01-01', 'year', 200],
      ['d02', 'u:导入测试指标', '2023', '2023-01-01', 'year', 2.5],
      ['d03', 'u:另一导入指标', '2024', '2024-01-01', 'year', 300],
      ['d03', 'u:导入测试指标', '2024', '2024-01-01', 'year', 3.5],
    ]);
    // Each key table lists the keys of accepted rows once.
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${schema}.period_keys`)).toEqual([{ n: 2 }]);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM ${schema}.indicator_keys`)).toEqual([{ n: 2 }]);
  });

  it('leaves no schema of a streamed insert that found a repeat, and the staged way reports it', async () => {
    const engine = await sampleEngine();
    const { result } = await importBytes(engine, REPEATED, 'up-repeated');
    expect(result.rows).toBe(2);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'duplicate']]);
    expect(await uploadSchemas(engine)).toEqual([codedSchemaOf(engine, 'up-repeated')]);
    expect((await rowsOf(engine, 'up-repeated')).map((r) => [r.entity_id, r.period, r.value])).toEqual([
      ['d01', '2023', 1.5],
      ['d02', '2024', 2.5],
    ]);
  });

  it('takes the place of its earlier import when re-imported, and is gone with its schema when removed', async () => {
    const engine = await sampleEngine();
    await importBytes(engine, CLEAN, 'up-again');
    const first = codedSchemaOf(engine, 'up-again');
    await importBytes(engine, encode(['地区,年份,导入测试指标', '东湖区,2025,7'].join('\n')), 'up-again', undefined, true);
    const second = codedSchemaOf(engine, 'up-again');
    expect(second).not.toBe(first);
    expect(await uploadSchemas(engine)).toEqual([second]);
    expect((await rowsOf(engine, 'up-again')).map((r) => [r.entity_id, r.period, r.value])).toEqual([['d01', '2025', 7]]);
    await removeDataset(engine, 'up-again');
    expect(codedSchemaOf(engine, 'up-again')).toBeNull();
    expect(await uploadSchemas(engine)).toEqual([]);
    expect(await rowsOf(engine, 'up-again')).toEqual([]);
  });

  it('changes nothing when its import is refused, and a dataset already loaded keeps its rows', async () => {
    const engine = await sampleEngine();
    await importBytes(engine, CLEAN, 'up-kept');
    const kept = await rowsOf(engine, 'up-kept');
    const schemas = await uploadSchemas(engine);
    await expect(importBytes(engine, encode(['地区,年份,导入测试指标', '东湖区,2023,不是数字'].join('\n')), 'up-none')).rejects.toThrow();
    await expect(importBytes(engine, CLEAN, 'up-kept')).rejects.toThrow(/exists/);
    expect(await uploadSchemas(engine)).toEqual(schemas);
    expect(await rowsOf(engine, 'up-kept')).toEqual(kept);
    expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM datasets WHERE dataset_id = 'up-none'`)).toEqual([{ n: 0 }]);
  });

  it('leaves nothing when cancelled after its rows are written, before they are in view', async () => {
    const base = await sampleEngine();
    const before = await uploadSchemas(base);
    const cancel = new AbortController();
    // Cancelled as the check after the insert begins: the coded rows exist, the view does not read them yet.
    const engine: Engine = {
      ...base,
      query: (sql, params, options) => {
        if (/AS repeats/.test(sql)) cancel.abort();
        return base.query(sql, params, options);
      },
    };
    const mapping = toMapping(sniff(decodePrefix(CLEAN, 'utf-8', Number.MAX_SAFE_INTEGER), { fileName: 'c.csv', complete: true }), 'utf-8');
    await engine.registerFile('c.csv', CLEAN.slice());
    await expect(loadDataset(engine, { datasetId: 'up-cancel', name: 'c', kind: 'upload', sourceFile: 'c.csv', registeredFile: 'c.csv', mapping, signal: cancel.signal })).rejects.toThrow();
    expect(cancel.signal.aborted).toBe(true);
    expect(await uploadSchemas(base)).toEqual(before);
    expect(codedSchemaOf(engine, 'up-cancel')).toBeNull();
    expect(await base.query(`SELECT count(*)::INTEGER AS n FROM datasets WHERE dataset_id = 'up-cancel'`)).toEqual([{ n: 0 }]);
    expect(await rowsOf(base, 'up-cancel')).toEqual([]);
  });
});
