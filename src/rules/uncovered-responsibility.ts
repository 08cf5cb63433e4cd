import { findResponsibility } from '../catalog/index.js';
import { takesOver } from '../coverage/coverage.js';
import { holders, isExternal, isLive, type Member } from '../model/team.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { ALERT_MONITORING, BUSINESS_HOURS_A_WEEK, INCIDENT_RESPONSE, weekdayFallback } from './staffing.js';
import { atMember, list, names, roleLabel } from './util.js';
import { reportedWithGroups } from './absence.js';

const TABLE = sizeTable({
  small: { severity: 'warning', checks: 'a duty expected at this size whose role has holders, none of them credited with it (a provider not contracted for it, or `covers` leaving it out), with no fallback holder to take it; alert monitoring and incident response are errors, also when only providers that work off-hours carry them' },
  medium: { severity: 'warning', checks: 'as small' },
  large: { severity: 'warning', checks: 'as small' },
  enterprise: { severity: 'warning', checks: 'as small' },
});

export const uncoveredResponsibility: Rule = {
  id: 'uncovered-responsibility',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A duty of a role that somebody holds, but nobody is credited with and no fallback takes.',
    rationale:
      'Holding a role is not doing all of it: a provider is credited only with what it is contracted for (`covers`, or the duties commonly bought), and `covers` on a person narrows their share. A duty left out that no fallback role takes is done by nobody. Vacant roles are reported once by missing-role or absorbed-duties, not here, and duties not expected at the organization\'s size are not reported.',
    authority: [
      { authority: 'seed', note: 'the responsibilities listed for each SecOps role' },
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'roles and responsibilities stay with the organization when third parties perform part of incident response' },
      { authority: 'NYDFS 23 NYCRR 500.4(a), as amended November 2023', note: 'a third party may serve as CISO only under the oversight of senior internal personnel' },
    ],
    fix: 'Add the duty to the `covers` of the member who does it, or give it an owner holding the role or one of its fallback roles (`secops-team explain <responsibility>` lists them); accept it with an exception if the organization has decided not to do it.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
    covers: [security-manager.soc-oversight]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`,
    },
    sizes: TABLE.sizes,
  },
  check({ coverage, team, today }) {
    const problems: Problem[] = [];
    // One finding per cause: the duties of one role that its holders are not credited with, grouped (errors apart from
    // warnings). A duty that a live exception names keeps a finding of its own, so that the exception still applies to it alone.
    const excepted = new Set(team.exceptions.filter((e) => e.rule === 'uncovered-responsibility' && e.target !== undefined && isLive(e, today)).map((e) => e.target));
    const groups = new Map<string, { role: string; critical: boolean; duties: string[] }>();
    // Duties that wait for a security lead nobody on the staff is: missing-role's finding about the lead lists them.
    const withGroups = reportedWithGroups(team, coverage);
    for (const entry of coverage) {
      if (entry.status !== 'uncovered') continue;
      if (holders(team, entry.role).length === 0) continue; // a vacant role: missing-role speaks
      if (withGroups.has(entry.responsibility)) continue;
      const critical = findResponsibility(entry.responsibility)?.critical === true;
      const key = excepted.has(entry.responsibility) ? entry.responsibility : `${entry.role}\u0000${critical}`;
      const group = groups.get(key);
      if (group) group.duties.push(entry.responsibility);
      else groups.set(key, { role: entry.role, critical, duties: [entry.responsibility] });
    }
    for (const { role, critical, duties } of groups.values()) {
      const roleHolders = holders(team, role);
      const [first] = roleHolders;
      if (!first) continue;
      const ids = roleHolders.map((m) => m.id);
      const found = duties.map((id) => findResponsibility(id));
      // The fallback roles that apply at this size, of the duties in the group.
      const size = team.organization.size;
      const fallbacks = [...new Set(found.flatMap((d) => d?.fallbacks.filter((f) => f.sizes === undefined || f.sizes.includes(size)).map((f) => f.role) ?? []))];
      const it = duties.length === 1 ? 'it' : 'them';
      // Fallback holders there are, but whose covers narrows them: say so, or the message reads as if nobody held the role.
      const narrowed = [...new Set(fallbacks.flatMap((r) => holders(team, r)).filter((m) => !isExternal(m) && !takesOver(m, team)))];
      const why = narrowed.length > 0 ? ` (${names(team, narrowed.map((m) => m.id))}: covers leaves ${it} out)` : '';
      const takes = fallbacks.length > 0 ? `, and no internal holder of ${fallbacks.map((r) => roleLabel(r)).join(' or ')} takes ${it} over${why}` : '';
      const what =
        duties.length === 1
          ? `${duties[0]} (${found[0]?.title.toLowerCase() ?? duties[0]})`
          : `${duties.length} duties of ${roleLabel(role)}: ${list(duties.map((id, i) => `${found[i]?.title.toLowerCase() ?? id} (${id})`))}`;
      problems.push({
        ...atMember(first),
        ...(critical ? { severity: 'error' as const } : {}),
        role,
        ...(duties.length === 1 ? { responsibility: duties[0] } : { responsibilities: duties }),
        members: ids,
        message: `nobody is credited with ${what}: ${names(team, ids)} ${ids.length === 1 ? 'holds' : 'hold'} ${duties.length === 1 ? roleLabel(role) : 'the role'} without ${it}${takes}`,
      });
    }
    // Duties that must be carried at every hour, carried only by providers that work off-hours, with no internal holder of
    // a fallback role (an engineer for an analyst) to take the working week: nobody does them then. One finding for both.
    const open: string[] = [];
    let offHours: Member[] = [];
    for (const id of [ALERT_MONITORING, INCIDENT_RESPONSE]) {
      const entry = coverage.find((e) => e.responsibility === id);
      if (entry?.status !== 'external') continue;
      const providers = entry.members.flatMap((m) => team.memberById.get(m) ?? []);
      if (providers.length === 0 || !providers.every((m) => m.hours === 'off-hours')) continue;
      if (weekdayFallback(team, id)) continue;
      open.push(id);
      offHours = providers;
    }
    const [first] = offHours;
    if (first && open.length > 0) {
      const ids = offHours.map((m) => m.id);
      const what = open.length === 1 ? `${open[0]} (${findResponsibility(open[0] as string)?.title.toLowerCase()})` : `${list(open.map((id) => `${findResponsibility(id)?.title.toLowerCase()} (${id})`))}`;
      problems.push({
        ...atMember(first),
        severity: 'error',
        role: 'security-analyst',
        ...(open.length === 1 ? { responsibility: open[0] } : { responsibilities: open }),
        members: ids,
        message: `nobody is credited with ${what} in business hours: ${names(team, ids)} ${ids.length === 1 ? 'works' : 'work'} off-hours only, so the ${BUSINESS_HOURS_A_WEEK} hours of the working week stay open; give ${open.length === 1 ? 'it' : 'them'} to an internal member for business hours, or extend the contract to hours: 24x7`,
      });
    }
    return problems;
  },
};
