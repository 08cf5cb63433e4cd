/**
 * The rule registry: one line per rule, sorted by id. Adding a rule is a rule
 * module, its test, its doc and one line here.
 */
import { absorbedDuties } from './absorbed-duties.js';
import { analystTiers } from './analyst-tiers.js';
import { cisoIndependence } from './ciso-independence.js';
import { schema, yamlSyntax } from './builtin.js';
import { declaredSize } from './declared-size.js';
import { coversOutsideRoles } from './covers-outside-roles.js';
import { duplicateMember } from './duplicate-member.js';
import { exceptionReview } from './exception-review.js';
import { expiredException } from './expired-exception.js';
import { maturityExpectations } from './maturity-expectations.js';
import { externalOversight } from './external-oversight.js';
import { missingRole } from './missing-role.js';
import { monitoringStaffing } from './monitoring-staffing.js';
import { onCallRotation } from './on-call-rotation.js';
import { outOfHours } from './out-of-hours.js';
import { overloadedMember } from './overloaded-member.js';
import { reportingCycle } from './reporting-cycle.js';
import { reportingLine } from './reporting-line.js';
import { separationOfDuties } from './separation-of-duties.js';
import { singlePointOfFailure } from './single-point-of-failure.js';
import { socModel } from './soc-model.js';
import type { Rule, RuleInfo } from './types.js';
import { uncoveredResponsibility } from './uncovered-responsibility.js';
import { unknownMember } from './unknown-member.js';
import { unusedException } from './unused-exception.js';
import { unusedRole } from './unused-role.js';

export const RULES: readonly Rule[] = [
  absorbedDuties,
  analystTiers,
  cisoIndependence,
  coversOutsideRoles,
  declaredSize,
  duplicateMember,
  exceptionReview,
  expiredException,
  externalOversight,
  maturityExpectations,
  missingRole,
  monitoringStaffing,
  onCallRotation,
  outOfHours,
  overloadedMember,
  reportingCycle,
  reportingLine,
  separationOfDuties,
  singlePointOfFailure,
  socModel,
  uncoveredResponsibility,
  unknownMember,
  unusedException,
  unusedRole,
];

/** Every check that can produce a finding: the two stages before the model, then the rules. */
export const ALL_RULES: readonly RuleInfo[] = [yamlSyntax, schema, ...RULES];

export function findRule(id: string): RuleInfo | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** Rules that a team file may turn off or re-grade under `rules:`, and name in exceptions. */
export function configurableRuleIds(): string[] {
  return ALL_RULES.filter((r) => r.configurable).map((r) => r.id);
}

export type { Rule, RuleInfo, Problem, RuleContext, RuleDocs } from './types.js';
