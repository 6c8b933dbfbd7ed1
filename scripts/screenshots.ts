// Screenshots of each view at the sizes leadership screens and projectors use:
//   npx tsx scripts/screenshots.ts [outDir] [path ...]   (run `npm run build` first)
// A path may carry a scene after '#': `/data#imports` imports files first, so the Data view is seen
// with a preview under review, an edited mapping, a validation report and the dataset list. It
// uploads StatCan's real file from ../shared/realdata, or where that folder is absent a file of the
// same shape that test/support/csv-gen.ts makes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REAL_SHAPES, renderFile } from '../test/support/csv-gen';
import { NO_REALDATA, realPath } from '../test/support/realdata';
import { launchChromium } from './lib/chromium';
import { startPreview } from './lib/preview';

// [width, height, device pixel ratio]: a 4K monitor is driven at 150% by default (Windows), so its
// page is 2560×1440 CSS pixels drawn on 3840×2160 device pixels.
const SIZES = [
  [390, 844, 3],
  [1366, 768, 1],
  [1920, 1080, 1],
  [2560, 1440, 1.5],
] as const;

// Present mode is seen at wall sizes: full HD, QHD, 4K and a 5760×1080 LED wall, at ratio 1.
const PRESENT_SIZES = [
  [1920, 1080, 1],
  [2560, 1440, 1],
  [3840, 2160, 1],
  [5760, 1080, 1],
] as const;

/** One screenshot per kind of slide: the show is paused and stepped with the arrow key. */
async function shootSlides(page: Page, base: string, size: string): Promise<void> {
  await page.keyboard.press('Space');
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const slide = page.locator('[data-testid=present-slide]');
    await slide.waitFor();
    const kind = (await slide.getAttribute('data-kind')) ?? '';
    if (!seen.has(kind)) {
      seen.add(kind);
      await page.waitForTimeout(400);
      const name = `${base}-${kind}-${size}.png`;
      await page.screenshot({ path: join(outDir, name) });
      console.log(join(outDir, name));
    }
    await page.keyboard.press('ArrowRight');
    if (seen.size >= 5) break;
  }
}

const STATCAN = 'statcan-province-population/canada_province_population.csv';

/** StatCan's file, or one of its shape where ../shared/realdata is absent. */
function statcanUpload(): string | { name: string; mimeType: string; buffer: Buffer } {
  if (!NO_REALDATA) return realPath(STATCAN);
  console.log('../shared/realdata is absent: uploading a generated file of the StatCan shape instead');
  const shape = REAL_SHAPES.find((s) => s.real === STATCAN) as (typeof REAL_SHAPES)[number];
  return { name: 'canada_province_population.csv', mimeType: 'text/csv', buffer: Buffer.from(renderFile(shape.spec()).bytes) };
}

const SCENES: Record<string, (page: Page) => Promise<void>> = {
  imports: async (page) => {
    await page.setInputFiles('[data-testid=import-input]', statcanUpload());
    await page.locator('[data-testid=import-summary]').waitFor();
    const messy = ['单位名称;统计时间;得分;备注', '东湖区;2023;88.5;', '西城区;2023年;91;', '南港区;二〇二三;90;', '北岭区;2023;不详;', '高新区;2023', '临江县;2024;93;', '白沙县;2024;87;'].join('\n');
    // Newest drafts come first: each file below is draft 0 when it arrives.
    const review = async (name: string) => {
      await page.setInputFiles('[data-testid=import-input]', [{ name, mimeType: 'text/csv', buffer: Buffer.from(messy) }]);
      const draft = page.locator('[data-testid=import-draft]').first();
      await draft.locator('[data-testid=import-confirm]').waitFor();
      await draft.locator('[data-testid=mapping-layout]').selectOption('long');
      const roles = draft.locator('thead select');
      await roles.nth(0).selectOption('entity');
      await roles.nth(1).selectOption('period');
      await roles.nth(2).selectOption('value');
      await roles.nth(3).selectOption('ignore');
      const indicator = draft.locator('[data-testid=mapping-indicator-name]');
      if (await indicator.count()) await indicator.fill('考核得分');
      return draft;
    };
    await (await review('满意度调查.csv')).locator('[data-testid=import-confirm]').click();
    await page.locator('[data-testid=import-rejects] summary').first().click();
    await review('考核得分.csv');
  },
};

const outDir = process.argv[2] ?? 'screenshots';
const paths = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['/'];
mkdirSync(outDir, { recursive: true });

const preview = await startPreview();
const browser = await launchChromium();
try {
  for (const target of paths) {
    const [path = '/', scene] = target.split('#');
    const presenting = path.startsWith('/present');
    for (const [width, height, scale] of presenting ? PRESENT_SIZES : SIZES) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
      page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
      await page.goto(preview.url + path);
      await page.waitForSelector('#app[data-state=ready], #app[data-state=error]', { timeout: 60_000 });
      if (scene) await SCENES[scene]?.(page);
      // A view that says when it answers what its address asks (`data-settled`) is waited for.
      await page.locator('#app:not([data-navigating]) [data-settled=true]').or(page.locator('#app[data-state=error]')).first().waitFor({ timeout: 60_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      // Named by the path, the scene and, for the SQL view, whether its chart is shown (a query string is too long for a name).
      const [route = '/', search = ''] = path.split('?');
      const chart = new URLSearchParams(search).get('show') === 'chart' ? '-chart' : '';
      const base = `${route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'overview'}${scene ? `-${scene}` : ''}${chart}`;
      if (presenting) {
        await shootSlides(page, base.replace(/_slides.*$/, ''), `${width * scale}x${height * scale}`);
        await page.close();
        continue;
      }
      const name = `${base}-${width * scale}x${height * scale}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: Boolean(scene) });
      console.log(join(outDir, name));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await preview.stop();
}
