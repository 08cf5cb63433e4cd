/** The plan for a pull-request comment or a budget memo; text from the team file is escaped. */
import type { Finding } from '../../findings.js';
import { escapeMarkdown as m } from '../escape.js';
import { plural } from '../text.js';
import { append } from '../../util/arrays.js';
import { closesText, coverageText, fteText, stepHeadline, totalLine, type PlanFormatter } from './common.js';

function row(change: string, f: Finding): string {
  return `| ${change} | ${f.severity} | \`${f.ruleId}\` | ${m(f.message)} |`;
}

export const planMarkdown: PlanFormatter = (plan) => {
  const lines: string[] = ['## secops-team plan', ''];
  lines.push(`**${m(plan.file)}**: coverage now ${coverageText(plan.coverageBefore)}; ${plural(plan.findings, 'finding')}.`, '');
  lines.push(`${m(totalLine(plan))}.`, '');
  if (plan.steps.length > 0) {
    lines.push('| # | step | FTE | closes | coverage after |', '| --- | --- | --- | --- | --- |');
    plan.steps.forEach((s, i) => lines.push(`| ${i + 1} | ${m(s.summary)} | ${fteText(s.fte)} | ${m(closesText(s))} | ${coverageText(s.coverageAfter)} |`));
    lines.push('');
  }
  plan.steps.forEach((step, i) => {
    lines.push(`### ${i + 1}. ${m(stepHeadline(step))}`, '');
    const rows = [...step.closes.map((f) => row('closes', f)), ...step.reduces.map((f) => row('reduces', f)), ...step.opens.map((f) => row('opens', f))];
    if (rows.length > 0) append(lines, ['| change | severity | rule | finding |', '| --- | --- | --- | --- |', ...rows, '']);
    if (step.alternative) lines.push(`Alternative: ${m(stepHeadline(step.alternative))}: ${m(closesText(step.alternative))}.`, '');
  });
  if (plan.leftOpen.length > 0) {
    append(lines, [`### Left open by the budget (${fteText(plan.budget)} FTE)`, '', ...plan.leftOpen.map((f) => `- ${f.severity} \`${f.ruleId}\`: ${m(f.message)}`), '']);
  }
  if (plan.notStaffing.length > 0) {
    append(lines, ['### No step of this plan closes these', '', ...plan.notStaffing.map((f) => `- ${f.severity} \`${f.ruleId}\`: ${m(f.message)}`), '']);
  }
  if (plan.notes.length > 0) {
    append(lines, ['### Notes, no hire needed', '', ...plan.notes.map((f) => `- ${f.severity} \`${f.ruleId}\`: ${m(f.message)}`), '']);
  }
  return lines.join('\n');
};
