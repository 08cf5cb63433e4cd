import type { Citation, Size } from '../catalog/index.js';
import type { CoverageEntry, Severity } from '../findings.js';
import type { Anchor } from '../load/locate.js';
import type { Team } from '../model/team.js';
import type { RoleId } from '../catalog/index.js';

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters. */
  rationale: string;
  /** The authorities the rule rests on. */
  authority: readonly Citation[];
  /** How to fix a finding. */
  fix: string;
}

/** What a rule reports: data only; the pipeline adds the position and severity. */
export interface Problem {
  message: string;
  pointer: string;
  anchor?: Anchor;
  /** Overrides the rule's default severity for this size, where a rule grades its findings. */
  severity?: Severity;
  role?: RoleId;
  responsibility?: string;
  members?: string[];
}

export interface RuleContext {
  team: Team;
  coverage: readonly CoverageEntry[];
  /** Today's date, `YYYY-MM-DD`, for exception expiry. */
  today: string;
  /** Indexes of the exceptions that suppressed a finding; filled before the exception rules run. */
  usedExceptions: ReadonlySet<number>;
}

/** What every check has, including the parse and schema stages that run before the rules. */
export interface RuleInfo {
  id: string;
  /** Syntax, schema and reference checks cannot be turned off or down. */
  configurable: boolean;
  severity: Readonly<Record<Size, Severity>>;
  docs: RuleDocs;
}

export interface Rule extends RuleInfo {
  /**
   * `reference` rules check that ids resolve; `team` rules judge the team and
   * run only when member ids are unique; `exceptions` rules judge the
   * exceptions, after the team rules' findings have been matched against them.
   */
  stage: 'reference' | 'team' | 'exceptions';
  check(context: RuleContext): Problem[];
}

export function sameForAllSizes(severity: Severity): Record<Size, Severity> {
  return { small: severity, medium: severity, large: severity, enterprise: severity };
}
