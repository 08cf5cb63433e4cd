import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleIndex, renderRuleMarkdown, renderRuleText, rulePage } from '../../src/docs/rule-page.js';
import { checkTeam, collect } from '../../src/lint.js';
import { format } from '../../src/index.js';
import { rulePageUri } from '../../src/meta.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { EXAMPLE_DATE } from '../../src/rules/types.js';
import { ROOT, runInProcess } from '../helpers.js';

const folder = join(ROOT, 'docs', 'rules');
const ruleIdsOf = (text: string) => checkTeam(text, { today: EXAMPLE_DATE }).findings.map((f) => f.ruleId);

describe('every rule\'s examples', () => {
  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s: the failing example gives its finding, the passing one does not', (id, rule) => {
    expect(ruleIdsOf(rule.docs.examples.fails)).toContain(id);
    expect(ruleIdsOf(rule.docs.examples.passes)).not.toContain(id);
  });

  it('keep every line short enough for explain in a 60-column terminal', () => {
    for (const rule of ALL_RULES) {
      for (const line of `${rule.docs.examples.fails}\n${rule.docs.examples.passes}`.split('\n')) expect(line.length, `${rule.id}: ${line}`).toBeLessThanOrEqual(55);
    }
  });
});

describe('docs/rules', () => {
  it('has a current page for every registered rule, an index, and nothing else (npm run docs writes them)', () => {
    const expected = new Map(ALL_RULES.map((rule) => [`${rule.id}.md`, renderRuleMarkdown(rulePage(rule))]));
    expected.set('README.md', renderRuleIndex(ALL_RULES));
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(folder, name), 'utf8'), `docs/rules/${name} is out of date: run npm run docs`).toBe(text);
  });

  it('shows, on each page, what check really says about the failing example', () => {
    for (const rule of ALL_RULES) {
      const output = rulePage(rule).sections.flatMap((s) => s.blocks).find((b) => b.kind === 'output');
      const findings = checkTeam(rule.docs.examples.fails, { today: EXAMPLE_DATE }).findings.filter((f) => f.ruleId === rule.id);
      expect(output?.kind === 'output' ? output.lines : []).toEqual(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`));
    }
  });
});

describe('explain <rule>', () => {
  const words = (text: string) => text.replace(/^#+ .*$/gm, '').replace(/```\w*/g, '').replace(/\s+/g, ' ').trim();

  it.each(ALL_RULES.map((r) => r.id))('%s prints the page\'s text', async (id) => {
    const rule = ALL_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(id);
    const run = await runInProcess(['explain', id]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(renderRuleText(rulePage(rule), 99));
    // Every sentence, list item, example line and finding of the page is in what explain prints.
    const printed = words(run.stdout);
    for (const block of rulePage(rule).sections.flatMap((s) => s.blocks)) {
      const pieces = block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? [block.lead, ...block.items] : block.kind === 'yaml' ? [block.lead, ...block.text.split('\n')] : [block.lead, ...block.lines];
      for (const piece of pieces) expect(printed).toContain(words(piece));
    }
  });
});

describe('SARIF rule help', () => {
  it('points every rule at its own page in the canonical repository, with a name that is not its id', () => {
    const log = JSON.parse(format(collect([checkTeam('version: 1\n')]), 'sarif')) as { runs: { tool: { driver: { rules: { id: string; name: string; helpUri: string }[] } } }[] };
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`https://github.com/secops-team/secops-team/blob/main/docs/rules/${rule.id}.md`);
      expect(rule.helpUri).toBe(rulePageUri(rule.id));
      expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    }
  });
});
