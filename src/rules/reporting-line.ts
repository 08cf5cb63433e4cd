import type { Member, Team } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { carriersOf, who } from './util.js';

const LEAD_ROLES: ReadonlySet<string> = new Set(['ciso', 'cio', 'security-manager']);

function isLead(member: Member): boolean {
  return member.roles.some((r) => LEAD_ROLES.has(r));
}

/**
 * For every member, whether the chain above it (following reportsTo) reaches a
 * security lead. Iterative, and each member is walked once: a walk stops at a
 * member already answered, and one path array is reused.
 */
function reachesLead(team: Team): Map<string, boolean> {
  const result = new Map<string, boolean>();
  const onPath = new Set<string>();
  const path: string[] = [];
  for (const start of team.members) {
    if (result.has(start.id)) continue;
    path.length = 0;
    onPath.clear();
    let current: Member | undefined = start;
    let answer = false;
    while (current) {
      if (current !== start) {
        if (isLead(current)) {
          answer = true;
          break;
        }
        const known = result.get(current.id);
        if (known !== undefined) {
          answer = known;
          break;
        }
      }
      if (onPath.has(current.id)) break; // a loop, reported by reporting-cycle
      path.push(current.id);
      onPath.add(current.id);
      current = current.reportsTo === undefined ? undefined : team.memberById.get(current.reportsTo);
    }
    for (const id of path) if (!result.has(id)) result.set(id, answer);
  }
  return result;
}

export const reportingLine: Rule = {
  id: 'reporting-line',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'A Security Manager who does not report to the CISO-duty holder, or an analyst or engineer whose reporting chain never reaches a security lead.',
    rationale:
      'The source has the Security Manager communicate the team\'s needs to the CISO, and the analysts and engineers work under the security team\'s lead. A reporting line that bypasses them separates the people who find problems from the people who can act on them. Only judged where `reportsTo` is given.',
    authority: [
      { authority: 'seed', note: 'the Security Manager communicates security and technology needs to the CISO and manages the security team' },
      { authority: 'NIST NICE Framework v2.0.0', note: 'OG-WRL-014 Systems Security Management' },
    ],
    fix: 'Point `reportsTo` at the CISO (or whoever carries the CISO\'s duties) for the Security Manager, and at someone in the security chain for analysts and engineers.',
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const cisoDutyHolders = new Set(carriersOf(team, coverage, 'ciso.strategy').map((m) => m.id));
    for (const member of team.members) {
      if (member.reportsTo === undefined || !member.roles.includes('security-manager')) continue;
      if (cisoDutyHolders.size === 0 || cisoDutyHolders.has(member.id) || cisoDutyHolders.has(member.reportsTo)) continue;
      if (!team.memberById.has(member.reportsTo)) continue; // unknown-member reports it
      problems.push({
        pointer: `/members/${member.index}/reportsTo`,
        role: 'security-manager',
        members: [member.id],
        message: `${who(member)} is a security-manager but reports to ${member.reportsTo}, not to the CISO-duty holder (${[...cisoDutyHolders].join(', ')})`,
      });
    }
    const reaches = reachesLead(team);
    for (const member of team.members) {
      if (member.reportsTo === undefined || isLead(member)) continue;
      const role = member.roles.find((r) => r === 'security-analyst' || r === 'security-engineer');
      if (!role || reaches.get(member.id) || !team.memberById.has(member.reportsTo)) continue;
      problems.push({
        pointer: `/members/${member.index}/reportsTo`,
        role,
        members: [member.id],
        message: `${who(member)} is a ${role} whose reporting chain never reaches a security lead (ciso, cio or security-manager)`,
      });
    }
    return problems;
  },
};
