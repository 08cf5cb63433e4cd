/**
 * The rule registry: one line per rule, sorted by id. Adding a rule is a rule
 * module, its test, its doc and one line here.
 */
import { schema, yamlSyntax } from './builtin.js';
import { duplicateMember } from './duplicate-member.js';
import { reportingCycle } from './reporting-cycle.js';
import type { Rule, RuleInfo } from './types.js';
import { unknownMember } from './unknown-member.js';

export const RULES: readonly Rule[] = [
  duplicateMember,
  reportingCycle,
  unknownMember,
];

/** Every check that can produce a finding, in the order they run. */
export const ALL_RULES: readonly RuleInfo[] = [yamlSyntax, schema, ...RULES];

export function findRule(id: string): RuleInfo | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** Rules that a team file may turn off or re-grade under `rules:`. */
export function configurableRuleIds(): string[] {
  return ALL_RULES.filter((r) => r.configurable).map((r) => r.id);
}

export type { Rule, RuleInfo, Problem, RuleContext, RuleDocs } from './types.js';
