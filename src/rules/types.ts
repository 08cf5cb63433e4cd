import type { Citation, Size } from '../catalog/index.js';
import type { CoverageEntry, Severity, StaffingFigures, SuppressedFinding } from '../findings.js';
import type { Anchor } from '../load/locate.js';
import type { Team } from '../model/team.js';

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters. */
  rationale: string;
  /** The authorities the rule rests on. */
  authority: readonly Citation[];
  /** How to fix a finding. */
  fix: string;
  /**
   * What the rule checks at each organization size, from the same table the
   * rule runs on; a size absent here is not checked at all, and `explain`
   * claims no severity for it.
   */
  sizes?: Readonly<Partial<Record<Size, string>>>;
  /** Lines of a table the rule runs on (maturity expectations), shown by `explain`. */
  details?: readonly string[];
  /** Two team files for the rule's page and `explain`; the test suite runs both. */
  examples: RuleExamples;
}

/**
 * A team file that makes the rule report and one that does not, checked as of
 * EXAMPLE_DATE. Every rule has them: the test suite fails a rule whose
 * `fails` file gives none of its findings or whose `passes` file gives one.
 * Keep lines under 56 characters so that `explain` fits a 60-column terminal.
 */
export interface RuleExamples {
  fails: string;
  passes: string;
}

/** The day the examples are checked as of, so that expiry dates in them keep their meaning. */
export const EXAMPLE_DATE = '2026-06-01';

/** One row of a rule's table: what it checks at a size, and how loud it is there. */
export interface SizeRow {
  severity: Severity;
  checks: string;
}

/**
 * A rule's severity and its per-size docs from one table, so that what
 * `explain` says is what the rule does. `null`: not checked at that size
 * (the severity there is the nearest checked size's, for settings only).
 */
export function sizeTable(rows: Readonly<Record<Size, SizeRow | null>>): { severity: Record<Size, Severity>; sizes: Partial<Record<Size, string>> } {
  const order: Size[] = ['small', 'medium', 'large', 'enterprise'];
  const firstChecked = order.map((s) => rows[s]).find((r): r is SizeRow => r !== null);
  const severity = {} as Record<Size, Severity>;
  const sizes: Partial<Record<Size, string>> = {};
  let last = firstChecked?.severity ?? 'warning';
  for (const size of order) {
    const row = rows[size];
    if (row) {
      last = row.severity;
      sizes[size] = row.checks;
    }
    severity[size] = last;
  }
  return { severity, sizes };
}

/** What a rule reports: data only; the pipeline adds the position and severity. */
export interface Problem {
  message: string;
  pointer: string;
  anchor?: Anchor;
  /** Overrides the rule's default severity for this size, where a rule grades its findings. */
  severity?: Severity;
  /** A role id: documented, specialist, or the file's own. */
  role?: string;
  responsibility?: string;
  responsibilities?: string[];
  members?: string[];
  /** The staffing arithmetic behind a finding, for machine output. */
  staffing?: StaffingFigures;
}

/** A numeric rule option, set in the mapping form under `rules:`; the schema checks its bounds. */
export interface RuleOption {
  description: string;
  type: 'number' | 'integer';
  default: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
}

export interface RuleContext<O extends string = string> {
  team: Team;
  coverage: readonly CoverageEntry[];
  /** Today's date, `YYYY-MM-DD`, for exception expiry. */
  today: string;
  /** Indexes of the exceptions that match a finding (live ones suppressed it, expired ones would have); filled before the exception rules run. */
  usedExceptions: ReadonlySet<number>;
  /** The findings live exceptions suppressed, each naming its exception; filled before the exception rules run. */
  suppressed: readonly SuppressedFinding[];
  /** The rule's options: the team file's values over the defaults. */
  options: Readonly<Record<O, number>>;
}

/** What every check has, including the parse and schema stages that run before the rules. */
export interface RuleInfo {
  id: string;
  /** Syntax, schema and reference checks cannot be turned off or down. */
  configurable: boolean;
  severity: Readonly<Record<Size, Severity>>;
  docs: RuleDocs;
}

export interface Rule<O extends string = string> extends RuleInfo {
  /** Options the mapping form under `rules:` may set, by name. */
  options?: Readonly<Record<O, RuleOption>>;
  /**
   * `reference` rules check that ids resolve; `team` rules judge the team and
   * run only when member ids are unique; `exceptions` rules judge the
   * exceptions, after the team rules' findings have been matched against them.
   */
  stage: 'reference' | 'team' | 'exceptions';
  check(context: RuleContext<O>): Problem[];
}

export function sameForAllSizes(severity: Severity): Record<Size, Severity> {
  return { small: severity, medium: severity, large: severity, enterprise: severity };
}

/** A rule's options: the defaults, overridden by what the team file sets. */
export function ruleOptions(rule: Pick<Rule, 'options'>, set: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const options: Record<string, number> = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) options[name] = set?.[name] ?? option.default;
  return options;
}
