import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readSampleRows, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';
import { datasetRows, expectNoErrors, settledDraft } from './support/imports';

afterAll(closeBrowser);

const districts = readSampleRows('entities.csv').filter((e) => e.level === 'district');

/** A long Parquet file as pandas or DuckDB would write one: names, years as integers, values as doubles. */
function longParquet(): { bytes: Buffer; rows: { name: string; year: number; value: number }[] } {
  const rows = districts.flatMap((d, i) => [2021, 2022, 2023].map((year, k) => ({ name: d.name as string, year, value: Math.round((60 + i * 3.7 + k * 1.25) * 1000) / 1000 })));
  const bytes = parquetWriteBuffer({
    columnData: [
      { name: '地区', data: rows.map((r) => r.name), type: 'STRING' },
      { name: '年份', data: rows.map((r) => BigInt(r.year)), type: 'INT64' },
      { name: '营商环境得分', data: rows.map((r) => r.value), type: 'DOUBLE' },
    ],
  });
  return { bytes: Buffer.from(bytes), rows };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  return Buffer.concat(await stream.toArray());
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.setInputFiles('[data-testid=import-input]', [{ name, mimeType: 'application/vnd.apache.parquet', buffer }]);
  const draft = await settledDraft(page, name);
  if ((await draft.getAttribute('data-status')) === 'review') await draft.locator('[data-testid=import-confirm]').click();
  await expect.poll(() => draft.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
}

describe('Parquet', () => {
  it('imports a Parquet file through the same mapping as a CSV, and a query result goes out as Parquet and back in', async () => {
    const w = await openPage('/data', { width: 1366, height: 900 });
    await waitReady(w.page);
    const { bytes, rows } = longParquet();
    await importFile(w.page, '营商环境.parquet', bytes);
    const listed = (await datasetRows(w.page)).find((d) => d.name === '营商环境');
    expect(listed?.rows).toBe(rows.length);

    // Every value as the file has it, each year a period.
    const check = `SELECT count(*) AS n, sum(value)::DECIMAL(18,3) AS total, min(period) AS first, max(period) AS last FROM observations WHERE dataset_id = '${listed?.id}'`;
    await w.page.goto(`${new URL(w.page.url()).origin}/sql?q=${encodeURIComponent(check)}`);
    await waitReady(w.page);
    await w.page.locator('[data-testid=sql-result]').waitFor();
    const total = rows.reduce((sum, r) => sum + r.value, 0);
    expect((await w.page.locator('[data-testid=sql-result] [role=row][aria-rowindex="2"] [role=gridcell]').allInnerTexts()).map((c) => c.trim())).toEqual([String(rows.length), String(Number(total.toFixed(3))), '2021', '2023']);

    // Out: a query over the sample as Parquet, read here with hyparquet.
    const sql = "SELECT entity_id, indicator_id, period, value FROM observations WHERE dataset_id = 'sample-industry' ORDER BY entity_id, indicator_id, period";
    await w.page.goto(`${new URL(w.page.url()).origin}/sql?q=${encodeURIComponent(sql)}`);
    await waitReady(w.page);
    await w.page.locator('[data-testid=sql-result]').waitFor();
    const out = await downloaded(w.page, () => w.page.click('[data-testid=sql-download-parquet]'));
    const back = (await parquetReadObjects({ file: new Uint8Array(out).buffer })) as { entity_id: string; indicator_id: string; period: string; value: number }[];
    const industry = readSampleRows('industry.csv');
    expect(back).toHaveLength(industry.length);
    const expected = sampleObservations().filter((o) => industry.some((r) => r.indicator_id === o.indicator_id));
    const key = (o: { entity_id: string; indicator_id: string; period: string }) => `${o.entity_id}|${o.indicator_id}|${o.period}`;
    const values = new Map(expected.map((o) => [key(o), o.value]));
    for (const row of back) expect(row.value).toBe(values.get(key(row)));

    // And back in: the downloaded file imports to as many observations.
    await w.page.click('[data-testid=nav-data]');
    await importFile(w.page, '查询结果.parquet', out);
    expect((await datasetRows(w.page)).find((d) => d.name === '查询结果')?.rows).toBe(industry.length);

    // A dataset's export as Parquet: the same rows as its CSV export, names beside codes.
    const exported = await downloaded(w.page, () => w.page.locator('[data-testid=dataset-row][data-dataset=sample-industry] [data-testid=dataset-export-parquet]').click());
    const rowsOut = (await parquetReadObjects({ file: new Uint8Array(exported).buffer })) as { entity_id: string; entity: string; indicator_id: string; period: string; value: number }[];
    expect(rowsOut).toHaveLength(industry.length);
    const names = new Map(readSampleRows('entities.csv').map((e) => [e.entity_id, e.name]));
    for (const r of rowsOut) {
      expect(r.entity).toBe(names.get(r.entity_id));
      expect(r.value).toBe(values.get(key(r)));
    }

    // A file that says Parquet and is not: refused in words, and nothing else changes.
    const before = await datasetRows(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [{ name: '坏文件.parquet', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)]) }]);
    const bad = await settledDraft(w.page, '坏文件.parquet');
    expect(await bad.getAttribute('data-status')).toBe('refused');
    expect(await bad.innerText()).toContain('Parquet 文件读不出来');
    expect(await datasetRows(w.page)).toEqual(before);
    await expectNoErrors(w);
    await w.context.close();
  });
});
