import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeGb18030 } from '../support/csv-gen';
import { closeBrowser, openPage, waitReady, type PageWatch } from './support/app';
import { csvFile, datasetRows, expectNoErrors, settledDraft, type DatasetRow } from './support/imports';

// Faults while a file is being imported: the engine running out of memory, and the page reloaded
// half-way. Either way nothing half-imported is ever seen, and the session (or the next one) works.

const dir = mkdtempSync(join(tmpdir(), 'hqd-import-faults-'));
afterAll(async () => {
  await closeBrowser();
  rmSync(dir, { recursive: true, force: true });
});

/** A long table of `rows` values: 5,000 places with long names, 20 years, 12 indicators. */
function longTable(rows: number, indicator: string): string {
  const lines = ['地区,年份,指标,数值'];
  for (let i = 0; i < rows; i++) lines.push(`测试用的一个名称很长的地区${i % 5000},${2000 + ((i / 5000) % 20 | 0)},${indicator}${(i / 100_000) | 0},${i}.5`);
  return lines.join('\n');
}

const SMALL = ['地区,年份,指标,数值', '东湖区,2023,故障后指标,1', '西城区,2023,故障后指标,2', '南港区,2023,故障后指标,3'].join('\n');

/** Imports a small file and checks it was read whole: the session still works. */
async function importSmall(page: Page, name: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-input]', [csvFile(`${name}.csv`, SMALL)]);
  const draft = await settledDraft(page, `${name}.csv`);
  expect(await draft.getAttribute('data-status')).toBe('done');
  await expect.poll(() => datasetRows(page).then((rows) => rows.find((r) => r.name === name)?.rows)).toBe(3);
}

async function overviewDrawn(page: Page): Promise<void> {
  await page.click('[data-testid=nav-overview]');
  await expect.poll(() => page.locator('[data-testid=chart][data-kind=line]').first().getAttribute('data-points'), { timeout: 30_000 }).toMatch(/^[1-9]/);
  await page.click('[data-testid=nav-data]');
  await page.locator('[data-testid=dataset-row]').first().waitFor();
}

describe('the engine out of memory on a huge import', () => {
  it('refuses the file naming the limit, imports nothing of it, and the app keeps working, also after a reload', async () => {
    // Chromium reports 0.25 GB on the smallest devices: DuckDB then gets 128 MB. The file's text
    // alone (1.2 million values, about 70 MB) takes more than that once loaded.
    const w: PageWatch = await openPage('/data', undefined, `Object.defineProperty(Navigator.prototype, 'deviceMemory', { configurable: true, get: () => 0.25 });`);
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    const before = await datasetRows(w.page);
    expect(before).toHaveLength(4);
    const big = join(dir, '内存不足.csv');
    writeFileSync(big, longTable(1_200_000, '内存测试指标'));

    await w.page.setInputFiles('[data-testid=import-input]', big);
    const draft = await settledDraft(w.page, '内存不足.csv', 180_000);
    expect(await draft.getAttribute('data-status')).toBe('refused');
    const error = draft.locator('[data-testid=import-error]');
    expect(await error.getAttribute('data-reason')).toBe('out-of-memory');
    expect((await error.innerText()).trim()).toMatch(
      /^文件太大：导入所需内存超过了分析引擎在这台电脑上的上限（128\.0 MB）。没有任何数据被更改。请拆分文件后分别导入。$/,
    );
    expect(await datasetRows(w.page)).toEqual(before);
    mkdirSync('test-results', { recursive: true });
    await w.page.screenshot({ path: 'test-results/import-out-of-memory.png' });
    // No engine restart was needed: DuckDB failed the one query and went on.
    expect(await w.page.locator('[data-testid=engine-recovery]').count()).toBe(0);

    await overviewDrawn(w.page);
    await importSmall(w.page, '内存不足之后');
    const after = await datasetRows(w.page);

    // The next start has the datasets of before and the small import, nothing of the refused file.
    await w.page.reload();
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    expect(await datasetRows(w.page)).toEqual(after);
    await overviewDrawn(w.page);
    await expectNoErrors(w);
    await w.context.close();
  }, 300_000);
});

describe('the engine stopping or starved during an import', () => {
  let w: PageWatch;
  let before: DatasetRow[];
  const path = join(dir, '引擎故障.csv');
  afterAll(() => w?.context.close());

  async function refusedAs(reason: string, text: string): Promise<void> {
    const draft = await settledDraft(w.page, '引擎故障.csv', 90_000);
    expect(await draft.getAttribute('data-status')).toBe('refused');
    const error = draft.locator('[data-testid=import-error]');
    expect(await error.getAttribute('data-reason')).toBe(reason);
    expect((await error.innerText()).trim()).toBe(text);
    // Closed, so that the next attempt with the same file is the only draft of that name.
    await draft.getByRole('button', { name: '关闭' }).click();
    await draft.waitFor({ state: 'detached' });
  }

  it('when the browser refuses to grow the wasm heap: refused as out of memory, nothing changed, no restart needed', async () => {
    w = await openPage('/data');
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    before = await datasetRows(w.page);
    writeFileSync(path, longTable(300_000, '引擎故障指标'));
    // What a browser does when the tab may have no more memory: WebAssembly.Memory.grow throws.
    const engineWorker = w.page.workers().find((x) => x.url().includes('duckdb-worker'));
    expect(engineWorker, 'the DuckDB worker').toBeDefined();
    await engineWorker!.evaluate(`(() => {
      const grow = WebAssembly.Memory.prototype.grow;
      self.__hqdGrow = grow;
      WebAssembly.Memory.prototype.grow = function () { throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'); };
    })()`);
    await w.page.setInputFiles('[data-testid=import-input]', path);
    await refusedAs('out-of-memory', '文件太大，浏览器内存不足以导入。没有任何数据被更改。请拆分文件后再导入。');
    expect(await datasetRows(w.page)).toEqual(before);
    expect(await w.page.locator('[data-testid=engine-recovery]').count()).toBe(0);
    // Memory to be had again (another tab closed): the same engine imports, no restart needed.
    // While growth is refused even a small import may need more heap than the engine holds.
    await engineWorker!.evaluate('WebAssembly.Memory.prototype.grow = self.__hqdGrow');
    await importSmall(w.page, '内存受限之后');
    await overviewDrawn(w.page);
    before = await datasetRows(w.page);
  }, 240_000);

  it('when the worker crashes mid-import: refused in words, the engine restarts with every dataset of before, nothing of the file', async () => {
    await w.page.setInputFiles('[data-testid=import-input]', path);
    await w.page.locator('[data-testid=import-progress][data-phase=load]').waitFor({ timeout: 60_000 });
    // An uncaught error in the worker, between two of the import's statements.
    const engineWorker = w.page.workers().find((x) => x.url().includes('duckdb-worker'));
    await engineWorker!.evaluate(`setTimeout(() => { throw new Error('worker crashed'); }, 0)`);
    await refusedAs('engine-lost', '导入时分析引擎停止了（通常是文件太大、内存耗尽）。这个文件没有导入；已有的数据正在恢复。请拆分文件后再导入。');
    await w.page.locator('[data-testid=engine-recovery][data-phase=restored]').waitFor({ timeout: 90_000 });
    expect(await w.page.locator('[data-testid=engine-recovery]').innerText()).toContain('1 个导入的数据集已恢复');
    await waitReady(w.page);
    await expect.poll(() => datasetRows(w.page)).toEqual(before);
    await importSmall(w.page, '引擎重启之后');
    await overviewDrawn(w.page);
    expect(w.pageErrors).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
  }, 240_000);
});

describe('a reload during an import', () => {
  const ROWS = 300_000;
  // GB18030, so that the import starts with a transcoding phase in a worker, as statistics bureau files do.
  const path = join(dir, '重新加载.csv');
  writeFileSync(path, encodeGb18030(longTable(ROWS, '重载测试指标')));

  let w: PageWatch;
  afterAll(() => w?.context.close());

  async function listAfterStart(): Promise<DatasetRow[]> {
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    return datasetRows(w.page);
  }

  async function reloadAndList(): Promise<DatasetRow[]> {
    await w.page.reload();
    return listAfterStart();
  }

  /**
   * Starts the import and reloads the moment the draft is in `phase`; returns the datasets after
   * the reload. The page reloads itself from a mutation observer: a phase that lasts a blink (a
   * file this size saves in a fraction of a second) would be missed between two polls.
   */
  async function reloadIn(phase: 'transcode' | 'load' | 'save'): Promise<DatasetRow[]> {
    await w.page.evaluate((wanted) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(`[data-testid=import-progress][data-phase=${wanted}]`)) return;
        observer.disconnect();
        location.reload();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
    }, phase);
    const reloaded = w.page.waitForEvent('load', { timeout: 60_000 });
    await w.page.setInputFiles('[data-testid=import-input]', path);
    await reloaded;
    return listAfterStart();
  }

  it('in any phase: the next start has the datasets of before, or the whole import, never a part', async () => {
    w = await openPage('/data');
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    const before = await datasetRows(w.page);

    // Reloaded while converting the encoding, and while DuckDB reads: nothing was kept.
    expect(await reloadIn('transcode')).toEqual(before);
    expect(await reloadIn('load')).toEqual(before);

    /** The datasets of before and at most the whole import; then back to the datasets of before. */
    async function beforeOrWhole(rows: DatasetRow[], when: string): Promise<string> {
      const added = rows.filter((r) => !before.some((b) => b.id === r.id));
      expect(rows.filter((r) => before.some((b) => b.id === r.id))).toEqual(before);
      for (const a of added) expect(a, when).toMatchObject({ name: '重新加载', rows: ROWS });
      for (const a of added) {
        await w.page.locator(`[data-testid=dataset-row][data-dataset="${a.id}"] [data-testid=dataset-remove]`).click();
        await expect.poll(() => datasetRows(w.page)).toEqual(before);
      }
      return added.length === 0 ? 'before' : 'complete';
    }

    // Reloaded while saving (the file and mapping in one step, the snapshot in the next): the
    // next start has none of it, or all of it, imported again from its file if no snapshot was saved.
    const whileSaving = await beforeOrWhole(await reloadIn('save'), 'reloaded while saving');

    // Reloaded at moments spread over the import: each start has either none of it or all of it.
    const outcomes: string[] = [`save phase: ${whileSaving}`];
    for (const delay of [300, 800, 1300, 1800, 2300, 3500]) {
      await w.page.setInputFiles('[data-testid=import-input]', path);
      await w.page.waitForTimeout(delay);
      const status = (await w.page.locator('[data-testid=import-draft]').first().getAttribute('data-status')) ?? '';
      outcomes.push(`${delay} ms ${status}: ${await beforeOrWhole(await reloadAndList(), `reloaded ${delay} ms after choosing the file (${status})`)}`);
    }
    console.log(`reload during an import: ${outcomes.join('; ')}`);

    // Reloaded right after the import finished: the next start has all of it.
    await w.page.setInputFiles('[data-testid=import-input]', path);
    const draft = await settledDraft(w.page, '重新加载.csv', 120_000);
    expect(await draft.getAttribute('data-status')).toBe('done');
    const rows = await reloadAndList();
    expect(rows.filter((r) => !before.some((b) => b.id === r.id))).toMatchObject([{ name: '重新加载', rows: ROWS }]);
    await overviewDrawn(w.page);
    await expectNoErrors(w);
  }, 300_000);
});
