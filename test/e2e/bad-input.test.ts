import { closeSync, openSync, ftruncateSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeBrowser, openPage, waitReady, type PageWatch } from './support/app';
import { csvFile, datasetRows, expectNoErrors, settledDraft, type DatasetRow } from './support/imports';

// What the issue asks of bad input: every bad file ends with a clear message (or, where reading it
// is right, an honest summary), and the app keeps working. Storage that is full or denied is said
// in words, and what is already in the session stays usable.

afterAll(closeBrowser);

const file = csvFile;

async function chartPoints(page: Page): Promise<Record<string, number>> {
  const charts = await page.locator('[data-testid=chart]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind') ?? '', Number(e.getAttribute('data-points'))] as const));
  return Object.fromEntries(charts);
}

/** Calls `read` until `ok` holds of what it returns (expect.poll is not allowed in hooks). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Goes to the overview and waits for it to be drawn: `expected` points by chart kind, or at least a line and a bar with points. */
async function overviewDrawn(page: Page, expected?: Record<string, number>): Promise<Record<string, number>> {
  await page.click('[data-testid=nav-overview]');
  const drawn = await until(
    () => chartPoints(page),
    (p) => (expected ? JSON.stringify(p) === JSON.stringify(expected) : (p.line ?? 0) > 0 && (p.bar ?? 0) > 0),
    'overview charts',
  );
  if (expected) expect(drawn).toEqual(expected);
  return drawn;
}

async function backToData(page: Page): Promise<void> {
  await page.click('[data-testid=nav-data]');
  await page.locator('[data-testid=import-input]:not([disabled])').waitFor({ state: 'attached' });
}

describe('bad files in the Data view', () => {
  let w: PageWatch;
  let samples: DatasetRow[];
  let overview: Record<string, number>;

  beforeAll(async () => {
    w = await openPage('/');
    await waitReady(w.page);
    overview = await overviewDrawn(w.page);
    expect(overview.line).toBeGreaterThan(0);
    expect(overview.bar).toBeGreaterThan(0);
    await backToData(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    samples = await datasetRows(w.page);
    expect(samples.map((s) => s.id).sort()).toEqual(['sample-coverage', 'sample-industry', 'sample-satisfaction', 'sample-village-income']);
  });
  afterAll(async () => {
    await w?.context.close();
  });

  /** After every case: the sample datasets as they were, no stack trace shown, the overview drawn as before, no error. */
  async function stillWorks(): Promise<void> {
    const rows = await datasetRows(w.page);
    expect(rows.filter((r) => samples.some((s) => s.id === r.id))).toEqual(samples);
    expect(await w.page.locator('[data-testid=import-draft]').filter({ hasText: /\bat \w+ \(|\bError\b|\bundefined\b|\bNaN\b/ }).count()).toBe(0);
    await overviewDrawn(w.page, overview);
    await backToData(w.page);
    await expectNoErrors(w);
  }

  /** A refused file: the reason, in words, and nothing imported. */
  async function expectRefused(fileName: string, reason: string, text: string): Promise<void> {
    const before = await datasetRows(w.page);
    const draft = await settledDraft(w.page, fileName);
    expect(await draft.getAttribute('data-status')).toBe('refused');
    const error = draft.locator('[data-testid=import-error]');
    expect(await error.getAttribute('data-reason')).toBe(reason);
    expect((await error.innerText()).trim()).toBe(text);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await datasetRows(w.page)).toEqual(before);
  }

  it('refuses an empty file as empty', async () => {
    await w.page.setInputFiles('[data-testid=import-input]', [file('空文件.csv', '')]);
    await expectRefused('空文件.csv', 'empty', '文件是空的，没有可导入的内容。');
    await stillWorks();
  });

  it('refuses a file of only delimiters as empty, not as a header without data', async () => {
    await w.page.setInputFiles('[data-testid=import-input]', [file('分隔符.csv', ',,,,\r\n,,,,\r\n;;;;\r\n\t\t\t\r\n||||\r\n')]);
    await expectRefused('分隔符.csv', 'empty', '文件是空的，没有可导入的内容。');
    await stillWorks();
  });

  it('refuses a binary file renamed .csv as not text, telling which files it reads', async () => {
    // A PNG: signature, then an IHDR chunk with NUL bytes, then byte noise.
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000003200000025808060000', 'hex'), noise]);
    await w.page.setInputFiles('[data-testid=import-input]', [file('截图.csv', png)]);
    await expectRefused('截图.csv', 'binary', '这不是文本文件，也不是 Excel 工作簿（.xlsx）或 Parquet 文件。旧版 .xls 请在 Excel 中另存为 .xlsx 或 CSV 后再导入。');
    await stillWorks();
  });

  it('refuses a 2 GB file up front, naming the 1 GB limit, without reading it', async () => {
    // Sparse: 2 GiB on the file system, no bytes allocated, and never in this process's memory.
    const dir = mkdtempSync(join(tmpdir(), 'hqd-bad-input-'));
    const path = join(dir, '全量导出.csv');
    try {
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 2 * 1024 ** 3);
      closeSync(fd);
      // The limit is stated before anyone tries.
      expect(await w.page.getByText('单个文件不超过 1.0 GB').count()).toBe(1);
      const started = Date.now();
      await w.page.setInputFiles('[data-testid=import-input]', path);
      await expectRefused('全量导出.csv', 'too-large', '文件太大（2.0 GB）：单个文件不能超过 1.0 GB。请拆分后分别导入。');
      // Refused from its size: reading 2 GB (or even its first part) never started.
      expect(Date.now() - started).toBeLessThan(10_000);
      const draft = await settledDraft(w.page, '全量导出.csv');
      expect(await draft.locator('.draft__chips, [data-testid=import-progress]').count()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await stillWorks();
  });

  it('imports a 5,000-character name intact, and rejects a 5,000-character value with its line', async () => {
    const longName = '长'.repeat(4998) + '地区';
    const longValue = '9'.repeat(10) + 'x'.repeat(4990);
    const text = ['地区,年份,指标,数值', `${longName},2023,长单元格得分,7`, `东湖区,2023,长单元格得分,${longValue}`, '西城区,2023,长单元格得分,8'].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [file('长单元格.csv', text)]);
    const draft = await settledDraft(w.page, '长单元格.csv');
    expect(await draft.getAttribute('data-status')).toBe('done');
    const summary = draft.locator('[data-testid=import-summary]');
    expect(await summary.getAttribute('data-rows')).toBe('2');
    expect(await summary.getAttribute('data-rejected')).toBe('1');
    expect(await summary.getAttribute('data-entities')).toBe('2');
    await draft.locator('[data-testid=import-rejects] summary').click();
    const reject = draft.locator('[data-testid=import-rejects] tbody tr');
    expect(await reject.count()).toBe(1);
    const cells = await reject.locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('数值');
    expect(cells[3]).toBe('不是数字');
    expect(await reject.locator('td').nth(2).textContent()).toBe(longValue);
    // The row is no wider than the page: the long value is cut on screen, not the layout.
    const width = await draft.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(w.page.viewportSize()?.width ?? 1366);

    const row = w.page.locator('[data-testid=dataset-row][data-name=长单元格]');
    expect(await row.getAttribute('data-rows')).toBe('2');
    const download = w.page.waitForEvent('download');
    await row.locator('[data-testid=dataset-export]').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const names = csv.split(/\r?\n/).map((line) => line.split(',')[1]);
    expect(names).toContain(longName);
    await stillWorks();
  });

  // Lines 10 to 12 of this file are short: a value absent at the end (as when a tool drops trailing
  // empty cells), a cell absent in the middle (so the rest moved one column left), two cells only.
  // A whole row follows: two fields on the last line would be read as a note under the table.
  const RAGGED = [
    '地区,年份,指标,数值',
    ...['东湖区', '西城区', '南港区', '北岭区', '高新区', '临江县', '青山县', '白沙县'].map((e, i) => `${e},2023,参差得分,${i + 1}`),
    '清河县,2024,参差得分',
    '东湖区,参差得分,9',
    '西城区,2024',
    '石门县,2023,参差得分,9',
  ].join('\n');

  it('imports the whole rows of a file with short rows, and takes no value from a short one', async () => {
    await w.page.setInputFiles('[data-testid=import-input]', [file('参差.csv', RAGGED + '\n')]);
    const draft = await settledDraft(w.page, '参差.csv');
    expect(await draft.getAttribute('data-status')).toBe('done');
    const summary = draft.locator('[data-testid=import-summary]');
    expect(await summary.getAttribute('data-rows')).toBe('9');
    expect(await summary.getAttribute('data-entities')).toBe('9');
    expect(await summary.getAttribute('data-periods')).toBe('1');
    expect(await w.page.locator('[data-testid=dataset-row][data-name=参差]').getAttribute('data-rows')).toBe('9');
    await stillWorks();
  });

  /** The rejects table of a settled draft, row by row: line, column, value, reason. */
  const rejectRows = (draft: Locator) =>
    draft.locator('[data-testid=import-rejects] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  it('reports each short row of that file by its line, and says so in the summary', async () => {
    const draft = await settledDraft(w.page, '参差.csv');
    const summary = draft.locator('[data-testid=import-summary]');
    expect(await summary.getAttribute('data-ragged')).toBe('3');
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    expect(await summary.innerText()).toContain('另有 3 行的字段数与表头不符，整行未导入。');
    const short = '整行未导入：字段少于表格的列数，数值可能错位';
    expect(await rejectRows(draft)).toEqual([
      ['10', '（整行）', '清河县,2024,参差得分', short],
      ['11', '（整行）', '东湖区,参差得分,9', short],
      ['12', '（整行）', '西城区,2024', short],
    ]);
  });

  it('rejects a row with more fields than the header, by line, instead of importing it shifted', async () => {
    // `1,234`: a thousands separator left unquoted. A trailing delimiter (`,` after 3) adds no field.
    const text = [
      '地区,年份,指标,数值',
      ...['东湖区', '西城区', '高新区', '临江县', '青山县'].map((e, i) => `${e},2023,加宽得分,${i + 1}`),
      '白沙县,2023,加宽得分,6,',
      '南港区,2023,加宽得分,1,234',
      '北岭区,2023,加宽得分,5,备注,更多',
    ].join('\n');
    await w.page.setInputFiles('[data-testid=import-input]', [file('加宽.csv', text + '\n')]);
    const draft = await settledDraft(w.page, '加宽.csv');
    const summary = draft.locator('[data-testid=import-summary]');
    expect(await summary.getAttribute('data-rows'), 'values imported').toBe('6');
    expect(await summary.getAttribute('data-ragged')).toBe('2');
    const long = '整行未导入：字段多于表头（含逗号的数字需加引号，如 "1,234"）';
    expect(await rejectRows(draft)).toEqual([
      ['8', '（整行）', '南港区,2023,加宽得分,1,234,…', long],
      ['9', '（整行）', '北岭区,2023,加宽得分,5,备注,…', long],
    ]);
    const row = w.page.locator('[data-testid=dataset-row][data-name=加宽]');
    expect(await row.getAttribute('data-rows')).toBe('6');
    await stillWorks();
  });

  it('does not hang or crash on a 10,000-column header, and imports it', async () => {
    const indicators = Array.from({ length: 9998 }, (_, i) => `宽表指标${i + 1}`);
    const text = [
      ['地区', '年份', ...indicators].join(','),
      ['东湖区', '2023', ...indicators.map((_, i) => String(i))].join(','),
      ['西城区', '2023', ...indicators.map((_, i) => String(i * 2 + 1))].join(','),
    ].join('\n');
    expect(text.split('\n')[0]?.split(',')).toHaveLength(10_000);
    const started = Date.now();
    await w.page.setInputFiles('[data-testid=import-input]', [file('一万列.csv', text)]);
    const draft = await settledDraft(w.page, '一万列.csv', 60_000);
    expect(await draft.getAttribute('data-status')).toBe('done');
    const summary = draft.locator('[data-testid=import-summary]');
    expect(await summary.getAttribute('data-rows')).toBe(String(2 * 9998));
    expect(await summary.getAttribute('data-rejected')).toBe('0');
    expect(await summary.getAttribute('data-entities')).toBe('2');
    expect(await summary.getAttribute('data-indicators')).toBe('9998');
    expect(await summary.getAttribute('data-periods')).toBe('1');
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(await w.page.locator('[data-testid=dataset-row][data-name=一万列]').getAttribute('data-rows')).toBe(String(2 * 9998));
    await stillWorks();
  });
});

/** A small upload a person would make, then look at: three districts, two years, one new indicator. */
const SESSION_CSV = ['地区,年份,指标,数值', '东湖区,2022,会话指标,10', '东湖区,2023,会话指标,11', '西城区,2022,会话指标,20', '西城区,2023,会话指标,21', '南港区,2022,会话指标,30', '南港区,2023,会话指标,31'].join('\n');

/** Imports SESSION_CSV in the Data view and returns the new dataset's id. */
async function importAndView(w: PageWatch): Promise<string> {
  await w.page.setInputFiles('[data-testid=import-input]', [file('会话.csv', SESSION_CSV)]);
  const draft = await settledDraft(w.page, '会话.csv');
  expect(await draft.getAttribute('data-status')).toBe('done');
  const summary = draft.locator('[data-testid=import-summary]');
  expect(await summary.getAttribute('data-rows')).toBe('6');
  const id = (await summary.getAttribute('data-dataset')) ?? '';
  expect(await w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"]`).getAttribute('data-rows')).toBe('6');
  return id;
}

/** Shows one dataset alone on the overview, chosen in the dataset picker, and checks what is drawn. */
async function viewAlone(w: PageWatch, id: string): Promise<void> {
  // In-app navigation: a reload would end the session, and with it an upload that was not kept.
  await w.page.click('[data-testid=nav-overview]');
  await w.page.click('[data-testid=dataset-picker]');
  await w.page.check(`.picker__menu input[data-dataset="${id}"]`);
  for (const sample of ['sample-coverage', 'sample-industry', 'sample-satisfaction', 'sample-village-income'])
    await w.page.uncheck(`.picker__menu input[data-dataset="${sample}"]`);
  await w.page.click('[data-testid=dataset-picker]');
  await expect.poll(() => new URL(w.page.url()).searchParams.get('datasets')).toBe(id);
  await expect.poll(() => w.page.locator('section[data-panel=line]').getByRole('heading', { level: 2 }).innerText(), { timeout: 30_000 }).toContain('会话指标');
  await expect.poll(async () => chartPoints(w.page), { timeout: 30_000 }).toMatchObject({ line: 6, bar: 3 });
}

describe('browser storage', () => {
  it('denied: says the data is kept for this session only, and the session keeps working', async () => {
    // As with site data blocked: every IndexedDB open fails (asynchronously, as browsers do) and
    // touching localStorage throws.
    const w = await openPage(
      '/data',
      undefined,
      `(() => {
        const denied = () => new DOMException('Access to storage is denied.', 'SecurityError');
        IDBFactory.prototype.open = function () {
          const request = { result: undefined, error: null, readyState: 'pending', onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
          setTimeout(() => {
            request.readyState = 'done';
            request.error = denied();
            if (request.onerror) request.onerror(new Event('error'));
          }, 0);
          return request;
        };
        for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) Storage.prototype[m] = () => { throw denied(); };
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw denied(); } });
      })();`,
    );
    await waitReady(w.page);
    const notice = w.page.locator('[data-testid=storage-notice]');
    const unavailable = '浏览器存储不可用（可能处于无痕模式或被禁用）：导入的数据仅在本次会话中可用。';
    expect(await notice.innerText()).toBe(unavailable);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await datasetRows(w.page)).toHaveLength(4);

    const id = await importAndView(w);
    await w.page.click('[data-testid=nav-data]');
    expect(await w.page.locator('[data-testid=storage-notice]').innerText()).toBe(unavailable);
    await viewAlone(w, id);
    // The language switch writes to the denied localStorage: it still applies for the session.
    await w.page.click('[data-testid=locale-switch]');
    await expect.poll(() => w.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await w.page.click('[data-testid=locale-switch]');
    await expect.poll(() => w.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await w.page.click('[data-testid=nav-data]');
    expect(await w.page.locator(`[data-testid=dataset-row][data-dataset="${id}"]`).getAttribute('data-rows')).toBe('6');
    await expectNoErrors(w);
    await w.context.close();
  });

  it('full: says storage is full and the upload will not be kept, and the session keeps working', async () => {
    // As the IndexedDB spec has it: the write request fails with QuotaExceededError, its error event
    // reaches the transaction, then the transaction aborts with that error. Nothing is written (the
    // request is a harmless count, failed from its own callback while the transaction is active);
    // reading still works.
    const w = await openPage(
      '/data',
      undefined,
      `(() => {
        IDBObjectStore.prototype.put = function () {
          const tx = this.transaction;
          const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          const request = this.count();
          request.addEventListener('success', () => {
            Object.defineProperty(request, 'error', { configurable: true, get: () => error });
            request.dispatchEvent(new Event('error', { bubbles: true, cancelable: true }));
            Object.defineProperty(tx, 'error', { configurable: true, get: () => error });
            tx.abort();
          });
          return request;
        };
      })();`,
    );
    await waitReady(w.page);
    // Nothing is wrong until something has to be written.
    expect(await w.page.locator('[data-testid=storage-notice]').count()).toBe(0);
    const id = await importAndView(w);
    await w.page.click('[data-testid=nav-data]');
    expect(await w.page.locator('[data-testid=storage-notice]').innerText()).toBe('浏览器存储空间已满：本次导入的数据在关闭页面后不会保留。可删除不需要的数据集后重试。');
    await viewAlone(w, id);
    await expectNoErrors(w);

    // What the notice said is true: after a reload the upload is gone and the samples are there.
    await w.page.goto(new URL(w.page.url()).origin + '/data');
    await waitReady(w.page);
    await w.page.locator('[data-testid=dataset-row]').first().waitFor();
    expect((await datasetRows(w.page)).map((r) => r.id).sort()).toEqual(['sample-coverage', 'sample-industry', 'sample-satisfaction', 'sample-village-income']);
    await expectNoErrors(w);
    await w.context.close();
  });
});
