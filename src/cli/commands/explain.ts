import { findResponsibility, findRole, findSpecialist, ROLES, SIZES, SPECIALISTS, type Responsibility, citation } from '../../catalog/index.js';
import { escapeControl, safeJson, wrap } from '../../format/text.js';
import { ALL_RULES, findRule, type RuleInfo } from '../../rules/index.js';
import { closest } from '../../util/suggest.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { renderRole, renderSpecialist } from './roles.js';
import { maxOf } from '../../util/arrays.js';

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

function renderRule(rule: RuleInfo, width: number): string {
  return [
    `${rule.id}: ${rule.docs.summary}`,
    '',
    wrap(rule.docs.rationale, width),
    '',
    wrap(severityLine(rule), width),
    ...(rule.docs.sizes !== undefined ? ['What it checks, by organization size:', ...sizeLines(rule).map((line) => `  - ${wrap(line, width, '    ').slice(4)}`)] : []),
    ...(rule.docs.details !== undefined ? ['Its table, by declared maturity:', ...rule.docs.details.map((line) => `  - ${wrap(line, width, '    ').slice(4)}`)] : []),
    wrap(
      rule.configurable
        ? `Configurable: set "rules: { ${rule.id}: off | info | warning | error }" in the team file, or accept one finding with an exception.`
        : 'Always on: syntax, schema and reference checks cannot be turned off.',
      width,
    ),
    '',
    'Authority:',
    ...rule.docs.authority.map((a) => `  - ${wrap(`${a.authority}: ${a.note}`, width, '    ').slice(4)}`),
    '',
    wrap(`How to fix: ${rule.docs.fix}`, width),
  ].join('\n') + '\n';
}

function renderResponsibility(duty: Responsibility, width: number): string {
  const role = findRole(duty.role);
  const fallbacks = duty.fallbacks.map((f) => f.role + (f.sizes ? ` (${f.sizes.join(', ')} organizations only)` : '')).join(', then ');
  return [
    `${duty.id}: ${duty.title}`,
    '',
    wrap(duty.summary, width),
    '',
    wrap(`Role: ${role ? `${role.title} (${role.id})` : duty.role}`, width),
    wrap(`Expected from ${duty.expectedFrom} organizations up: ${duty.expectedReason}.`, width),
    wrap(`A provider holding ${duty.role} without \`covers\` is ${duty.providerDefault ? '' : 'not '}credited with it: ${duty.providerReason}.`, width),
    wrap(`When nobody is credited with it: ${fallbacks ? `taken over by ${fallbacks}` : duty.lapsesWithoutHolder ? `it does not apply (${duty.lapsesWithoutHolder})` : 'nobody takes it over; it is uncovered'}.`, width),
    wrap(`Fallback source: ${citation(duty.fallbackSource)}`, width),
    wrap(`Source: ${citation(duty.source)}`, width),
  ].join('\n') + '\n';
}

function allIds(): string[] {
  return [...ALL_RULES.map((r) => r.id), ...ROLES.map((r) => r.id), ...SPECIALISTS.map((s) => s.id), ...ROLES.flatMap((r) => r.responsibilities.map((d) => d.id))];
}

export function runExplain(id: string | undefined, options: { format: string }, io: Io): number {
  if (options.format !== 'text' && options.format !== 'json') throw new CliError(`unknown format ${JSON.stringify(options.format)}; use text or json`);
  const width = Math.max(60, Math.min(io.stdout.columns, 100)) - 1;
  if (id === undefined) {
    if (options.format === 'json') {
      io.stdout.write(safeJson(ALL_RULES.map(({ id: ruleId, configurable, severity, docs }) => ({ id: ruleId, configurable, severity, docs })), 2) + '\n');
      return 0;
    }
    const pad = maxOf([...ALL_RULES.map((r) => r.id.length)]);
    io.stdout.write(
      ['Rules (secops-team explain <rule-id> for details; role and responsibility ids work too):', '', ...ALL_RULES.map((r) => `  ${r.id.padEnd(pad)}  ${r.docs.summary}`)].join('\n') + '\n',
    );
    return 0;
  }
  const rule = findRule(id);
  const role = findRole(id);
  const duty = findResponsibility(id);
  const specialist = findSpecialist(id);
  if (options.format === 'json') {
    const found = rule ? { kind: 'rule', ...rule } : role ? { kind: 'role', ...role } : specialist ? { kind: 'specialist', ...specialist } : duty ? { kind: 'responsibility', ...duty } : undefined;
    if (found) {
      io.stdout.write(safeJson(found, 2) + '\n');
      return 0;
    }
  } else if (rule) {
    io.stdout.write(renderRule(rule, width));
    return 0;
  } else if (role) {
    io.stdout.write(renderRole(role, width));
    return 0;
  } else if (specialist) {
    io.stdout.write(renderSpecialist(specialist, width));
    return 0;
  } else if (duty) {
    io.stdout.write(renderResponsibility(duty, width));
    return 0;
  }
  const guess = closest(id, allIds());
  throw new CliError(`nothing is called ${JSON.stringify(escapeControl(id))}${guess ? `; did you mean "${guess}"?` : ''} (secops-team explain lists the rules, secops-team roles the roles)`);
}
