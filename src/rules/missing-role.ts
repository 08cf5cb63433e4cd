import { findResponsibility, ROLES, type Size } from '../catalog/index.js';
import type { Finding, Severity } from '../findings.js';
import type { Locator } from '../load/locate.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { list, names, openPosition, roleLabel, TEAM_WIDE } from './util.js';
import { absences, whoAbsorbsText } from './absence.js';
import { withArticle } from '../util/words.js';
import { holders, isExternal, type Team } from '../model/team.js';

/** Severity of a vacant role's open duties by size; a critical duty (alert monitoring, incident response) or a role expected in its own right is an error at every size. */
const TABLE = sizeTable({
  small: { severity: 'warning', checks: 'a role nobody holds whose duties expected at this size (backups, training, incident handling, the security lead\'s duties) stay uncovered; the security lead and the person running IT are expected in their own right (error)' },
  medium: { severity: 'warning', checks: 'as small, with the duties expected from medium size (evaluations, documentation, hiring, team vision)' },
  large: { severity: 'error', checks: 'as medium, with the duties expected from large size (orchestration between security tools); a CISO of its own is expected' },
  enterprise: { severity: 'error', checks: 'as large' },
});

function severityOf(size: Size, critical: boolean, expected: boolean): Severity {
  return critical || expected ? 'error' : TABLE.severity[size];
}

export const missingRole: Rule = {
  id: 'missing-role',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A role nobody holds leaves duties expected at this organization size uncovered: one finding per role, listing the duties.',
    rationale:
      'A role\'s absence is judged by its duties, not its name: each duty in the catalog says from which size it is expected (a 45-person firm needs backups restored, staff trained and incidents handled, not orchestration between security tools), and other roles take many duties over (`secops-team explain <responsibility>` lists them). What stays uncovered is reported once per vacant role, with the duties in `responsibilities`. Alert monitoring and incident response left uncovered are errors at every size, and so is the absence of a security lead (a lead\'s role held by providers alone, a virtual CISO with nobody on the staff to oversee it, counts as absent: a warning in small organizations, an error from medium size up; duties of other roles that only a lead would take over are listed in the same finding), or of somebody running IT where the file describes IT too (`organization.scope: security-and-it`). A team with no members gives this one finding and nothing else.',
    authority: [
      { authority: 'seed', note: 'the seven SecOps roles, their duties, and the CISO or CIO as owner of the security position' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'SOC structure by organization size; in smaller SOCs lead functions are an additional duty' },
      { authority: 'MITRE, Ten Strategies of a World-Class Cybersecurity Operations Center (2014)', note: 'below about 1,000 users and IP addresses, a security team rather than a dedicated SOC' },
      { authority: 'NYDFS 23 NYCRR 500.4(a), as amended November 2023', note: 'a CISO employed by a third party is overseen by senior personnel of the organization, which keeps the responsibility' },
      { authority: 'NIST NICE Framework Components v2.0.0 (2025)', note: 'work roles OG-WRL-007, OG-WRL-014, PD-WRL-001, PD-WRL-003, PD-WRL-004, IO-WRL-005, IO-WRL-006; a single job may comprise several work roles' },
    ],
    fix: 'Add a member holding the role (a person, or a provider with `provider:` and `covers:`), or give the role or one of its fallback roles to an existing member; if the gap is accepted, record an exception with its reason and expiry.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager, security-analyst]
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager, security-analyst]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
`,
    },
    sizes: TABLE.sizes,
  },
  check({ team, coverage }) {
    const size = team.organization.size;
    if (team.members.length === 0) {
      return [{ ...TEAM_WIDE, severity: 'error', message: 'the team has no members: list at least the security lead and, unless `organization.scope` is security, whoever runs IT' }];
    }
    const problems: Problem[] = [];
    for (const absence of absences(team, coverage)) {
      const open = absence.uncovered.map((e) => e.responsibility);
      if (absence.group) {
        const taken = absence.absorbed.length > 0 ? `; ${whoAbsorbsText(team, absence.absorbed)}` : '';
        const waiting = (absence.waiting ?? []).map((e) => e.responsibility);
        const also = waiting.length > 0 ? `; ${withArticle(absence.group.label.replace(/ \(.*\)$/, ''))} would also take over ${waiting.length === 1 ? 'a duty' : `${waiting.length} duties`} of other roles: ${list(waiting)}` : '';
        const all = [...open, ...waiting];
        problems.push({
          ...TEAM_WIDE,
          // A virtual CISO does own the strategy by contract: nobody inside to oversee it is a warning in a small organization.
          severity: absence.externalOnly && size === 'small' ? 'warning' : 'error',
          ...(all.length > 0 ? { responsibilities: all } : {}),
          message: `${absence.externalOnly ? `no member of staff is ${withArticle(absence.group.label)}: ${names(team, absence.externalOnly.map((m) => m.id))} ${absence.externalOnly.length === 1 ? 'holds the lead\'s role as a provider' : 'hold the lead\'s roles as providers'}${cioBeside(team)}, and somebody inside must own security, answer for it and oversee them` : `no member is ${withArticle(absence.group.label)}: ${absence.group.reason}`}${open.length > 0 ? `; ${open.length} expected ${open.length === 1 ? 'duty stays' : 'duties stay'} uncovered: ${list(open)}` : ''}${also}${taken}`,
        });
        continue;
      }
      if (open.length === 0 || absence.role === undefined) continue;
      const critical = absence.uncovered.some((e) => findResponsibility(e.responsibility)?.critical === true);
      const total = ROLES.find((r) => r.id === absence.role)?.responsibilities.length ?? open.length;
      const taken = absence.absorbed.length > 0 ? `; taken over: ${whoAbsorbsText(team, absence.absorbed)}` : '';
      problems.push({
        ...TEAM_WIDE,
        severity: severityOf(size, critical, absence.expected),
        role: absence.role,
        responsibilities: open,
        message: `no member holds ${roleLabel(absence.role)}${openPosition(team, absence.role)}, and ${open.length} of its ${total} duties expected in ${withArticle(size)} organization ${open.length === 1 ? 'stays' : 'stay'} uncovered: ${list(open)}${taken}${absence.expected ? `; ${withArticle(size)} organization is expected to have its own ${roleLabel(absence.role)}` : ''}`,
      });
    }
    return problems;
  },
};

/** Where internal CIOs stand beside a provider CISO: they run IT, and are no security lead of the staff. */
function cioBeside(team: Team): string {
  const cios = holders(team, 'cio').filter((m) => !isExternal(m));
  if (cios.length === 0) return '';
  return `; ${names(team, cios.map((m) => m.id))} (cio) ${cios.length === 1 ? 'runs' : 'run'} IT beside a provider CISO and ${cios.length === 1 ? 'is' : 'are'} no security lead of the staff`;
}

/** Whether a raw `members` entry is usable at all: a mapping with an id, a name or roles (an empty entry, null or a scalar is not). */
function usable(member: unknown): boolean {
  if (member === null || typeof member !== 'object' || Array.isArray(member)) return false;
  const m = member as Record<string, unknown>;
  return m.id !== undefined || m.name !== undefined || m.roles !== undefined;
}

/**
 * For a file that failed the schema: when `members` lists entries and none of
 * them is usable, one finding says so, instead of nothing (the gap analysis
 * cannot run) or one finding per vacant role.
 */
export function noUsableMember(data: unknown, locator: Locator): Finding | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const members = (data as Record<string, unknown>).members;
  if (!Array.isArray(members) || members.length === 0 || members.some(usable)) return undefined;
  return {
    ruleId: 'missing-role',
    severity: 'error',
    message: `the team has no usable member: each of the ${members.length} ${members.length === 1 ? 'entry' : 'entries'} under members is empty or not a mapping (see the schema errors); no gap can be judged until one has them`,
    path: '/members',
    ...locator.locate('/members', 'key'),
  };
}

