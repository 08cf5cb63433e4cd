/**
 * A rule's page, built from the rule registry: what it checks, its severity at
 * each organization size, its options, its authorities, how to fix it, and two
 * example team files with what `check` says about them. The same page is
 * written to docs/rules/<id>.md (scripts/rule-docs.mjs) and printed by
 * `secops-team explain <rule>`, so the two never disagree.
 */
import { citation, SIZES } from '../catalog/index.js';
import { checkTeam } from '../lint.js';
import { EXAMPLE_DATE, type RuleInfo, type RuleOption } from '../rules/types.js';
import { append } from '../util/arrays.js';
import { wrap } from '../util/wrap.js';

/** One piece of a page: prose, a list introduced by a sentence, a team file, or what the tool prints. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; lead: string; items: string[] }
  | { kind: 'yaml'; lead: string; text: string }
  | { kind: 'output'; lead: string; lines: string[] };

export interface RulePage {
  id: string;
  summary: string;
  sections: { heading: string; blocks: Block[] }[];
}

/** Whether the rule checks anything at this size (a size its table leaves out is not checked). */
function checkedAt(rule: RuleInfo, size: (typeof SIZES)[number]): boolean {
  return rule.docs.sizes === undefined || rule.docs.sizes[size] !== undefined;
}

/** The default severity at each size, from the rule's own table: no severity where it checks nothing. */
export function severityLine(rule: RuleInfo): string {
  return `Default severity: ${SIZES.map((size) => `${size} ${checkedAt(rule, size) ? rule.severity[size] : 'not checked'}`).join(', ')}.`;
}

/** What the rule checks at each size, from the same table. */
export function sizeLines(rule: RuleInfo): string[] {
  const sizes = rule.docs.sizes;
  if (sizes === undefined) return [];
  return SIZES.map((size) => `${size}: ${sizes[size] ?? 'not checked'}`);
}

/** The options a rule takes under `rules:`, for rules that have any. */
function optionsOf(rule: RuleInfo): [string, RuleOption][] {
  const options: unknown = Reflect.get(rule, 'options');
  if (options === undefined || options === null || typeof options !== 'object') return [];
  return Object.entries(options as Record<string, RuleOption>);
}

function optionLine(name: string, option: RuleOption): string {
  const bounds = [
    option.minimum !== undefined ? `at least ${option.minimum}` : '',
    option.exclusiveMinimum !== undefined ? `more than ${option.exclusiveMinimum}` : '',
    option.maximum !== undefined ? `at most ${option.maximum}` : '',
  ].filter((b) => b !== '');
  return `${name} (${option.type === 'integer' ? 'a whole number' : 'a number'}, default ${option.default}${bounds.length > 0 ? `, ${bounds.join(' and ')}` : ''}): ${option.description}`;
}

function configuration(rule: RuleInfo): Block[] {
  if (!rule.configurable) return [{ kind: 'paragraph', text: 'Always on: syntax, schema and reference checks cannot be turned off or down.' }];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Configurable: set "rules: { ${rule.id}: off | info | warning | error }" in the team file, or accept one finding with an exception.`,
    },
  ];
  const options = optionsOf(rule);
  if (options.length > 0) {
    const [first] = options;
    blocks.push({
      kind: 'list',
      lead: `Options, set in the mapping form, e.g. "rules: { ${rule.id}: { severity: warning, ${first?.[0]}: ${first?.[1].default} } }":`,
      items: options.map(([name, option]) => optionLine(name, option)),
    });
  }
  return blocks;
}

/** What `check` says about an example, this rule's findings only, as `line:column severity message`. */
function exampleFindings(rule: RuleInfo, text: string): string[] {
  return checkTeam(text, { today: EXAMPLE_DATE, file: 'team.yaml' })
    .findings.filter((f) => f.ruleId === rule.id)
    .map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);
}

export function rulePage(rule: RuleInfo): RulePage {
  const { docs } = rule;
  return {
    id: rule.id,
    summary: docs.summary,
    sections: [
      { heading: 'Why it matters', blocks: [{ kind: 'paragraph', text: docs.rationale }] },
      {
        heading: 'Severity',
        blocks: [
          { kind: 'paragraph', text: severityLine(rule) },
          ...(docs.sizes !== undefined ? [{ kind: 'list', lead: 'What it checks, by organization size:', items: sizeLines(rule) } as const] : []),
          ...(docs.details !== undefined ? [{ kind: 'list' as const, lead: 'Its table, by declared maturity:', items: [...docs.details] }] : []),
        ],
      },
      { heading: 'Configuration', blocks: configuration(rule) },
      { heading: 'Authority', blocks: [{ kind: 'list', lead: 'Authority:', items: docs.authority.map(citation) }] },
      { heading: 'How to fix', blocks: [{ kind: 'paragraph', text: `How to fix: ${docs.fix}` }] },
      {
        heading: 'Examples',
        blocks: [
          { kind: 'yaml', lead: `A team file it reports (checked as of ${EXAMPLE_DATE}):`, text: docs.examples.fails },
          { kind: 'output', lead: 'secops-team check says:', lines: exampleFindings(rule, docs.examples.fails) },
          { kind: 'yaml', lead: 'The same team put right, which it does not report:', text: docs.examples.passes },
        ],
      },
    ],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page as docs/rules/<id>.md has it. */
export function renderRuleMarkdown(page: RulePage): string {
  const out = [`<!-- Generated from the rule registry by scripts/rule-docs.mjs: edit the rule, then run npm run docs. -->`, '', `# ${page.id}`, '', page.summary];
  for (const section of page.sections) {
    out.push('', `## ${section.heading}`);
    for (const block of section.blocks) {
      out.push('');
      // Under a heading, a lead that only repeats it ("Authority:", "How to fix: ...") goes.
      if (block.kind === 'paragraph') out.push(block.text.startsWith(`${section.heading}: `) ? capitalize(block.text.slice(section.heading.length + 2)) : block.text);
      else if (block.kind === 'list') append(out, [...(block.lead === `${section.heading}:` ? [] : [block.lead, '']), ...block.items.map((item) => `- ${item}`)]);
      else if (block.kind === 'yaml') out.push(block.lead, '', '```yaml', block.text.replace(/\n$/, ''), '```');
      else append(out, [block.lead, '', '```text', ...block.lines, '```']);
    }
  }
  out.push('', `[All rules](README.md). \`secops-team explain ${page.id}\` prints this page in a terminal.`, '');
  return out.join('\n');
}

/** docs/rules/README.md: every rule with its one-line summary, linked to its page. */
export function renderRuleIndex(rules: readonly RuleInfo[]): string {
  return [
    '<!-- Generated from the rule registry by scripts/rule-docs.mjs: edit the rules, then run npm run docs. -->',
    '',
    '# Rules',
    '',
    'What `secops-team check` reports, one page per rule. `secops-team explain <rule-id>` prints the same pages in a terminal.',
    '',
    '| rule | configurable | what it reports |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.configurable ? 'yes' : 'no'} | ${r.docs.summary.replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
}

/** Lines of at most `width` columns, the first after `first`, the rest after `rest`. */
function hanging(text: string, width: number, first: string, rest: string): string[] {
  return wrap(text, Math.max(10, width - rest.length)).map((line, i) => (i === 0 ? first : rest) + line);
}

/** The page for a terminal of `width` columns: prose wrapped, team files indented. */
export function renderRuleText(page: RulePage, width: number): string {
  const out = [...hanging(`${page.id}: ${page.summary}`, width, '', '')];
  for (const section of page.sections) {
    out.push('');
    section.blocks.forEach((block, i) => {
      if (i > 0 && block.kind !== 'list') out.push('');
      if (block.kind === 'paragraph') append(out, hanging(block.text, width, '', ''));
      else if (block.kind === 'list') append(out, [...hanging(block.lead, width, '', ''), ...block.items.flatMap((item) => hanging(item, width, '  - ', '    '))]);
      else if (block.kind === 'yaml') append(out, [...hanging(block.lead, width, '', ''), ...block.text.replace(/\n$/, '').split('\n').map((line) => `    ${line}`)]);
      else append(out, [...hanging(block.lead, width, '', ''), ...block.lines.flatMap((line) => hanging(line, width, '    ', '      '))]);
    });
  }
  return out.join('\n') + '\n';
}
