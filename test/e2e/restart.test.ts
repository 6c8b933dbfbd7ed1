import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openPage, waitReady, type PageWatch } from './support/app';
import { csvFile, datasetRows, expectNoErrors, settledDraft } from './support/imports';

// A saved upload comes back at the next start from the snapshot of what its import loaded, not
// by importing its file again; exactly, and also when the record was saved by an earlier release
// (no snapshot) or its snapshot cannot be read. Two tabs on the same saved data both work.

afterAll(closeBrowser);

const NAME = '重启测试';
/** 2,400 values with decimals, across districts, branches' districts and years. */
function table(): string {
  const lines = ['地区,年份,重启测试覆盖率,重启测试收入'];
  for (let i = 0; i < 1200; i++) lines.push(`重启地区${i % 300},${2001 + ((i / 300) | 0)},${((i * 37) % 1000) / 8},${(i * 0.13).toFixed(2)}`);
  return lines.join('\n');
}

interface RecordView {
  id: string;
  version: number;
  revision: string;
  snapshotBytes: number | null;
}

/** The saved records as IndexedDB holds them (read in the page: the app's own database). */
function records(page: Page): Promise<RecordView[]> {
  return page.evaluate(
    () =>
      new Promise<RecordView[]>((resolve, reject) => {
        const open = indexedDB.open('hqd-dashboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('datasets').objectStore('datasets').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(
              (all.result as { id: string; version: number; revision?: string; snapshot?: { bytes: Blob } | null }[]).map((r) => ({
                id: r.id,
                version: r.version,
                revision: r.revision ?? '',
                snapshotBytes: r.snapshot ? r.snapshot.bytes.size : null,
              })),
            );
          };
        };
      }),
  );
}

/** Rewrites one saved record in the page's IndexedDB: `change` runs in the page. */
function rewrite(page: Page, id: string, change: string): Promise<void> {
  return page.evaluate(
    ([key, body]) =>
      new Promise<void>((resolve, reject) => {
        // The change arrives as text: a function cannot cross into the page, and the CSP refuses eval.
        const changes: Record<string, (r: Record<string, unknown>) => void> = {
          'break-file': (r) => void (r.file = new Blob(['这不是原来的文件'])),
          'as-version-2': (r) => {
            r.version = 2;
            delete r.revision;
            delete r.snapshot;
          },
          'damage-snapshot': (r) => void (r.snapshot = { format: 1, bytes: new Blob([new Uint8Array(50_000).fill(7)]) }),
        };
        const open = indexedDB.open('hqd-dashboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('datasets', 'readwrite');
          const store = tx.objectStore('datasets');
          const get = store.get(key);
          get.onsuccess = () => {
            const record = get.result as Record<string, unknown>;
            changes[body]?.(record);
            store.put(record);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, change] as const,
  );
}

/** The dataset as the Data view exports it: every value with its entity, indicator and period. */
async function exported(page: Page, id: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-export]`).click();
  return readFileSync(await (await download).path(), 'utf8');
}

async function reloadReady(page: Page): Promise<void> {
  await page.reload();
  await waitReady(page);
  await page.locator('[data-testid=dataset-row]').first().waitFor();
}

async function importTable(page: Page): Promise<string> {
  await page.setInputFiles('[data-testid=import-input]', [csvFile(`${NAME}.csv`, table())]);
  const draft = await settledDraft(page, `${NAME}.csv`);
  expect(await draft.getAttribute('data-status')).toBe('done');
  const row = (await datasetRows(page)).find((r) => r.name === NAME);
  expect(row?.rows).toBe(2400);
  return row?.id ?? '';
}

/** The previous test's upload removed and the table imported anew: its id and its export. */
async function importAgain(page: Page): Promise<{ id: string; before: string }> {
  await page.locator(`[data-testid=dataset-row][data-name="${NAME}"] [data-testid=dataset-remove]`).click();
  await expect.poll(() => datasetRows(page).then((rows) => rows.some((r) => r.name === NAME))).toBe(false);
  const id = await importTable(page);
  return { id, before: await exported(page, id) };
}

describe('a restart with a saved upload', () => {
  let w: PageWatch;
  afterAll(() => w?.context.close());

  it('brings it back from its snapshot, exact, without reading its file', async () => {
    w = await openPage('/data');
    await waitReady(w.page);
    const id = await importTable(w.page);
    // Saved whole by the time the import says it is done: file, mapping and snapshot.
    const [record] = await records(w.page);
    expect(record).toMatchObject({ id, version: 3 });
    expect(record?.revision).not.toBe('');
    expect(record?.snapshotBytes).toBeGreaterThan(0);
    const before = await exported(w.page, id);
    expect(before.split('\n').filter((l) => l.trim()).length).toBe(2401);

    // Its file no longer reads as the table: only the snapshot can give the dataset back.
    await rewrite(w.page, id, 'break-file');
    await reloadReady(w.page);
    expect((await datasetRows(w.page)).find((r) => r.id === id)).toEqual({ id, name: NAME, rows: 2400 });
    expect(await exported(w.page, id)).toBe(before);
    await expectNoErrors(w);
  });

  it('imports one saved by the earlier release (no snapshot) from its file once, then saves its snapshot', async () => {
    const { id, before } = await importAgain(w.page);
    await rewrite(w.page, id, 'as-version-2');
    expect((await records(w.page))[0]).toMatchObject({ id, version: 2, snapshotBytes: null });

    await reloadReady(w.page);
    expect(await exported(w.page, id)).toBe(before);
    // Migrated once: saved again with its snapshot, so the next start no longer needs the file.
    await expect.poll(() => records(w.page).then((r) => r[0]), { timeout: 30_000 }).toMatchObject({ id, version: 3, snapshotBytes: expect.any(Number) as number });
    await rewrite(w.page, id, 'break-file');
    await reloadReady(w.page);
    expect(await exported(w.page, id)).toBe(before);
  });

  it('imports its file instead when its snapshot cannot be read, and saves a good one', async () => {
    const { id, before } = await importAgain(w.page);
    await rewrite(w.page, id, 'damage-snapshot');
    await reloadReady(w.page);
    expect(await exported(w.page, id)).toBe(before);
    await expect.poll(() => records(w.page).then((r) => r[0]?.snapshotBytes), { timeout: 30_000 }).not.toBe(50_000);
    await rewrite(w.page, id, 'break-file');
    await reloadReady(w.page);
    expect(await exported(w.page, id)).toBe(before);
    await expectNoErrors(w);
  });
});

describe('two tabs on the same saved data', () => {
  it('both work: an import in one is in the other after its reload, a removal too, and both start at once', async () => {
    const a = await openPage('/data');
    const b = await a.context.newPage();
    await b.goto(a.page.url());
    await Promise.all([waitReady(a.page), waitReady(b)]);
    const id = await importTable(a.page);

    // The other tab keeps working on what it loaded, and has the upload after a reload.
    await b.click('[data-testid=nav-overview]');
    await expect.poll(() => b.locator('[data-testid=chart][data-kind=line]').first().getAttribute('data-points'), { timeout: 30_000 }).toMatch(/^[1-9]/);
    await b.click('[data-testid=nav-data]');
    await reloadReady(b);
    expect((await datasetRows(b)).find((r) => r.id === id)?.rows).toBe(2400);

    // Both restart at the same moment from the same records.
    await Promise.all([reloadReady(a.page), reloadReady(b)]);
    for (const page of [a.page, b]) expect((await datasetRows(page)).find((r) => r.id === id)?.rows).toBe(2400);

    // Removed in one: the other still works, and no longer has it after a reload.
    await b.locator(`[data-testid=dataset-row][data-dataset="${id}"] [data-testid=dataset-remove]`).click();
    await b.locator(`[data-testid=dataset-row][data-dataset="${id}"]`).waitFor({ state: 'detached' });
    expect(await exported(a.page, id)).toContain('重启地区');
    await reloadReady(a.page);
    expect((await datasetRows(a.page)).some((r) => r.id === id)).toBe(false);
    await expectNoErrors(a);
    await a.context.close();
  });
});
