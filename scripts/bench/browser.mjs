// How long headless Chromium takes to open an HTML report and lay it out:
// from navigation to the load event plus a forced layout (the page's
// height). Chromium is Debian's `chromium` package or SECOPS_TEAM_CHROMIUM,
// driven by playwright-core as in the browser tests; without it, a note.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.SECOPS_TEAM_CHROMIUM ?? '/usr/bin/chromium';

/** @returns {Promise<{ ms: number, height: number } | { note: string }>} */
export async function renderInBrowser(file) {
  if (!existsSync(CHROMIUM)) return { note: `no Chromium at ${CHROMIUM}` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const start = process.hrtime.bigint();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, height };
  } catch (error) {
    return { note: `Chromium did not render it: ${String(error).split('\n')[0]}` };
  } finally {
    await browser.close();
  }
}
