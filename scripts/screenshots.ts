// Screenshots of each view at the sizes leadership screens and projectors use:
//   npx tsx scripts/screenshots.ts [outDir] [path ...]   (run `npm run build` first)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium';
import { startPreview } from './lib/preview';

const SIZES = [
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const;

const outDir = process.argv[2] ?? 'screenshots';
const paths = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ['/'];
mkdirSync(outDir, { recursive: true });

const preview = await startPreview();
const browser = await launchChromium();
try {
  for (const path of paths) {
    for (const [width, height] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height } });
      page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
      await page.goto(preview.url + path);
      await page.waitForSelector('#app[data-state=ready], #app[data-state=error]', { timeout: 60_000 });
      await page.waitForTimeout(300);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'overview'}-${width}x${height}.png`;
      await page.screenshot({ path: join(outDir, name) });
      console.log(join(outDir, name));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await preview.stop();
}
