import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isComparable } from '../../src/diff/diff.js';
import type { FileResult, TeamSummary } from '../../src/findings.js';
import { escapeHtml } from '../../src/format/html.js';
import { renderReport } from '../../src/format/report/index.js';
import { CHART_LIMIT, fitText } from '../../src/format/report/org-chart.js';
import { checkTeam } from '../../src/lint.js';
import { ROOT, teamYaml } from '../helpers.js';

const OPTIONS = { date: '2026-06-01', version: '9.9.9' };

function report(text: string): string {
  const file = checkTeam(text, { file: 'team.yaml', today: OPTIONS.date });
  if (!isComparable(file)) throw new Error(`not comparable: ${JSON.stringify(file.findings)}`);
  return renderReport(file, OPTIONS);
}

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onload="alert(1)', '&quot; onload=&quot;alert(1)'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['</style><img src=x onerror=alert(1)>', '&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['Tom & Jerry &amp;', 'Tom &amp; Jerry &amp;amp;'],
    ['bell\x07 esc\x1b[31m nul\0', 'bell\\x07 esc\\x1b[31m nul\\x00'],
    ['\u202eevil\u200b', '\\u202eevil\\u200b'],
    ['line\nbreak', 'line\\nbreak'],
    ['Zoë 😀 שלום Tomás', 'Zoë 😀 שלום Tomás'],
  ])('escapeHtml(%j)', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

/** A team whose every text field is hostile. */
const HOSTILE_NAMES = ['<script>alert(1)</script>', '"onload="alert(2)', '</style><b>x', "x' onclick='y", 'ctl\x1b]0;t\x07\u202e'];
const HOSTILE = [
  'version: 1',
  'organization:',
  `  name: ${JSON.stringify('</title><script>alert(3)</script>')}`,
  '  employees: 300',
  'members:',
  ...HOSTILE_NAMES.map((name, i) =>
    [
      `  - id: m${i}`,
      `    name: ${JSON.stringify(name)}`,
      `    title: ${JSON.stringify(`<img src=x onerror=alert(${i})>`)}`,
      `    roles: [${['ciso', 'security-manager', 'security-analyst', 'system-administrator', 'it-operations-manager'][i]}]`,
      ...(i > 0 ? [`    reportsTo: m${i - 1}`] : []),
      ...(i === 4 ? [`    provider: ${JSON.stringify('<svg onload=alert(9)>')}`] : []),
    ].join('\n'),
  ),
  'exceptions:',
  `  - {rule: missing-role, reason: ${JSON.stringify('<iframe src=//evil>')}, approvedBy: m0}`,
  '',
].join('\n');

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'section', 'article', 'div', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'li', 'span', 'strong', 'code', 'br',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'g', 'rect', 'text', 'path',
]);

/** The attribute names of every start tag, parsed strictly: values are double-quoted and hold no quote. */
function attributes(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*\/?>/g)) {
    // Walk the attributes one after another, so text inside a value is never taken for a name.
    const list = tag[1] ?? '';
    const attribute = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="[^"<>]*")?/y;
    for (let match = attribute.exec(list); match; match = attribute.exec(list)) names.push((match[1] ?? '').toLowerCase());
  }
  const starts = html.match(/<[a-zA-Z]/g)?.length ?? 0;
  const parsed = html.match(/<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*\s*\/?>/g)?.length ?? 0;
  // Every start tag parsed: no stray "<" opened a tag the strict pattern does not know.
  expect(parsed).toBe(starts);
  return names;
}

describe('renderReport', () => {
  it('escapes every text from the team file: only its own tags, no event handlers, one style sheet', () => {
    const html = report(HOSTILE);
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
    expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    // No attribute of any tag is an event handler.
    expect(attributes(html).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // The page's title, and one tooltip per chart node: the organization's name did not close it.
    expect(html.match(/<\/title>/g)).toHaveLength(1 + HOSTILE_NAMES.length);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('\\x1b]0;t\\x07\\u202e');
    expect(html).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]/);
  });

  it('loads nothing: no URLs, no scripts, and a policy that forbids both', () => {
    const html = report(HOSTILE);
    expect(attributes(html).filter((name) => ['src', 'href', 'xlink:href', 'action', 'srcset', 'background', 'poster'].includes(name))).toEqual([]);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/@media print \{/);
  });

  it('has one chart node per member and one heat-map cell per responsibility', () => {
    for (const size of ['small', 'medium', 'large', 'enterprise']) {
      const text = readFileSync(join(ROOT, 'templates', `${size}.yaml`), 'utf8');
      const file = checkTeam(text, { today: OPTIONS.date });
      const html = report(text);
      expect(html.match(/<g class="node[ "]/g)?.length).toBe(file.team?.members.length);
      expect(html.match(/<td class="duty /g)?.length).toBe(file.coverage.length);
      for (const status of ['covered', 'external', 'absorbed', 'uncovered', 'not-applicable']) {
        expect(html.match(new RegExp(`data-status="${status}"`, 'g'))?.length ?? 0).toBe(file.coverage.filter((e) => e.status === status).length);
      }
    }
  });

  it('states the organization, its size, the date and the version', () => {
    const html = report(readFileSync(join(ROOT, 'templates', 'medium.yaml'), 'utf8'));
    expect(html).toContain('<h1>Harbor Logistics</h1>');
    expect(html).toContain('A <strong>medium</strong> organization of 640 employees');
    expect(html).toContain('<span class="value">10</span><span class="label">members</span>');
    expect(html).toContain('Generated 2026-06-01 by secops-team 9.9.9');
  });

  it('groups findings by severity with the rule’s summary and fix', () => {
    // The small template grown to 420 employees: warnings, then infos.
    const html = report(readFileSync(join(ROOT, 'test', 'fixtures', 'diff', 'grow-to-medium', 'after.yaml'), 'utf8'));
    const warnings = html.indexOf('data-severity="warning"');
    const infos = html.indexOf('data-severity="info"');
    expect(warnings).toBeGreaterThan(0);
    expect(infos === -1 || infos > warnings).toBe(true);
    expect(html).toMatch(/<article class="rule" data-rule="absorbed-duties"><h4><code>absorbed-duties<\/code> <span class="count">1<\/span><\/h4><p class="rule-summary">A role nobody holds whose expected duties are all taken over/);
    expect(html).toContain('<strong>How to fix:</strong> Nothing to fix in a small organization');
  });

  it('lists findings accepted by exceptions with their reason', () => {
    const html = report(HOSTILE);
    expect(html).toContain('Accepted by exceptions');
    expect(html).toContain('accepted: &lt;iframe src=//evil&gt;, approved by m0');
  });

  it('draws the chart as a list above the limit, managers first', () => {
    const members = Array.from({ length: CHART_LIMIT + 1 }, (_, i) => `{id: m${i}, name: M${i}, roles: [${i === 0 ? 'ciso' : 'security-analyst'}]${i > 0 ? `, reportsTo: m${Math.floor((i - 1) / 10)}` : ''}}`);
    const html = report(teamYaml({ employees: 20000 }, members));
    expect(html).not.toContain('<svg class="org-chart"');
    expect(html.match(/<li class="org-row/g)).toHaveLength(CHART_LIMIT + 1);
    expect(html).toMatch(/<li class="org-row" data-member="m0" style="--depth:0">/);
    expect(html.indexOf('data-member="m1"')).toBeLessThan(html.indexOf('data-member="m11"'));
    expect(html.indexOf('data-member="m11"')).toBeLessThan(html.indexOf('data-member="m2"'));
  });

  it('marks managers who are not in the team and reporting loops, and still draws everyone', () => {
    const text = teamYaml({ employees: 100 }, [
      '{id: a, name: A, roles: [ciso], reportsTo: b}',
      '{id: b, name: B, roles: [security-manager], reportsTo: a}',
      '{id: c, name: C, roles: [system-administrator], reportsTo: ghost}',
    ]);
    const file = checkTeam(text, { today: OPTIONS.date }) as FileResult & { team: TeamSummary };
    // Reference errors do not stop the gap analysis: the report still renders.
    expect(file.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['reporting-cycle', 'unknown-member']));
    const html = renderReport(file, OPTIONS);
    expect(html.match(/<g class="node[ "]/g)).toHaveLength(3);
    expect(html).toContain('A reports to &quot;b&quot;, which closes a reporting loop: drawn at the top, without that line');
    expect(html).toContain('C reports to &quot;ghost&quot;, who is not in the team: drawn at the top, without that line');
  });
});

describe('fitText', () => {
  it('keeps short text and cuts long text at whole characters with an ellipsis', () => {
    expect(fitText('Ana Lima', 20)).toBe('Ana Lima');
    const cut = fitText('Chief Information Security Officer of Everything', 14);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(30);
    expect(fitText('😀😀😀😀😀😀😀😀😀😀', 4)).toMatch(/^(😀)+…$/u);
  });
});
