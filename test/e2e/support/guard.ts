import type { Page } from 'playwright-core';

/**
 * An init script (a string, as `openPage` takes it) that records what hostile text
 * must never cause: dialogs and popups, elements that load or run something (`img`, `script`,
 * `iframe`, `object`, `embed`, `frame`), event-handler attributes, `javascript:` URLs. It also keeps
 * every chart tooltip ECharts shows (`.chart-tooltip`): its text, and the tags it is made of; and
 * every value the document title takes.
 * The app's own module scripts (`/assets/…`, no inline text) are the only scripts allowed.
 */
export const GUARD_SCRIPT = `(() => {
  const w = window;
  w.__dialogs = [];
  w.__injected = [];
  w.__tooltips = [];
  w.__titles = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    w[name] = function (message) { w.__dialogs.push(name + ': ' + String(message)); return name === 'prompt' ? null : name === 'confirm' ? false : undefined; };
  }
  w.open = function (url) { w.__dialogs.push('open: ' + String(url)); return null; };
  const LOADING = new Set(['img', 'script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'portal']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc']);
  const show = (el) => el.outerHTML.slice(0, 160);
  const ownScript = (el) => {
    if (el.textContent !== '' || !el.hasAttribute('src')) return false;
    const url = new URL(el.getAttribute('src'), location.href);
    return url.origin === location.origin && url.pathname.startsWith('/assets/');
  };
  const check = (el) => {
    const tag = el.localName;
    if (LOADING.has(tag) && !(tag === 'script' && ownScript(el))) w.__injected.push('element ' + show(el));
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) w.__injected.push('handler ' + a.name + ' on ' + show(el));
      else if (URL_ATTRS.has(a.name.toLowerCase()) && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(a.value)) w.__injected.push('url ' + a.name + ' on ' + show(el));
    }
    if (el.classList && el.classList.contains('chart-tooltip')) {
      w.__tooltips.push({ text: el.textContent, tags: [...new Set([...el.querySelectorAll('*')].map((x) => x.localName))] });
    }
  };
  new MutationObserver((records) => {
    if (document.title !== w.__titles[w.__titles.length - 1]) w.__titles.push(document.title);
    for (const r of records) {
      if (r.type === 'attributes') { if (r.target.nodeType === 1) check(r.target); continue; }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        check(n);
        for (const d of n.querySelectorAll('*')) check(d);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

export interface GuardReport {
  dialogs: string[];
  injected: string[];
  titles: string[];
  pwned: unknown;
}

export interface Tooltip {
  text: string;
  tags: string[];
}

export function guardReport(page: Page): Promise<GuardReport> {
  return page.evaluate(`({ dialogs: window.__dialogs, injected: window.__injected, titles: window.__titles, pwned: window.__pwned })`) as Promise<GuardReport>;
}

/** Tooltips shown since the last call (the record is emptied). */
export function takeTooltips(page: Page): Promise<Tooltip[]> {
  return page.evaluate(`window.__tooltips.splice(0)`) as Promise<Tooltip[]>;
}

/**
 * Sweeps the pointer over every chart matching `selector`, on a grid of points, so that ECharts draws its
 * tooltips (item tooltips need the pointer on a bar or a cell, axis tooltips anywhere in the grid).
 * The moves are dispatched in the page, as the browser would for a real mouse, in one round trip:
 * a Playwright move per point would take minutes over all the views.
 */
export function hoverCharts(page: Page, selector = '[data-testid=chart]', columns = 12, rows = 24): Promise<number> {
  return page.evaluate(
    async ({ selector, columns, rows }) => {
      const charts = [...document.querySelectorAll<HTMLElement>(selector)];
      const fire = (target: Element, type: string, x: number, y: number) =>
        target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window }));
      for (const chart of charts) {
        chart.scrollIntoView({ block: 'center' });
        const r = chart.getBoundingClientRect();
        if (r.width < 10 || r.height < 10) continue;
        for (let j = 0; j < rows; j++) {
          for (let i = 0; i < columns; i++) {
            const x = r.left + ((i + 0.5) / columns) * r.width;
            const y = r.top + ((j + 0.5) / rows) * r.height;
            fire(document.elementFromPoint(x, y) ?? chart, 'mousemove', x, y);
          }
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        fire(chart.querySelector('canvas') ?? chart, 'mouseout', r.left - 5, r.top - 5);
      }
      return charts.length;
    },
    { selector, columns, rows },
  );
}
