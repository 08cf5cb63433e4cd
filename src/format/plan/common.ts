/** Text shared by the plan's formats. */
import type { Finding } from '../../findings.js';
import type { CoverageCounts, Plan, PlanAlternative, PlanStep } from '../../plan/plan.js';
import { plural } from '../text.js';

export interface PlanFormatOptions {
  color: boolean;
}

export type PlanFormatter = (plan: Plan, options: PlanFormatOptions) => string;

export function fteText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function coverageText(c: CoverageCounts): string {
  return `${c.covered} covered, ${c.absorbed} absorbed, ${c.external} external, ${c.uncovered} uncovered`;
}

/** How many findings of each severity a list holds, most severe first: "2 errors, 1 info". */
export function severityCounts(findings: readonly Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')].filter((p) => !p.startsWith('0 '));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function stepHeadline(step: PlanStep | PlanAlternative): string {
  const cost = step.fte > 0 ? `+${fteText(step.fte)} FTE` : 'a contract, no FTE';
  return `${step.summary} (${cost})`;
}

export function closesText(step: PlanStep | PlanAlternative): string {
  return `closes ${severityCounts(step.closes)}${step.opens.length > 0 ? `; opens ${severityCounts(step.opens)}` : ''}`;
}

export function totalLine(plan: Plan): string {
  if (plan.findings === 0) return 'nothing to plan: the team has no findings';
  if (plan.steps.length === 0) {
    if (plan.budget === 0) return 'no plan: the budget is 0 FTE';
    if (plan.leftOpen.length === 0 && plan.notStaffing.length === 0) return plan.notes.length > 0 ? 'nothing to hire for: the findings are notes' : 'nothing to hire for';
    return 'no step within the budget closes a finding';
  }
  return `${plural(plan.steps.length, 'step')}, ${fteText(plan.fte)} of ${fteText(plan.budget)} FTE: ${plural(plan.findings, 'finding')} before, ${plan.findingsAfter} after`;
}
