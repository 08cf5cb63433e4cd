/**
 * Every reporting chart the Markdown format writes, drawn by Mermaid itself:
 * its own render API in headless Chromium (Debian's `chromium`, driven by
 * playwright-core). Not mermaid-cli: it depends on puppeteer, which downloads
 * a browser of its own at install time. Each chart must render without error,
 * show every name as the tool wrote it, hostile names included, and carry no
 * link. Skipped, with a note, only where no Chromium is installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/format/escape.js';
import { markdown, MAX_CHART_CHARS } from '../../src/format/markdown.js';
import { checkTeam, collect } from '../../src/lint.js';
import { ROOT } from '../helpers.js';

const CHROMIUM = process.env.SECOPS_TEAM_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`Mermaid rendering skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package or set SECOPS_TEAM_CHROMIUM`);

const MERMAID = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');

const HOSTILE_NAMES = [
  '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%',
  'click m0 href "javascript:alert(1)"',
  'https://evil.example/x and www.evil.example',
  '$x^2$ and $$\\frac{a}{b}$$',
  'GH-7, #7 and @octocat',
  '<img src=x onerror=alert(1)> & "quotes" \'single\'',
  '`code` *bold* _em_ [link](http://x) | pipe ~strike~',
  'm0 --> m1; end; subgraph x',
  '#quot; #35; &amp; &#60; ;;',
  'Zoë Ångström 李小龙 😀 مرحبا',
  'tab\there\u0007bell\u202eRLO',
  '{0} {{1}} } {',
  '\\n backslash-n \\ and %% comment',
];

function team(names: readonly string[]): string {
  const lines = ['version: 1', 'organization:', '  name: Acme', '  employees: 120', 'members:'];
  names.forEach((name, i) => {
    lines.push(`  - id: m${i}`, `    name: ${JSON.stringify(name)}`, `    roles: [${i === 0 ? 'security-manager' : 'security-analyst'}]`);
    if (i > 0) lines.push(`    reportsTo: m${Math.floor((i - 1) / 3)}`);
  });
  return lines.join('\n') + '\n';
}

/** The Mermaid blocks of a Markdown text. */
function charts(text: string): string[] {
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

function chartOf(yamlText: string): string {
  const result = checkTeam(yamlText, { file: 'team.yaml' });
  const found = charts(markdown(collect([result]), { color: false }));
  expect(found).toHaveLength(1);
  return found[0] ?? '';
}

describe.skipIf(!HAS_CHROMIUM)('reporting charts in the real Mermaid (headless Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'secops-team-mermaid-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    page = await context.newPage();
    // Nothing may leave the page: Mermaid is loaded from the local package.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') || route.request().url() === 'about:blank' ? route.continue() : route.abort()));
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(MERMAID, 'utf8') });
    // GitHub's settings: strict security, Mermaid's default text limit.
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  let counter = 0;
  /** Renders a chart; returns the SVG's text, its number of links and the theme Mermaid used, or the error. */
  async function render(chart: string): Promise<{ error?: string; text: string; links: number; svg: string }> {
    counter++;
    return page.evaluate(
      async ({ chart, id }) => {
        const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        try {
          const { svg } = await mermaid.render(id, chart);
          const holder = document.getElementById('out') as HTMLElement;
          holder.innerHTML = svg;
          const text = holder.textContent ?? '';
          const links = holder.querySelectorAll('a, [href], [xlink\\:href], [onclick]').length;
          return { text, links, svg };
        } catch (error) {
          return { error: String(error instanceof Error ? error.message : error), text: '', links: 0, svg: '' };
        }
      },
      { chart, id: `chart${counter}` },
    );
  }

  it.each(['small', 'medium', 'large', 'enterprise'])('draws the chart of the %s template with every name', async (size) => {
    const text = readFileSync(join(ROOT, 'templates', `${size}.yaml`), 'utf8');
    const result = checkTeam(text);
    const chart = chartOf(text);
    const drawn = await render(chart);
    expect(drawn.error).toBeUndefined();
    for (const member of result.team?.members ?? []) expect(drawn.text).toContain(escapeTerminal(member.name));
    expect(drawn.links).toBe(0);
  });

  it('draws hostile names as written: no directive, link, math, HTML or Markdown takes effect', async () => {
    const chart = chartOf(team(HOSTILE_NAMES));
    const drawn = await render(chart);
    expect(drawn.error).toBeUndefined();
    // Two dollars in a row are drawn with an invisible word joiner between them, so that they are not math.
    const shown = drawn.text.replace(/\u2060/g, '');
    for (const name of HOSTILE_NAMES) expect(shown, name).toContain(escapeTerminal(name));
    expect(drawn.text).not.toMatch(/\$\$/);
    expect(drawn.links).toBe(0);
    // No element came from a name (the text `<img …>` is there, escaped), and no math was typeset.
    expect(drawn.svg).not.toMatch(/<img\b/i);
    expect(drawn.svg).not.toMatch(/class="katex/);
    // The directive in a name did not switch the theme to dark.
    expect(drawn.svg).not.toMatch(/#1f2020|#333/i);
  });

  it('stays within Mermaid’s 50,000-character limit with long names, and says what it leaves out', async () => {
    // At the schema's 200 characters, with signs Mermaid needs as entities: far past 50,000 characters of chart if drawn whole.
    const names = Array.from({ length: 150 }, (_, i) => `${i} ${'Dr. A.B. / SOC #3; '.repeat(10)}`.slice(0, 200));
    const chart = chartOf(team(names));
    expect(chart.length).toBeLessThanOrEqual(MAX_CHART_CHARS);
    const drawn = await render(chart);
    expect(drawn.error).toBeUndefined();
    expect(drawn.text).toMatch(/and \d+ more members, left out/);
    expect(drawn.text).toContain(names[0]?.trim());
  });

  it('draws a chart of 150 short names (the member limit) whole', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `Person ${i} <&> "${i}"`);
    const chart = chartOf(team(names));
    const drawn = await render(chart);
    expect(drawn.error).toBeUndefined();
    for (const name of names) expect(drawn.text).toContain(name);
  });
});
