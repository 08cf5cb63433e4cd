/** The plan for people in a terminal. */
import { Chalk } from 'chalk';
import type { Finding, Severity } from '../../findings.js';
import { escapeControl } from '../escape.js';
import { plural } from '../text.js';
import { closesText, coverageText, fteText, stepHeadline, totalLine, type PlanFormatter } from './common.js';

export const planStylish: PlanFormatter = (plan, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const e = escapeControl;
  const finding = (mark: string, f: Finding) => `      ${mark} ${paint[f.severity](f.severity.padEnd(7))}  ${e(f.message)}  ${c.dim(f.ruleId)}`;
  const lines: string[] = [c.underline(e(plan.file)), `  coverage now: ${coverageText(plan.coverageBefore)}; ${plural(plan.findings, 'finding')}`, ''];
  plan.steps.forEach((step, i) => {
    lines.push(`  ${c.bold(`${i + 1}.`)} ${e(stepHeadline(step))}`);
    lines.push(`     ${closesText(step)}`);
    for (const f of step.closes) lines.push(finding('-', f));
    for (const f of step.reduces) lines.push(finding('~', f));
    for (const f of step.opens) lines.push(finding('+', f));
    if (step.alternative) {
      const alt = step.alternative;
      lines.push(`     or ${e(stepHeadline(alt))}: ${closesText(alt)}; coverage after: ${coverageText(alt.coverageAfter)}`);
    }
    lines.push(c.dim(`     coverage after: ${coverageText(step.coverageAfter)}`), '');
  });
  if (plan.leftOpen.length > 0) {
    lines.push(`  left open by the budget (${fteText(plan.budget)} FTE):`);
    for (const f of plan.leftOpen) lines.push(finding('·', f));
    lines.push('');
  }
  if (plan.notStaffing.length > 0) {
    lines.push('  no step of this plan closes these:');
    for (const f of plan.notStaffing) lines.push(finding('·', f));
  }
  if (plan.notes.length > 0) {
    lines.push('  notes, no hire needed:');
    for (const f of plan.notes) lines.push(finding('·', f));
    lines.push('');
  }
  lines.push(plan.steps.length > 0 ? c.green(`✔ ${totalLine(plan)}`) : `ℹ ${totalLine(plan)}`);
  return lines.join('\n') + '\n';
};
