// Screenshots of each view at the sizes leadership screens and projectors use:
//   npx tsx scripts/screenshots.ts [outDir] [path ...]   (run `npm run build` first)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium';
import { startPreview } from './lib/preview';

// [width, height, device pixel ratio]: a 4K monitor is driven at 150% by default (Windows), so its
// page is 2560×1440 CSS pixels drawn on 3840×2160 device pixels.
const SIZES = [
  [1366, 768, 1],
  [1920, 1080, 1],
  [2560, 1440, 1.5],
] as const;

const outDir = process.argv[2] ?? 'screenshots';
const paths = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['/'];
mkdirSync(outDir, { recursive: true });

const preview = await startPreview();
const browser = await launchChromium();
try {
  for (const path of paths) {
    for (const [width, height, scale] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
      page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
      await page.goto(preview.url + path);
      await page.waitForSelector('#app[data-state=ready], #app[data-state=error]', { timeout: 60_000 });
      await page.waitForTimeout(300);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'overview'}-${width * scale}x${height * scale}.png`;
      await page.screenshot({ path: join(outDir, name) });
      console.log(join(outDir, name));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await preview.stop();
}
