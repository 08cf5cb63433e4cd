/** Wording the diff formats share: how a member, a value and a summary read. */
import { plural } from '../text.js';
import type { CoverageChange, CoverageChangeKind, Member, TeamDiff } from '../../diff/diff.js';

/** A field value as words: lists joined, absent values as "(none)". */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  return String(value);
}

/** The words a member's field goes by in the output. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  title: 'title',
  roles: 'roles',
  reportsTo: 'reports to',
  tier: 'tier',
  fte: 'FTE',
  provider: 'provider',
  hours: 'provider hours',
  onCall: 'on call',
  vacancy: 'open position',
  employees: 'employees',
  size: 'size',
  soc: 'SOC',
  monitoring: 'monitoring',
  seats: 'seats',
  response: 'response',
  maturity: 'maturity',
};

/** What else there is to know about a member, beyond id, name and roles. */
export function memberDetails(member: Member): string[] {
  const details: string[] = [];
  if (member.title !== undefined) details.push(member.title);
  if (member.tier !== undefined) details.push(`tier ${member.tier}`);
  if (member.fte !== 1) details.push(`${member.fte} FTE`);
  if (member.reportsTo !== undefined) details.push(`reports to ${member.reportsTo}`);
  if (member.provider !== undefined) details.push(`external: ${member.provider}`);
  return details;
}

export const CHANGE_LABELS: Readonly<Record<CoverageChangeKind, string>> = {
  worse: 'worse',
  better: 'better',
  neutral: 'changed',
  carriers: 'carriers',
};

/** Who carries a duty on one side, as ids. */
export function carriersText(side: CoverageChange['before']): string {
  if (side.members.length === 0) return side.status === 'external' ? 'SOC provider' : 'nobody';
  return side.members.join(', ') + (side.via ? ` (via ${side.via})` : '');
}

/** For a `carriers` change: who joined (+) and who left (-), and a change of fallback role. */
export function carriersDelta(change: CoverageChange): string {
  const before = new Set(change.before.members);
  const after = new Set(change.after.members);
  const parts = [...change.after.members.filter((m) => !before.has(m)).map((m) => `+${m}`), ...change.before.members.filter((m) => !after.has(m)).map((m) => `-${m}`)];
  if (change.before.via !== change.after.via) parts.push(`via ${valueText(change.before.via)} → ${valueText(change.after.via)}`);
  return parts.join(' ');
}

/** One line that counts the changes, for the end of the text formats. */
export function summaryLine(diff: TeamDiff): string {
  const { members, findings, coverage } = diff;
  const parts: string[] = [];
  const memberParts = [
    members.added.length > 0 ? `${members.added.length} added` : '',
    members.removed.length > 0 ? `${members.removed.length} removed` : '',
    members.changed.length > 0 ? `${members.changed.length} changed` : '',
  ].filter(Boolean);
  if (memberParts.length > 0) parts.push(`members: ${memberParts.join(', ')}`);
  const count = (kind: CoverageChangeKind) => coverage.filter((c) => c.change === kind).length;
  const coverageParts = [
    count('worse') > 0 ? `${count('worse')} worse` : '',
    count('better') > 0 ? `${count('better')} better` : '',
    count('neutral') > 0 ? `${count('neutral')} changed` : '',
    count('carriers') > 0 ? `${count('carriers')} with other carriers` : '',
  ].filter(Boolean);
  if (coverageParts.length > 0) parts.push(`responsibilities: ${coverageParts.join(', ')}`);
  const findingParts = [
    findings.added.length > 0 ? `${findings.added.length} new` : '',
    findings.removed.length > 0 ? `${findings.removed.length} resolved` : '',
    findings.changed.length > 0 ? `${findings.changed.length} changed` : '',
  ].filter(Boolean);
  if (findingParts.length > 0) parts.push(`findings: ${findingParts.join(', ')}`);
  if (diff.organization.length > 0) parts.push(`organization: ${plural(diff.organization.length, 'field')} changed`);
  return parts.length > 0 ? parts.join('; ') : 'no changes to the organization, members, coverage or findings';
}

/** Why `--fail-on-regression` would fail, or that it would not. */
export function regressionLine(diff: TeamDiff): string {
  const { worse, newErrors, regressed } = diff.regression;
  if (!regressed) return 'no regression: no responsibility is worse covered and no new error';
  const parts: string[] = [];
  if (worse.length > 0) parts.push(`${plural(worse.length, 'responsibility', 'responsibilities')} worse covered`);
  if (newErrors > 0) parts.push(plural(newErrors, 'new error'));
  return `regression: ${parts.join(', ')}`;
}
