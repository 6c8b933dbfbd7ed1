import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { PageWatch } from './app';

// What the Data view shows of imports and datasets, read as a person would see it.

export const csvFile = (name: string, content: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content) : content });

export interface DatasetRow {
  id: string;
  name: string;
  rows: number;
}

export function datasetRows(page: Page): Promise<DatasetRow[]> {
  return page.locator('[data-testid=dataset-row]').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-dataset') ?? '', name: r.getAttribute('data-name') ?? '', rows: Number(r.getAttribute('data-rows')) })),
  );
}

/** The draft card of one uploaded file, once it has stopped working (imported, refused or waiting for review). */
export async function settledDraft(page: Page, fileName: string, timeout = 30_000): Promise<Locator> {
  const draft = page.locator('[data-testid=import-draft]').filter({ has: page.getByRole('heading', { name: fileName, exact: true }) });
  await expect.poll(() => draft.getAttribute('data-status'), { timeout, interval: 100 }).toMatch(/^(done|refused|review|cancelled)$/);
  return draft;
}

/** No uncaught error, console error, CSP violation or request off the page's origin. */
export async function expectNoErrors(w: PageWatch): Promise<void> {
  expect(w.pageErrors).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  expect(await w.cspViolations()).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
}
