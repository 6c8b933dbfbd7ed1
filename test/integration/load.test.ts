import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types';
import { ImportError, importDataFile, inspectFile } from '../../src/ingest/import-file';
import { ImportRefused, loadDataset } from '../../src/ingest/load';
import type { ImportMapping } from '../../src/domain/mapping';
import { guessLongColumns } from '../../src/ingest/roles';
import { memoryLimitMb, memoryLimitSql } from '../../src/engine/setup';
import { sampleEngine } from '../support/samples';

let engine: Engine;
beforeEach(async () => {
  engine = await sampleEngine();
});

const encoder = new TextEncoder();

function longMapping(text: string): ImportMapping {
  const lines = text.trimEnd().split('\n');
  return {
    layout: 'long',
    read: { encoding: 'utf-8', delimiter: ',', headerRow: 0, dataRows: lines.length - 1 },
    columns: guessLongColumns((lines[0] ?? '').split(',')),
    indicator: { name: '', unit: '', direction: 1 },
    entityLevel: 'region',
  };
}

async function importText(id: string, text: string, mapping = longMapping(text)) {
  await engine.registerFile(`${id}.csv`, encoder.encode(text));
  return loadDataset(engine, { datasetId: id, name: id, kind: 'upload', sourceFile: `${id}.csv`, registeredFile: `${id}.csv`, mapping });
}

const snapshot = () =>
  engine.query('SELECT dataset_id, count(*) AS n, sum(value) AS s FROM observations GROUP BY dataset_id ORDER BY dataset_id');

describe('loading a dataset', () => {
  it('reports every unreadable cell with its line, column, value and reason, and keeps the rest', async () => {
    const text = ['地区,年份,指标,数值', '东湖区,2023年,高新技术产业占比,41.5', '西城区,2023,高新技术产业占比,abc', '南港区,2023年13月,高新技术产业占比,12', '北岭区,2023,高新技术产业占比,..', '东湖区,2023,高新技术产业占比,42'].join('\n');
    const result = await importText('u1', text);
    expect(result.rows).toBe(1);
    expect(result.rejects).toEqual([
      { line: 3, column: '数值', value: 'abc', reason: 'number' },
      { line: 4, column: '数值', value: '2023年13月', reason: 'period' },
      { line: 6, column: '数值', value: '42', reason: 'duplicate' },
    ]);
    expect(result.rejected).toBe(3);
    // Names resolve to the catalog and the entity hierarchy, so the upload joins the sample.
    const [row] = await engine.query<{ entity_id: string; indicator_id: string; value: number }>(
      `SELECT entity_id, indicator_id, value FROM observations WHERE dataset_id = 'u1'`,
    );
    expect(row).toEqual({ entity_id: 'd01', indicator_id: 'hightech_share', value: 41.5 });
  });

  it('keeps the first of two cells of one record that carry the same key, and refuses the second', async () => {
    const headers = ['地区', '2023', '2024', '2024年', '2023年'];
    const text = `${headers.join(',')}\n甲,1,2,3,4\n`;
    const mapping: ImportMapping = {
      ...longMapping(text),
      layout: 'wide-period',
      columns: headers.map((name, i) => ({ name, role: i === 0 ? 'entity' : 'measure' })),
      indicator: { name: '得分', unit: '', direction: 1 },
    };
    const result = await importText('u6', text, mapping);
    expect(result.rows).toBe(2);
    // In file order, left to right.
    expect(result.rejects).toEqual([
      { line: 2, column: '2024年', value: '3', reason: 'duplicate' },
      { line: 2, column: '2023年', value: '4', reason: 'duplicate' },
    ]);
    const rows = await engine.query(`SELECT period, value FROM observations WHERE dataset_id = 'u6' ORDER BY period`);
    expect(rows).toEqual([{ period: '2023', value: 1 }, { period: '2024', value: 2 }]);
  });

  it('refuses a file with no numeric value and changes nothing', async () => {
    const before = await snapshot();
    const entities = await engine.query('SELECT count(*) AS n FROM entities');
    await expect(importText('u2', '地区,年份,指标,数值\n新区,2023,新指标,abc\n')).rejects.toBeInstanceOf(ImportRefused);
    expect(await snapshot()).toEqual(before);
    expect(await engine.query('SELECT count(*) AS n FROM entities')).toEqual(entities);
    expect(await engine.query(`SELECT * FROM datasets WHERE dataset_id = 'u2'`)).toEqual([]);
  });

  it('creates new entities and indicators for names it does not know, shared across uploads', async () => {
    await importText('u3', 'Country Name,Year,Indicator,Value\nNunavut 5,2023,Population,"40,000"\n');
    const text = 'Country Name,Year,Indicator,Value\nNunavut,2024,Population,41000\n';
    await importText('u4', text);
    const rows = await engine.query<{ dataset_id: string; entity_id: string; indicator_id: string; value: number }>(
      `SELECT dataset_id, entity_id, indicator_id, value FROM observations WHERE dataset_id IN ('u3', 'u4') ORDER BY dataset_id`,
    );
    expect(rows).toEqual([
      { dataset_id: 'u3', entity_id: 'u:Nunavut', indicator_id: 'u:Population', value: 40000 },
      { dataset_id: 'u4', entity_id: 'u:Nunavut', indicator_id: 'u:Population', value: 41000 },
    ]);
  });

  it('treats names with quotes, semicolons and comment marks as plain text', async () => {
    const hostile = `x'); DROP TABLE observations; --`;
    const result = await importText('u5', `地区,年份,指标,数值\n"${hostile}",2023,"a""b;--",1\n`);
    expect(result.rows).toBe(1);
    const [row] = await engine.query<{ name: string }>(`SELECT e.name FROM observations o JOIN entities e USING (entity_id) WHERE dataset_id = 'u5'`);
    expect(row?.name).toBe(hostile);
    expect((await snapshot()).length).toBe(5);
  });
});

describe('records that do not fit the table', () => {
  const withFields = (text: string, fields: number): ImportMapping => {
    const m = longMapping(text);
    return { ...m, read: { ...m.read, fields } };
  };

  it('refuses short and long records whole, by line with their text, and reads the rest exactly', async () => {
    const text = [
      '地区,年份,指标,数值',
      '东湖区,2023,参差得分,1',
      '西城区,2023,参差得分', // value dropped at the end
      '南港区,参差得分,3', // a cell absent in the middle: the rest moved left
      '北岭区,2023,参差得分,1,234', // an unquoted thousands separator
      '高新区,2023,参差得分,5,', // a trailing delimiter adds no field
      '临江县,2023,参差得分,,', // an empty value and a trailing delimiter: missing, not short
      '   ', // a line of blanks is no record anyone meant
      '青山县,2023,参差得分,7',
    ].join('\n');
    const before = await snapshot();
    const result = await importText('r1', text, withFields(text, 4));
    expect(result).toMatchObject({ rows: 3, rejected: 0, raggedRows: 3 });
    expect(result.rejects).toEqual([
      { line: 3, column: '', value: '西城区,2023,参差得分', reason: 'shortRow' },
      { line: 4, column: '', value: '南港区,参差得分,3', reason: 'shortRow' },
      { line: 5, column: '', value: '北岭区,2023,参差得分,1,234,…', reason: 'longRow' },
    ]);
    const rows = await engine.query<{ name: string; value: number }>(
      `SELECT e.name, o.value FROM observations o JOIN entities e USING (entity_id) WHERE dataset_id = 'r1' ORDER BY o.value`,
    );
    expect(rows).toEqual([
      { name: '东湖区', value: 1 },
      { name: '高新区', value: 5 },
      { name: '青山县', value: 7 },
    ]);
    expect((await snapshot()).filter((r) => r.dataset_id !== 'r1')).toEqual(before);
  });

  it('lists a refused record before the refused cells of later records, in file order', async () => {
    const text = ['地区,年份,指标,数值', '东湖区,2023,参差得分,x', '西城区,2023', '南港区,2023,参差得分,3'].join('\n');
    const result = await importText('r2', text, withFields(text, 4));
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'number'],
      [3, 'shortRow'],
    ]);
  });

  it('takes the usual record width, not the header, as whole: a header with one delimiter more refuses nothing', async () => {
    const text = ['地区,年份,指标,数值,', '东湖区,2023,宽头得分,1', '西城区,2023,宽头得分,2'].join('\n');
    const m = withFields(text, 4);
    const mapping: ImportMapping = { ...m, columns: [...m.columns.slice(0, 4), { name: '(column 5)', role: 'ignore' }] };
    const result = await importText('r3', text, mapping);
    expect(result).toMatchObject({ rows: 2, raggedRows: 0, rejects: [] });
  });

  it('reads a mapping saved before record widths were kept as it was read then: short records are not refused', async () => {
    const text = ['地区,年份,指标,数值', '东湖区,2023,旧映射得分,1', '西城区,2023,旧映射得分'].join('\n');
    const result = await importText('r4', text);
    expect(result).toMatchObject({ rows: 1, raggedRows: 0, rejects: [] });
  });

  it('refuses a file whose every record is ragged, and changes nothing', async () => {
    const text = ['地区,年份,指标,数值', '东湖区,2023', '西城区,2023'].join('\n');
    const before = await snapshot();
    await expect(importText('r5', text, withFields(text, 4))).rejects.toBeInstanceOf(ImportRefused);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a file larger than the engine may hold', () => {
  it('is refused as out of memory with the limit named, adds nothing, and the engine goes on working', async () => {
    // A 0.25 GB device's limit, and a file whose staged text alone is about twice that.
    await engine.query(memoryLimitSql(memoryLimitMb(0.25)));
    const before = await snapshot();
    const lines = ['地区,年份,指标,数值'];
    for (let i = 0; i < 1_200_000; i++) lines.push(`内存测试用的一个很长的地区名称${i % 5000},${2000 + (i % 20)},内存测试指标名称${i % 12},${i}.5`);
    const file = new Blob([lines.join('\n')]);
    const inspection = await inspectFile(file, '太大.csv');
    const error = await importDataFile(engine, { file, datasetId: 'big', name: '太大', sourceFile: '太大.csv', mapping: inspection.mapping }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ reason: 'out-of-memory' });
    expect(Number((error as ImportError).detail)).toBe(128 * 1024 ** 2);
    expect(await snapshot()).toEqual(before);
    expect(await engine.query(`SELECT count(*) AS n FROM datasets WHERE dataset_id = 'big'`)).toEqual([{ n: 0 }]);
    // Temporary tables were dropped: a small file imports under the same limit.
    const small = ['地区,年份,指标,数值', '东湖区,2023,内存测试指标,1', '西城区,2023,内存测试指标,2'].join('\n');
    expect((await importText('small', small)).rows).toBe(2);
  }, 120_000);
});

describe('several loads at once', () => {
  it('keeps each file to its own dataset when imports overlap', async () => {
    const texts = ['地区,年份,指标,数值\n甲,2023,a,1\n', '地区,年份,指标,数值\n乙,2023,b,2\n乙,2024,b,3\n', '地区,年份,指标,数值\n丙,2023,c,4\n'];
    const results = await Promise.all(texts.map((text, i) => importText(`p${i}`, text)));
    expect(results.map((r) => r.rows)).toEqual([1, 2, 1]);
    const rows = await engine.query<{ dataset_id: string; n: number }>(
      `SELECT dataset_id, CAST(count(*) AS INTEGER) AS n FROM observations WHERE dataset_id LIKE 'p%' GROUP BY dataset_id ORDER BY dataset_id`,
    );
    expect(rows).toEqual([{ dataset_id: 'p0', n: 1 }, { dataset_id: 'p1', n: 2 }, { dataset_id: 'p2', n: 1 }]);
  });
});
