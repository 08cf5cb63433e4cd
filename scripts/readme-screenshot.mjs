// Makes the README's picture of a report: the HTML report of a template,
// from the top to the end of the coverage heat map, in headless Chromium.
// Usage: npm run build && node scripts/readme-screenshot.mjs [template] [chromium]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const template = process.argv[2] ?? 'small';
const executablePath = process.argv[3] ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'secops-team-shot-'));
const html = join(work, 'report.html');
execFileSync(process.execPath, [join(root, 'bin', 'secops-team.js'), 'report', join('templates', `${template}.yaml`), '-o', html], {
  cwd: root,
  env: { ...process.env, SOURCE_DATE_EPOCH: '1780272000' },
});

const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  const bottom = await page.evaluate(() => {
    const box = document.querySelector('#coverage')?.getBoundingClientRect();
    return box ? Math.ceil(box.bottom + window.scrollY + 8) : 1600;
  });
  const out = join(root, 'docs', `report-${template}.png`);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: bottom } });
  console.log(`wrote docs/report-${template}.png (${Math.round(statSync(out).size / 1024)} KB)`);
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
