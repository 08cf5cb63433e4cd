/**
 * The data every stage of the pipeline returns: findings, coverage and the
 * per-file and whole-run results. This shape is what the JSON output prints
 * and what the library API returns; keep it stable.
 */
import type { RoleId } from './catalog/index.js';
import type { CustomRole, Member, Organization } from './model/team.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A 1-based source range; `endColumn` is exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer (RFC 6901) to the node the finding is about; "" for the whole file. */
  path: string;
  /** A role id: of the catalog (documented or specialist), or one the file declares under `roles:`. */
  role?: string;
  responsibility?: string;
  /** The duties a finding is about, when it concerns several (a missing or absorbed role, one person's single points of failure). */
  responsibilities?: string[];
  members?: string[];
  /** monitoring-staffing only: the arithmetic behind the finding (docs/staffing.md). */
  staffing?: StaffingFigures;
}

/** Staffing figures, FTE rounded to one decimal; the shortfall is the difference of the rounded figures. */
export interface StaffingFigures {
  /** Internal FTE the monitoring hours need, after the hours providers cover. */
  neededFte: number;
  /** FTE of internal members credited with alert monitoring, each split across the roles they hold. */
  internalFte: number;
  /** Seat-hours a week that providers cover within the monitoring hours. */
  providerHours: number;
  shortfallFte: number;
}

/** A finding that an exception in the team file suppressed. */
export interface SuppressedFinding extends Finding {
  suppression: {
    reason: string;
    approvedBy?: string;
    expires?: string;
    /** JSON pointer to the exception that matched. */
    exception: string;
  };
}

export const COVERAGE_STATUSES = ['covered', 'external', 'absorbed', 'uncovered', 'not-applicable'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export interface CoverageEntry {
  responsibility: string;
  role: RoleId;
  status: CoverageStatus;
  /** Ids of the members who carry the duty (holders, or absorbers for `absorbed`). */
  members: string[];
  /** The fallback role through which the duty is absorbed; null unless `absorbed`. */
  via: RoleId | null;
  /** Why the duty does not apply; present only with status `not-applicable`. */
  reason?: NotApplicableReason;
}

/**
 * Why a duty does not apply: `out-of-scope`, an IT duty in a file with
 * `organization.scope: security`; `not-expected`, a duty nobody carries that is
 * not expected at the organization's size; `not-meaningful`, a duty that makes
 * no sense for whoever would take it (the Security Manager's report to the
 * CISO without a Security Manager, or when the Security Manager is the CISO).
 */
export const NOT_APPLICABLE_REASONS = ['out-of-scope', 'not-expected', 'not-meaningful'] as const;
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/** The team as read from the file, with defaults filled in: for reports that draw it. */
export interface TeamSummary {
  organization: Omit<Organization, 'sizeDerived'>;
  /** The file's own roles (`roles:`); present only when the file declares some. */
  roles?: CustomRoleSummary[];
  /** In file order, duplicates included. */
  members: TeamMemberSummary[];
}

/** One of the file's own roles, as declared. */
export type CustomRoleSummary = Omit<CustomRole, 'index'>;

/** A member as the file declares them, with defaults filled in. */
export type TeamMemberSummary = Omit<Member, 'index'>;

/** An open position (`vacancy: true`): listed in every output, counted in no rule. */
export interface OpenPosition {
  id: string;
  name: string;
  roles: string[];
  fte: number;
  /** JSON pointer to the member entry. */
  path: string;
  line: number;
  column: number;
}

export interface FileResult {
  /** The file as named on the command line (or the `--stdin-filename`). */
  file: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  coverage: CoverageEntry[];
  /** Ids of the checks that ran on the file, in order (rules turned off, or not reached, are absent). */
  checks: string[];
  /** Present when the file passed the schema. */
  team?: TeamSummary;
  /** Open positions in file order; present only when the file has some. */
  openPositions?: OpenPosition[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  version: 1;
  files: FileResult[];
  summary: Summary;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * File order: line, column, severity, then rule id. Rule ids are lower-case
 * ASCII, so code-unit order is their alphabetical order; `localeCompare` would
 * give the same and set up ICU's collator on its first call, which costs a
 * short run more than all its rules.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || severityRank[a.severity] - severityRank[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}
