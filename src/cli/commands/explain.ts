import { findResponsibility, findRole, findSpecialist, ROLES, SPECIALISTS, type Responsibility, citation } from '../../catalog/index.js';
import { escapeControl, safeJson, wrap } from '../../format/text.js';
import { ALL_RULES, findRule } from '../../rules/index.js';
import { renderRuleText, rulePage } from '../../docs/rule-page.js';
import { closest } from '../../util/suggest.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { renderRole, renderSpecialist } from './roles.js';
import { maxOf } from '../../util/arrays.js';
import { wrapHard } from '../../util/wrap.js';

function renderResponsibility(duty: Responsibility, width: number): string {
  const role = findRole(duty.role);
  const fallbacks = duty.fallbacks.map((f) => f.role + (f.sizes ? ` (${f.sizes.join(', ')} organizations only)` : '')).join(', then ');
  return [
    wrap(`${duty.id}: ${duty.title}`, width),
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
  // `text` is the earlier name of `stylish`, and still works.
  if (options.format !== 'stylish' && options.format !== 'text' && options.format !== 'json') throw new CliError(`unknown format ${JSON.stringify(options.format)}; use stylish or json`);
  const width = Math.max(60, Math.min(io.stdout.columns, 100)) - 1;
  if (id === undefined) {
    if (options.format === 'json') {
      io.stdout.write(safeJson(ALL_RULES.map(({ id: ruleId, configurable, severity, docs }) => ({ id: ruleId, configurable, severity, docs })), 2) + '\n');
      return 0;
    }
    const pad = maxOf([...ALL_RULES.map((r) => r.id.length)]);
    // Each summary wraps in its own column, so that the list fits a narrow terminal.
    const rows = ALL_RULES.flatMap((r) => wrapHard(r.docs.summary, width - pad - 4).map((line, i) => `  ${(i === 0 ? r.id : '').padEnd(pad)}  ${line}`));
    io.stdout.write([wrap('Rules (secops-team explain <rule-id> for details; role and responsibility ids work too):', width), '', ...rows].join('\n') + '\n');
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
    io.stdout.write(renderRuleText(rulePage(rule), width));
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
