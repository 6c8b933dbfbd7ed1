import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../../scripts/lib/chromium';

export const baseUrl = (): string => inject('baseUrl');

let browser: Browser | null = null;
export async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** What a page did that a person would never want: requests elsewhere, CSP violations, errors. */
export interface PageWatch {
  page: Page;
  context: BrowserContext;
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: () => Promise<string[]>;
}

export async function openPage(
  path = '/',
  viewport: { width: number; height: number; scale?: number } = { width: 1366, height: 768 },
  beforeLoad?: string,
): Promise<PageWatch> {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.scale ?? 1 });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const watch: PageWatch = {
    page,
    context,
    foreignRequests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []),
  };
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __states: string[] };
    w.__csp = [];
    w.__states = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    // Record every value #app[data-state] takes, and whether the header was painted meanwhile.
    new MutationObserver(() => {
      const app = document.getElementById('app');
      const state = app?.dataset.state;
      const entry = `${state}${document.querySelector('header') ? '+shell' : ''}`;
      if (state && w.__states[w.__states.length - 1] !== entry) w.__states.push(entry);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  if (beforeLoad) await context.addInitScript(beforeLoad);
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.foreignRequests.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  await page.goto(baseUrl() + path);
  return watch;
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('#app[data-state=ready]', { timeout: 60_000 });
}
