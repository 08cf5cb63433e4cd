/**
 * What a change to a team file does: members added, removed and changed,
 * responsibilities whose status or carriers changed, and findings that appear,
 * disappear or change severity. Pure: it compares two checked files and
 * returns data; the `diff` command reads the inputs and the formatters in
 * src/format/diff/ turn the data into text.
 */
import { coverageCounts } from '../coverage/coverage.js';
import type { CoverageEntry, CoverageStatus, FileResult, Finding, Summary, TeamSummary } from '../findings.js';
import { summarize } from '../findings.js';

/** The version of the JSON shape of a diff; fields are only ever added. */
export const DIFF_VERSION = 1;

/**
 * How good a status is, best first. `not-applicable` has no rank: a change to
 * or from it is neither better nor worse.
 */
export const STATUS_ORDER = ['covered', 'external', 'absorbed', 'uncovered'] as const satisfies readonly CoverageStatus[];

export type Member = TeamSummary['members'][number];
export type Organization = TeamSummary['organization'];
export type MemberField = Exclude<keyof Member, 'id'>;
export type OrganizationField = keyof Organization;

export interface FieldChange<F extends string> {
  field: F;
  /** The value before; absent when the field was not set. */
  before?: unknown;
  after?: unknown;
}

export interface MemberChange {
  id: string;
  /** The member's name after the change. */
  name: string;
  changes: FieldChange<MemberField>[];
}

/**
 * - `worse`, `better`: the status moved down or up in STATUS_ORDER;
 * - `neutral`: the status changed to or from `not-applicable` (except `not-applicable` → `uncovered`, worse);
 * - `carriers`: same status, but different members (or a different fallback role) carry it.
 */
export type CoverageChangeKind = 'worse' | 'better' | 'neutral' | 'carriers';

export interface CoverageSide {
  status: CoverageStatus;
  members: string[];
  via: CoverageEntry['via'];
}

export interface CoverageChange {
  responsibility: string;
  role: CoverageEntry['role'];
  change: CoverageChangeKind;
  before: CoverageSide;
  after: CoverageSide;
}

export interface FindingChange {
  before: Finding;
  after: Finding;
}

export interface DiffSide {
  file: string;
  organization: Organization;
  members: number;
  coverage: Record<CoverageStatus, number>;
  summary: Omit<Summary, 'files'>;
}

export interface TeamDiff {
  version: typeof DIFF_VERSION;
  before: DiffSide;
  after: DiffSide;
  organization: FieldChange<OrganizationField>[];
  members: { added: Member[]; removed: Member[]; changed: MemberChange[] };
  coverage: CoverageChange[];
  findings: { added: Finding[]; removed: Finding[]; changed: FindingChange[] };
  regression: {
    /** True when a responsibility got worse or a new error appeared: what `--fail-on-regression` fails on. */
    regressed: boolean;
    /** Responsibilities whose status got worse. */
    worse: string[];
    /** Error findings that were not errors before (new, or raised from a lower severity). */
    newErrors: number;
  };
}

/** A file can be compared only when it passed the schema and the gap analysis ran. */
export function isComparable(file: FileResult): file is FileResult & { team: TeamSummary } {
  return file.team !== undefined && file.coverage.length > 0;
}

export function statusRank(status: CoverageStatus): number | undefined {
  const index = (STATUS_ORDER as readonly CoverageStatus[]).indexOf(status);
  return index < 0 ? undefined : index;
}

function classify(before: CoverageEntry, after: CoverageEntry): CoverageChangeKind | undefined {
  if (before.status === after.status) {
    const same = before.via === after.via && before.members.length === after.members.length && before.members.every((m, i) => after.members[i] === m);
    return same ? undefined : 'carriers';
  }
  const from = statusRank(before.status);
  const to = statusRank(after.status);
  // A duty that did not apply and now lies open (an organization grown into a size that expects it) is worse.
  if (before.status === 'not-applicable' && after.status === 'uncovered') return 'worse';
  if (from === undefined || to === undefined) return 'neutral';
  return to > from ? 'worse' : 'better';
}

function side(entry: CoverageEntry): CoverageSide {
  return { status: entry.status, members: entry.members, via: entry.via };
}

function diffCoverage(before: readonly CoverageEntry[], after: readonly CoverageEntry[]): CoverageChange[] {
  const old = new Map(before.map((e) => [e.responsibility, e]));
  const changes: CoverageChange[] = [];
  for (const entry of after) {
    const previous = old.get(entry.responsibility);
    if (!previous) continue;
    const change = classify(previous, entry);
    if (change) changes.push({ responsibility: entry.responsibility, role: entry.role, change, before: side(previous), after: side(entry) });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => b[i] === x);
  return a === b;
}

const MEMBER_FIELDS: readonly MemberField[] = ['name', 'title', 'roles', 'reportsTo', 'tier', 'fte', 'provider', 'hours', 'onCall', 'vacancy'];
const ORGANIZATION_FIELDS: readonly OrganizationField[] = ['name', 'employees', 'size', 'soc', 'monitoring', 'seats', 'response', 'maturity'];

function fieldChanges<T extends object, F extends keyof T & string>(before: T, after: T, fields: readonly F[]): FieldChange<F>[] {
  const changes: FieldChange<F>[] = [];
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (sameValue(a, b)) continue;
    changes.push({ field, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
  }
  return changes;
}

/**
 * fieldChanges over MEMBER_FIELDS, roles compared as a set: their order in
 * the file is not a change, and a change lists both sides sorted. Field by
 * field, without copying the members: a large team has 100,000 of them and
 * few change.
 */
function memberChanges(before: Member, after: Member): FieldChange<MemberField>[] {
  const changes: FieldChange<MemberField>[] = [];
  for (const field of MEMBER_FIELDS) {
    let a: unknown = before[field];
    let b: unknown = after[field];
    if (field === 'roles') {
      if (sameValue(a, b)) continue;
      a = [...before.roles].sort();
      b = [...after.roles].sort();
    }
    if (sameValue(a, b)) continue;
    changes.push({ field, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
  }
  return changes;
}

function diffMembers(before: readonly Member[], after: readonly Member[]): TeamDiff['members'] {
  // The last member with each id before, by position (as a Map built from the list keeps it); and whether
  // one after has that id. One map of a large team instead of two: each costs tens of milliseconds.
  const old = new Map<string, number>();
  before.forEach((m, i) => old.set(m.id, i));
  const stays = new Uint8Array(before.length);
  const changed: MemberChange[] = [];
  for (const member of after) {
    const at = old.get(member.id);
    if (at === undefined) continue;
    stays[at] = 1;
    const changes = memberChanges(before[at] as Member, member);
    if (changes.length > 0) changed.push({ id: member.id, name: member.name, changes });
  }
  return {
    added: after.filter((m) => !old.has(m.id)),
    removed: before.filter((m) => stays[old.get(m.id) as number] !== 1),
    changed,
  };
}

/**
 * A JSON pointer with member indexes replaced by member ids, so that a
 * finding about the fourth member stays the same finding when someone is
 * inserted above them.
 */
function stablePath(path: string, team: TeamSummary): string {
  return path.replace(/^\/members\/(\d+)(?=\/|$)/, (whole, index: string) => {
    const member = team.members[Number(index)];
    return member ? `/members[${member.id}]` : whole;
  });
}

/**
 * Two keys, tried in turn. The first names what a finding is about: its rule,
 * role, responsibility and members, or, for a finding about none of those, its
 * place in the file. The second leaves out the members, so that a finding
 * whose list of people changed (three analysts instead of two, for the same
 * staffing problem) is one changed finding rather than one gone and one new.
 * Neither looks at the message or the line.
 */
function strictKey(finding: Finding, team: TeamSummary): string {
  const about = finding.role !== undefined || finding.responsibility !== undefined || (finding.members?.length ?? 0) > 0;
  return JSON.stringify([
    finding.ruleId,
    finding.role ?? '',
    finding.responsibility ?? '',
    [...(finding.members ?? [])].sort(),
    about ? '' : stablePath(finding.path, team),
  ]);
}

function looseKey(finding: Finding, team: TeamSummary): string {
  return JSON.stringify([finding.ruleId, finding.role ?? '', finding.responsibility ?? '', stablePath(finding.path, team)]);
}

function sameMembers(a: Finding, b: Finding): boolean {
  return sameValue([...(a.members ?? [])].sort(), [...(b.members ?? [])].sort());
}

function diffFindings(before: FileResult & { team: TeamSummary }, after: FileResult & { team: TeamSummary }): TeamDiff['findings'] {
  let removed = [...before.findings];
  let added = [...after.findings];
  const changed: FindingChange[] = [];
  for (const key of [strictKey, looseKey]) {
    const pool = new Map<string, Finding[]>();
    for (const finding of removed) {
      const k = key(finding, before.team);
      const list = pool.get(k);
      if (list) list.push(finding);
      else pool.set(k, [finding]);
    }
    // How many of each key's list are taken: a cursor, as shift() on a long list would copy it every time.
    const taken = new Map<string, number>();
    const matched = new Set<Finding>();
    const unmatched: Finding[] = [];
    for (const finding of added) {
      const k = key(finding, after.team);
      const at = taken.get(k) ?? 0;
      const previous = pool.get(k)?.[at];
      if (previous) taken.set(k, at + 1);
      if (!previous) {
        unmatched.push(finding);
        continue;
      }
      matched.add(previous);
      if (previous.severity !== finding.severity || !sameMembers(previous, finding)) changed.push({ before: previous, after: finding });
    }
    removed = removed.filter((f) => !matched.has(f));
    added = unmatched;
  }
  return { added, removed, changed };
}

function sideOf(file: FileResult & { team: TeamSummary }): DiffSide {
  const { errors, warnings, infos } = summarize([file]);
  return {
    file: file.file,
    organization: file.team.organization,
    members: file.team.members.length,
    coverage: coverageCounts(file.coverage),
    summary: { errors, warnings, infos },
  };
}

/** Compares two checked versions of a team file. Both must be comparable (see isComparable). */
export function diffTeams(before: FileResult & { team: TeamSummary }, after: FileResult & { team: TeamSummary }): TeamDiff {
  const coverage = diffCoverage(before.coverage, after.coverage);
  const findings = diffFindings(before, after);
  const worse = coverage.filter((c) => c.change === 'worse').map((c) => c.responsibility);
  const newErrors =
    findings.added.filter((f) => f.severity === 'error').length +
    findings.changed.filter((c) => c.after.severity === 'error' && c.before.severity !== 'error').length;
  return {
    version: DIFF_VERSION,
    before: sideOf(before),
    after: sideOf(after),
    organization: fieldChanges(before.team.organization, after.team.organization, ORGANIZATION_FIELDS),
    members: diffMembers(before.team.members, after.team.members),
    coverage,
    findings,
    regression: { regressed: worse.length > 0 || newErrors > 0, worse, newErrors },
  };
}

/** Whether the diff has anything to show. */
export function isEmptyDiff(diff: TeamDiff): boolean {
  const { members, findings } = diff;
  return (
    diff.organization.length === 0 &&
    members.added.length + members.removed.length + members.changed.length === 0 &&
    diff.coverage.length === 0 &&
    findings.added.length + findings.removed.length + findings.changed.length === 0
  );
}
