import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_REALDATA, realPath } from '../support/realdata';
import { closeBrowser, openPage, waitReady } from './support/app';

afterAll(closeBrowser);

// Counts established from the raw files by test/integration/realdata.test.ts (papaparse, by eye).
// The tests that upload them are skipped where ../shared/realdata is absent.
const REAL_FILES = [
  { path: 'wdi-industry-long/nv.ind.totl.zs_data.csv', rows: 11347, entities: 255, periods: 66 },
  { path: 'wdi-industry-wide/API_NV.IND.TOTL.ZS_DS2_en_csv_v2_576.csv', rows: 11094, entities: 255, periods: 65 },
  { path: 'nbs-province-gbk/分省年度数据 (5).csv', rows: 217, entities: 31, periods: 7 },
  { path: 'nbs-province-gbk/分省年度数据_整合.csv', rows: 10034, entities: 31, periods: 20 },
  { path: 'statcan-province-population/canada_province_population.csv', rows: 742, entities: 14, periods: 53 },
];

const file = (name: string, text: string | Buffer, mimeType = 'text/csv') => ({ name, mimeType, buffer: typeof text === 'string' ? Buffer.from(text) : text });

async function datasetRows(page: Page) {
  return page.locator('[data-testid=dataset-row]').evaluateAll((rows) =>
    rows.map((r) => ({ name: r.getAttribute('data-name'), rows: Number(r.getAttribute('data-rows')) })),
  );
}

describe('Data view', () => {
  it.skipIf(NO_REALDATA)('imports every real file exactly and finds the same datasets after a reload', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', REAL_FILES.map((f) => realPath(f.path)));
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-summary]').length === n, REAL_FILES.length, { timeout: 120_000 });
    // Confident detection imports without asking: no confirm button was needed.
    expect(await w.page.locator('[data-testid=import-confirm]').count()).toBe(0);
    const summaries = await w.page.locator('[data-testid=import-draft]').evaluateAll((drafts) =>
      drafts.map((d) => {
        const s = d.querySelector('[data-testid=import-summary]') as HTMLElement;
        return { file: d.querySelector('h3')?.textContent, rows: Number(s.dataset.rows), entities: Number(s.dataset.entities), periods: Number(s.dataset.periods), rejected: Number(s.dataset.rejected) };
      }),
    );
    for (const f of REAL_FILES) {
      const name = f.path.split('/').at(-1);
      expect(summaries.find((s) => s.file === name)).toEqual({ file: name, rows: f.rows, entities: f.entities, periods: f.periods, rejected: 0 });
    }
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid=dataset-row]').length === n, 4 + REAL_FILES.length);
    const before = await datasetRows(w.page);

    await w.page.reload();
    await waitReady(w.page);
    await w.page.waitForFunction((n) => document.querySelectorAll('[data-testid=dataset-row]').length === n, before.length, { timeout: 60_000 });
    expect(await datasetRows(w.page)).toEqual(before);
    expect(w.foreignRequests).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('refuses broken files with a reason, and leaves the loaded datasets as they were', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const before = await datasetRows(w.page);
    const cases = [
      { file: file('empty.csv', ''), reason: 'empty', text: '文件是空的' },
      { file: file('header.csv', '地区,年份,数值\n'), reason: 'header-only', text: '只有表头' },
      // A zip (a workbook renamed, say) is read as a workbook, and refused as one it cannot read.
      { file: file('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])), reason: 'xlsx-unreadable', text: '不是能读取的 Excel 工作簿' },
      { file: file('photo.csv', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(256, 0)])), reason: 'binary', text: '不是文本文件' },
      { file: file('words.csv', '地区,年份,数值\n东湖区,2023,高\n西城区,2023,低\n'), reason: 'no-values', text: '没有可读取的数值' },
    ];
    for (const c of cases) {
      await w.page.setInputFiles('[data-testid=import-input]', [c.file]);
      const error = w.page.locator(`[data-testid=import-error][data-reason="${c.reason}"]`);
      await error.waitFor({ timeout: 30_000 }).catch(async () => {
        // A file that needs review is confirmed first; the refusal comes from the load.
        await w.page.locator('[data-testid=import-confirm]').first().click();
        await error.waitFor({ timeout: 30_000 });
      });
      expect(await error.innerText()).toContain(c.text);
    }
    expect(await datasetRows(w.page)).toEqual(before);
    expect(await w.page.locator('pre, .stack').filter({ hasText: /at \w+ \(/ }).count()).toBe(0);
    await w.context.close();
  });

  it('shows a guessed structure for review, lets the person re-map a column, and reports rejected cells by line', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const text = ['单位名称;统计时间;得分;备注', '东湖区;2023;88.5;', '西城区;2023年;91;', '南港区;二〇二三;90;', '北岭区;2023;不详;'].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [file('考核.csv', text)]);
    const confirm = w.page.locator('[data-testid=import-confirm]');
    await confirm.waitFor();
    // The header names are unknown to the sniffer: the person says how the file is laid out.
    await w.page.locator('[data-testid=mapping-layout]').selectOption('long');
    const roles = w.page.locator('[data-testid=import-draft] thead select');
    await roles.nth(0).selectOption('entity');
    await roles.nth(1).selectOption('period');
    await roles.nth(2).selectOption('value');
    await roles.nth(3).selectOption('ignore');
    const name = w.page.locator('[data-testid=mapping-indicator-name]');
    if (await name.count()) await name.fill('考核得分');
    await confirm.click();
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('2');
    expect(await summary.getAttribute('data-rejected')).toBe('2');
    await w.page.locator('[data-testid=import-rejects] summary').click();
    const report = await w.page.locator('[data-testid=import-rejects] tbody').innerText();
    expect(report).toMatch(/4\s+得分\s+二〇二三\s+无法识别的时期/);
    expect(report).toMatch(/5\s+得分\s+不详\s+不是数字/);
    const download = w.page.waitForEvent('download');
    await w.page.click('[data-testid=rejects-download]');
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('不详');
    await w.context.close();
  });

  it('imports a national series (no entity column) as one entity, 全国 proposed and changed by the person', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const text = ['数据库：季度数据', '指标,2024年第三季度,2024年第二季度', '国内生产总值累计值(亿元),949746.4,616836.2', '第一产业增加值累计值(亿元),53443.9,30071.0'].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [file('季度数据.csv', text)]);
    const entity = w.page.locator('[data-testid=mapping-entity-name]');
    await entity.waitFor();
    expect(await entity.inputValue()).toBe('全国');
    expect(await w.page.locator('[data-testid=sniff-warnings]').innerText()).toContain('全国');
    await entity.fill('江苏省');
    await w.page.click('[data-testid=import-confirm]');
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('4');
    const id = (await summary.getAttribute('data-dataset')) ?? '';
    const download = w.page.waitForEvent('download');
    await w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-export]`).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\n').filter((l) => l.includes('江苏省'))).toHaveLength(4);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('reads a decimal-comma file with commas as decimals, shown as a choice the person can change', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    // German key headers: guessed from the cells, so the file is shown for review first.
    const text = ['Bundesland;Jahr;Quote', 'Berlin;2021;9,8', 'Bremen;2021;10,25', 'Hamburg;2021;-0,5'].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [file('quote.csv', text)]);
    const decimal = w.page.locator('[data-testid=mapping-decimal]');
    await decimal.waitFor();
    expect(await decimal.inputValue()).toBe(',');
    await w.page.click('[data-testid=import-confirm]');
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('3');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    const id = (await summary.getAttribute('data-dataset')) ?? '';
    const download = w.page.waitForEvent('download');
    await w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-export]`).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    for (const value of ['9.8', '10.25', '-0.5']) expect(csv).toContain(`,${value}`);
    await w.context.close();
  });

  it('reads a Latin-1 file (Destatis, INSEE) with its accented names exact', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const text = 'Region;Year;Einwohner\nThüringen;2021;2108863\nBaden-Württemberg;2021;11124642\nÎle-de-France;2021;12317279\n';
    await w.page.setInputFiles('[data-testid=import-input]', [file('einwohner.csv', Buffer.from(text, 'latin1'))]);
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-rows')).toBe('3');
    const id = (await summary.getAttribute('data-dataset')) ?? '';
    const download = w.page.waitForEvent('download');
    await w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-export]`).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    for (const name of ['Thüringen', 'Baden-Württemberg', 'Île-de-France']) expect(csv).toContain(name);
    await w.context.close();
  });

  it('renames, exports with formulas neutralised, removes and undoes', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [file('formula.csv', '地区,年份,指标,数值\n"=HYPERLINK(""http://x"")",2023,得分,1\n@SUM,2023,得分,2\n')]);
    await w.page.locator('[data-testid=import-summary]').waitFor();
    const row = w.page.locator('[data-testid=dataset-row][data-name=formula]');
    await row.locator('[data-testid=dataset-rename]').click();
    await w.page.fill('[data-testid=rename-input]', '公式测试');
    await w.page.keyboard.press('Enter');
    const renamed = w.page.locator('[data-testid=dataset-row][data-name=公式测试]');
    await renamed.waitFor();

    const download = w.page.waitForEvent('download');
    await renamed.locator('[data-testid=dataset-export]').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@SUM");

    await renamed.locator('[data-testid=dataset-remove]').click();
    await renamed.waitFor({ state: 'detached' });
    await w.page.click('[data-testid=undo-remove]');
    await renamed.waitFor();
    await w.page.reload();
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row][data-name=公式测试]').waitFor({ timeout: 30_000 });
    await w.context.close();
  });

  it('is busy while a removal runs, until the dataset is gone; a double click removes once and Undo brings it back', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [file('twice.csv', '地区,年份,两次点击指标\n甲,2023,1\n乙,2023,2\n')]);
    await w.page.locator('[data-testid=import-summary]').waitFor();
    const row = w.page.locator('[data-testid=dataset-row][data-name=twice]');
    await w.page.locator('[data-testid=data-view]:not([data-busy=true])').waitFor();
    // Two clicks in one task, before Vue can disable the button, as an impatient double click.
    // Then the view is read after Vue's update and at every change until the dataset is gone:
    // whenever it says it is not busy, the list must be final (a script or a person waiting for
    // "not busy" must not see a row that is about to vanish).
    const states = await row.locator('[data-testid=dataset-remove]').evaluate(
      (b) =>
        new Promise<string[]>((resolve) => {
          const states: string[] = [];
          const look = () => {
            const busy = document.querySelector('[data-testid=data-view][data-busy=true]') !== null;
            const listed = document.querySelector('[data-testid=dataset-row][data-name=twice]') !== null;
            states.push(`${busy ? 'busy' : 'idle'} ${listed ? 'listed' : 'gone'}`);
            if (!busy && !listed) {
              observer.disconnect();
              resolve(states);
            }
          };
          const observer = new MutationObserver(look);
          (b as HTMLButtonElement).click();
          (b as HTMLButtonElement).click();
          setTimeout(() => {
            look();
            observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          }, 0);
        }),
    );
    expect(states[0]).toBe('busy listed');
    expect(states).not.toContain('idle listed');
    await expect.poll(() => w.page.locator('[data-testid=undo-notice]').textContent()).toContain('twice');
    await w.page.click('[data-testid=undo-remove]');
    await row.waitFor();
    expect(await row.getAttribute('data-rows')).toBe('2');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('cancels a large import and changes nothing', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    const before = await datasetRows(w.page);
    // 20 MB of UTF-16: the import converts it in a worker first, long enough to be cancelled.
    const lines = ['地区,年份,指标,数值'];
    for (let i = 0; i < 450_000; i++) lines.push(`地区${i % 500},${2000 + (i % 20)},指标${i % 45},${i}`);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\n'), 'utf16le')]);
    await w.page.setInputFiles('[data-testid=import-input]', [file('large.csv', utf16)]);
    const cancel = w.page.locator('[data-testid=import-cancel]');
    await cancel.waitFor({ timeout: 30_000 });
    await cancel.click();
    await w.page.locator('[data-testid=import-cancelled]').waitFor({ timeout: 30_000 });
    expect(await datasetRows(w.page)).toEqual(before);
    await w.context.close();
  });

  it('updates targets from a catalog CSV, which the overview then uses', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [file('目录.csv', '指标代码,目标值,目标年份\nhightech_share,45,2028\n')]);
    const summary = w.page.locator('[data-testid=catalog-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('更新 1 个');
    await w.page.click('[data-testid=nav-overview]');
    const tile = w.page.locator('[data-testid=kpi][data-indicator=hightech_share]');
    await tile.waitFor();
    expect(await tile.innerText()).toContain('目标 45.0%（2028 年）');
    await w.context.close();
  });

  it('says so when browser storage is unavailable, and the session keeps working', async () => {
    // As in a locked-down or private window: every IndexedDB open fails, from the first moment.
    const w = await openPage('/data', undefined, `indexedDB.open = () => { throw new DOMException('denied', 'SecurityError'); };`);
    await waitReady(w.page);
    expect(await w.page.locator('[data-testid=storage-notice]').innerText()).toContain('浏览器存储不可用');
    await w.page.setInputFiles('[data-testid=import-input]', [file('会话.csv', '地区,年份,指标,数值\n东湖区,2023,得分,1\n')]);
    await w.page.locator('[data-testid=import-summary]').waitFor();
    expect(await w.page.locator('[data-testid=storage-notice]').innerText()).toContain('浏览器存储不可用');
    await w.page.locator('[data-testid=dataset-row][data-name=会话]').waitFor();
    await w.context.close();
  });

  it.skipIf(NO_REALDATA)('shows an imported dataset on the overview when it is put in view', async () => {
    const w = await openPage('/data');
    await waitReady(w.page);
    await w.page.setInputFiles('[data-testid=import-input]', [realPath('nbs-province-gbk/分省年度数据 (5).csv')]);
    const summary = w.page.locator('[data-testid=import-summary]');
    await summary.waitFor({ timeout: 30_000 });
    const id = await summary.getAttribute('data-dataset');
    await w.page.goto(new URL(w.page.url()).origin + `/?datasets=${id}&period=2024`);
    await waitReady(w.page);
    const bar = w.page.locator('[data-testid=chart][data-kind=bar]');
    // 31 provinces: the ranking shows the first 30 and says how many there are.
    expect(Number(await bar.getAttribute('data-points'))).toBe(30);
    expect(await w.page.locator('section[data-panel=bar]').innerText()).toContain('显示前 30 个，共 31 个');
    expect(await w.page.locator('section[data-panel=line]').getByRole('heading', { level: 2 }).innerText()).toContain('固定资产投资');
    await w.context.close();
  });
});
