/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate() run in the browser: they see the DOM.
/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`
 * package) driven by playwright-core. Checks what a reader would see, that
 * the page asks the network for nothing and logs no error, and saves each
 * page's screenshot under test-artifacts/ to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { ROOT, runCli } from '../helpers.js';
import { generateTeam } from '../../scripts/bench/generate.mjs';

const CHROMIUM = process.env.SECOPS_TEAM_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, 'test-artifacts');
const SIZES = ['small', 'medium', 'large', 'enterprise'] as const;

if (!HAS_CHROMIUM) {
  console.warn(`report browser tests skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package (apt-get install chromium) or set SECOPS_TEAM_CHROMIUM`);
}

interface Visit {
  page: Page;
  requests: string[];
  problems: string[];
}

describe.skipIf(!HAS_CHROMIUM)('the HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'secops-team-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens a report, recording every request it makes and every console error, page error or dialog. */
  async function visit(file: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // Anything but the report itself would be a network request: refuse it (and it stays recorded).
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  function writeReport(name: string, args: string[]): string {
    const output = join(ARTIFACTS, `${name}.html`);
    const run = runCli(['report', ...args, '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return output;
  }

  it.each(SIZES)('templates/%s.yaml: chart and heat map with the right counts, no requests, no errors', async (size) => {
    const template = join(ROOT, 'templates', `${size}.yaml`);
    const expected = checkTeam(readFileSync(template, 'utf8'));
    const members = expected.team?.members.length ?? 0;
    const file = writeReport(`report-${size}`, [template]);
    const { page, requests, problems } = await visit(file);

    expect(await page.locator('svg.org-chart g.node').count()).toBe(members);
    expect(await page.locator('svg.org-chart .edges path').count()).toBe(expected.team?.members.filter((m) => m.reportsTo !== undefined).length);
    expect(await page.locator('table.heatmap td.duty').count()).toBe(expected.coverage.length);
    for (const status of ['covered', 'external', 'absorbed', 'uncovered', 'not-applicable']) {
      expect(await page.locator(`table.heatmap td.duty[data-status="${status}"]`).count(), status).toBe(expected.coverage.filter((e) => e.status === status).length);
    }
    await expect(page.locator('h1').textContent()).resolves.toBe(expected.team?.organization.name);

    // Readable: every line of text in a chart box fits inside its box with the fonts this browser has.
    const overflows = await page.evaluate(() =>
      [...document.querySelectorAll('svg.org-chart g.node')].flatMap((node) => {
        const box = node.querySelector('rect.box');
        const width = box ? Number(box.getAttribute('width')) : 0;
        return [...node.querySelectorAll('text')]
          .filter((text) => Number(text.getAttribute('x')) + (text as SVGTextContentElement).getComputedTextLength() > width - 2)
          .map((text) => text.textContent);
      }),
    );
    expect(overflows).toEqual([]);
    // The chart is drawn at a readable scale: at least 70% of its natural size on a laptop screen.
    const scale = await page.evaluate(() => {
      const svg = document.querySelector('svg.org-chart');
      return svg ? svg.getBoundingClientRect().width / Number(svg.getAttribute('width')) : 0;
    });
    expect(scale).toBeGreaterThan(0.7);

    await page.screenshot({ path: join(ARTIFACTS, `report-${size}.png`), fullPage: true });
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['small', 'enterprise'] as const)('templates/%s.yaml reads on a phone: nothing wider than the screen but the chart, which scrolls', async (size) => {
    const file = writeReport(`report-${size}`, [join(ROOT, 'templates', `${size}.yaml`)]);
    const { page, problems } = await visit(file, { width: 390, height: 844 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      cellsPerRow: new Set([...document.querySelectorAll('table.heatmap tr:first-child td.duty')].map((td) => Math.round(td.getBoundingClientRect().left))).size,
      chartScrolls: getComputedStyle(document.querySelector('.chart-scroll') ?? document.body).overflowX,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.cellsPerRow).toBe(2);
    expect(widths.chartScrolls).toBe('auto');
    await page.screenshot({ path: join(ARTIFACTS, `report-${size}-phone.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints the chart and the heat map within the page width', async () => {
    const file = writeReport('report-enterprise', [join(ROOT, 'templates', 'enterprise.yaml')]);
    const { page } = await visit(file);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 720, height: 1000 });
    const fits = await page.evaluate(() => {
      const main = document.querySelector('main')?.getBoundingClientRect().width ?? 0;
      const svg = document.querySelector('svg.org-chart')?.getBoundingClientRect().width ?? Infinity;
      const table = document.querySelector('table.heatmap')?.getBoundingClientRect().width ?? Infinity;
      return { svg: svg <= main + 1, table: table <= main + 1 };
    });
    expect(fits).toEqual({ svg: true, table: true });
    await page.close();
  });

  it('shows hostile names as text: no script runs, nothing loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-hostile-'));
    const team = join(dir, 'team.yaml');
    writeFileSync(
      team,
      [
        'version: 1',
        'organization:',
        `  name: ${JSON.stringify('</title><script>window.pwned=1;alert(1)</script>')}`,
        '  employees: 50',
        'members:',
        `  - {id: a, name: ${JSON.stringify('<img src=https://example.com/x.png onerror=alert(2)>')}, roles: [security-manager]}`,
        `  - {id: b, name: ${JSON.stringify('"><svg onload=alert(3)>')}, roles: [system-administrator], reportsTo: a, title: ${JSON.stringify('</style><link rel=stylesheet href=https://example.com/s.css>')}}`,
        `  - {id: c, name: ${JSON.stringify('x\u202e\x1b[2J')}, roles: [security-analyst], reportsTo: b, provider: ${JSON.stringify("' onmouseover='alert(4)")}}`,
        '',
      ].join('\n'),
    );
    const file = writeReport('report-hostile', [team]);
    const { page, requests, problems } = await visit(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.locator('h1').textContent()).resolves.toBe('</title><script>window.pwned=1;alert(1)</script>');
    expect(await page.locator('svg.org-chart g.node').count()).toBe(3);
    expect(await page.locator('img, script, link, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('svg.org-chart svg').count()).toBe(0);
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('the report of 100,000 members stays a page: about 2 MB, rendered, with the lists summarised', async () => {
    const team = join(profile, 'team-100000.yaml');
    writeFileSync(team, generateTeam(100_000));
    const file = writeReport('report-100000', [team]);
    expect(statSync(file).size).toBeLessThan(20 * 1024 * 1024);
    const { page, requests, problems } = await visit(file);
    expect(await page.locator('table.heatmap td.duty').count()).toBeGreaterThan(20);
    expect(await page.locator('table.members tbody tr').count()).toBe(2000);
    const listed = await page.locator('ul.org-list li.org-row').count();
    expect(listed).toBeGreaterThan(100);
    expect(listed).toBeLessThanOrEqual(2000);
    await expect(page.locator('#members').textContent()).resolves.toContain('98,000 more are in the team file');
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
