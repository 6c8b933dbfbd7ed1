import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DATASET_IDS } from '../../src/ingest/samples';
import { readSampleRows, SAMPLE_SET_FILES, sampleObservations } from '../support/sample-csv';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

const observations = sampleObservations();
const entities = readSampleRows('entities.csv');
const districts = new Set(entities.filter((e) => e.level === 'district').map((e) => e.entity_id));

const editor = (page: Page) => page.locator('[data-testid=sql-editor] .cm-content');
const settled = (page: Page) => page.locator('.sql[data-settled=true]').waitFor();

/** Clears the editor and pastes `sql` into it, as a person does with the keyboard. */
async function typeSql(page: Page, sql: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(sql);
}

/** Puts `sql` in the editor and runs it with Ctrl+Enter; waits for the answer. */
async function runSql(page: Page, sql: string): Promise<void> {
  await settled(page);
  await typeSql(page, sql);
  await page.keyboard.press('Control+Enter');
  await settled(page);
}

const resultRows = async (page: Page) => Number(await page.locator('[data-testid=sql-result]').getAttribute('data-rows'));

/** A fingerprint of every row of every table, taken through the bench itself. */
async function fingerprint(page: Page): Promise<string> {
  await runSql(
    page,
    `SELECT 'o' AS t, count(*) AS n, sum(hash(dataset_id, entity_id, indicator_id, period, value)) AS h FROM observations
     UNION ALL SELECT 'e', count(*), sum(hash(entity_id, name, level, parent_id)) FROM entities
     UNION ALL SELECT 'i', count(*), sum(hash(indicator_id, name_zh, target, weight)) FROM indicators
     UNION ALL SELECT 'd', count(*), sum(hash(dataset_id, name, row_count)) FROM datasets ORDER BY t`,
  );
  return page.locator('[data-testid=sql-result] [role=grid]').innerText();
}

describe('the SQL view', () => {
  it("answers a query with the sample's values, charts it, keeps it in the history and in the link", async () => {
    const w = await openPage('/');
    await waitReady(w.page);
    await w.page.click('[data-testid=nav-sql]');
    const sql = "SELECT entity_name, period, value FROM observations_named WHERE indicator_id = 'hightech_share' AND level = 'district' ORDER BY entity_id, period";
    await runSql(w.page, sql);
    const expected = observations.filter((o) => o.indicator_id === 'hightech_share' && districts.has(o.entity_id)).sort((a, b) => a.entity_id.localeCompare(b.entity_id) || a.period.localeCompare(b.period));
    expect(await resultRows(w.page)).toBe(expected.length);
    expect(await w.page.locator('[data-testid=sql-result]').getAttribute('data-columns')).toBe('3');
    const first = expected[0]!;
    const firstRow = w.page.locator('[data-testid=sql-result] [role=row][aria-rowindex="2"]');
    expect((await firstRow.locator('[role=gridcell]').allInnerTexts()).map((s) => s.trim())).toEqual([entities.find((e) => e.entity_id === first.entity_id)!.name, first.period, String(first.value)]);

    // The chart: a line per district over the periods, every value drawn.
    await w.page.click('[data-testid=sql-tab-chart]');
    const chart = w.page.locator('[data-testid=sql-result] [data-testid=chart]');
    await chart.waitFor();
    expect(await chart.getAttribute('data-kind')).toBe('line');
    expect(Number(await chart.getAttribute('data-points'))).toBe(expected.length);
    await w.page.click('[data-testid=sql-chart-bar]');
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('bar');

    // The CSV holds every row.
    const [file] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid=sql-download-csv]')]);
    const csv = (await file.createReadStream().then(async (s) => Buffer.concat(await s.toArray()))).toString('utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(expected.length + 1);

    // The link runs the same query in a fresh page; the history keeps it in this browser.
    expect(new URL(w.page.url()).searchParams.get('q')).toBe(sql);
    await expect.poll(() => w.page.locator('[data-testid=sql-history] li').count()).toBe(1);
    const again = await openPage(new URL(w.page.url()).pathname + new URL(w.page.url()).search);
    await waitReady(again.page);
    await again.page.locator('[data-testid=sql-result]').waitFor();
    expect(await resultRows(again.page)).toBe(expected.length);
    expect(await again.page.locator('[data-testid=sql-tab-chart]').getAttribute('aria-selected')).toBe('true');

    // The side panel lists the research views with their columns.
    const named = w.page.locator('[data-testid=sql-relations] [data-relation=observations_named]');
    expect(await named.innerText()).toContain('entity_name');
    expect(await w.page.locator('[data-testid=sql-relations] [data-relation=observations_wide]').count()).toBe(1);

    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await again.context.close();
    await w.context.close();
  });

  it('refuses every statement that writes or reaches outside, says why, and the datasets stay as they were', async () => {
    const w = await openPage('/sql');
    await waitReady(w.page);
    const before = await fingerprint(w.page);
    const refused = [
      "INSERT INTO entities VALUES ('x', 'x', 'district', NULL)",
      'UPDATE indicators SET target = 0',
      'DELETE FROM observations_local',
      'DROP TABLE entities',
      'CREATE TABLE stolen AS SELECT * FROM entities',
      'ALTER TABLE entities RENAME TO gone',
      "ATTACH 'other.db' AS other",
      "COPY entities TO 'entities.csv'",
      'INSTALL httpfs',
      'LOAD httpfs',
      'SET threads = 1',
      'PRAGMA database_list',
      'CALL checkpoint()',
      "EXPORT DATABASE 'out'",
      'SELECT 1; DROP TABLE entities',
      'select 1 -- first\n;\ndelete from entities',
      '/* comment */ DeLeTe FROM entities',
      'WITH gone AS (DELETE FROM entities RETURNING *) SELECT * FROM gone',
      "SELECT * FROM read_csv('https://example.com/data.csv')",
      "SELECT * FROM read_text('/etc/passwd')",
      "SELECT * FROM 'https://example.com/data.parquet'",
      "SELECT * FROM query('DROP TABLE entities')",
    ];
    for (const sql of refused) {
      await runSql(w.page, sql);
      const error = w.page.locator('[data-testid=sql-error]');
      expect(await error.getAttribute('data-kind'), sql).toBe('refused');
      expect(await error.innerText()).toContain('数据未作任何改动');
      // The refused word is marked in the editor.
      expect(await w.page.locator('[data-testid=sql-editor]').getAttribute('data-error')).not.toBeNull();
    }
    expect(await fingerprint(w.page)).toBe(before);
    // The Data view still lists every sample dataset.
    await w.page.click('[data-testid=nav-data]');
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    const rows = w.page.locator('[data-testid=dataset-row]');
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-dataset')}:${tr.getAttribute('data-rows')}`));
    expect(listed.sort()).toEqual(SAMPLE_SET_FILES.map((f, i) => `${SAMPLE_DATASET_IDS[i]}:${readSampleRows(f).length}`).sort());
    expect(w.foreignRequests).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('completes table and column names as they are typed', async () => {
    const w = await openPage('/sql');
    await waitReady(w.page);
    await settled(w.page);
    await typeSql(w.page, 'SELECT * FROM observations_n');
    const options = w.page.locator('[data-testid=sql-editor] .cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('observations_named')]));
    await w.page.keyboard.press('Enter');
    expect(await editor(w.page).innerText()).toContain('FROM observations_named');
    await w.page.keyboard.insertText(' WHERE entity_na');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('entity_name')]));
    await w.context.close();
  });

  it("marks DuckDB's error where it points, and a long query can be cancelled", async () => {
    const w = await openPage('/sql');
    await waitReady(w.page);
    const bad = 'SELECT entity_id,\n  no_such_column\nFROM observations';
    await runSql(w.page, bad);
    const error = w.page.locator('[data-testid=sql-error]');
    expect(await error.getAttribute('data-kind')).toBe('query');
    expect(await error.innerText()).toMatch(/no_such_column/);
    expect(await error.innerText()).toContain('第 2 行第 3 列');
    expect(await w.page.locator('[data-testid=sql-editor]').getAttribute('data-error')).toBe(String(bad.indexOf('no_such_column')));
    expect(await w.page.locator('[data-testid=sql-editor] .cm-lintRange-error').innerText()).toBe('no_such_column');

    await settled(w.page);
    await typeSql(w.page, 'SELECT count(*) FROM range(1000000000000) a(i) WHERE i % 7 = 3');
    await w.page.click('[data-testid=sql-run]');
    await w.page.locator('[data-testid=sql-cancel]').click();
    await w.page.locator('[data-testid=sql-cancelled]').waitFor();
    // The engine is free again at once, and answers the next query.
    await runSql(w.page, 'SELECT count(*) AS n FROM observations');
    expect(await w.page.locator('[data-testid=sql-result] [role=row][aria-rowindex="2"]').innerText()).toContain(String(observations.length));
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
