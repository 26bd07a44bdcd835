import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

/**
 * The system's Chromium (Debian's `chromium` package, which .ci/run installs), driven by
 * playwright-core: no browser download. CHROMIUM_PATH points elsewhere.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * How many distinct colours a PNG has and the share of its most common one, decoded by the
 * browser itself (a blank or single-colour screenshot has one colour covering everything).
 */
export async function pngColours(browser: Browser, png: Buffer): Promise<{ colours: number; commonest: number; width: number; height: number }> {
  const page: Page = await browser.newPage();
  try {
    // runs in the page (the test's own TypeScript has no DOM types)
    return await page.evaluate(`(async () => {
      const img = new Image();
      img.src = 'data:image/png;base64,${png.toString('base64')}';
      await img.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = new Map();
      for (let i = 0; i < data.length; i += 4) {
        const c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      return { colours: counts.size, commonest: Math.max(...counts.values()) / (img.width * img.height), width: img.width, height: img.height };
    })()`);
  } finally {
    await page.close();
  }
}
