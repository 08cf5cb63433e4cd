import { isExternal, type Member, type Team } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { carriersOf, who } from './util.js';
import { withArticle } from '../util/words.js';
import { EXAMPLE_TEAM } from './examples.js';

const LEAD_ROLES: ReadonlySet<string> = new Set(['ciso', 'cio', 'security-manager']);

function isLead(member: Member): boolean {
  return member.roles.some((r) => LEAD_ROLES.has(r));
}

/**
 * For every member, whether the chain above it (following reportsTo) reaches a
 * security lead. Iterative, and each member is walked once: a walk stops at a
 * member already answered, and one path array is reused.
 */
function reachesLead(team: Team, inLoop: Set<string>): Map<string, boolean> {
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
      if (onPath.has(current.id)) {
        // A loop, reported by reporting-cycle: its members are judged there, not here.
        for (let i = path.indexOf(current.id); i < path.length; i++) inLoop.add(path[i] as string);
        break;
      }
      path.push(current.id);
      onPath.add(current.id);
      current = current.reportsTo === undefined ? undefined : team.memberById.get(current.reportsTo);
    }
    for (const id of path) if (!result.has(id)) result.set(id, answer);
  }
  return result;
}

type Verdict = 'yes' | 'no' | 'unknown';

/**
 * For every member, whether its chain of managers, all of them security leads,
 * reaches a holder of the CISO's duties: a manager under a director under the
 * CISO does. Each member is answered once (memoized), so this is linear.
 */
function reachesCisoDutyHolder(team: Team, targets: ReadonlySet<string>): Map<string, Verdict> {
  const result = new Map<string, Verdict>();
  const path: string[] = [];
  const onPath = new Set<string>();
  for (const start of team.members) {
    if (result.has(start.id)) continue;
    path.length = 0;
    onPath.clear();
    let current: Member | undefined = start;
    let answer: Verdict = 'no';
    while (current) {
      if (onPath.has(current.id)) break; // a loop, reported by reporting-cycle
      path.push(current.id);
      onPath.add(current.id);
      if (current.reportsTo === undefined) break;
      const next = team.memberById.get(current.reportsTo);
      if (!next) {
        answer = 'unknown';
        break;
      }
      if (targets.has(next.id)) {
        answer = 'yes';
        break;
      }
      if (!isLead(next)) break;
      const known = result.get(next.id);
      if (known !== undefined) {
        answer = known;
        break;
      }
      current = next;
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
    summary: 'A Security Manager whose chain of security leads does not reach the CISO-duty holder, or an analyst or engineer whose reporting chain never reaches a security lead.',
    rationale:
      'The source has the Security Manager communicate the team\'s needs to the CISO, and the analysts and engineers work under the security team\'s lead. A reporting line that bypasses them separates the people who find problems from the people who can act on them. Layered organizations are fine: a manager who reports to a director who reports to the CISO reaches the CISO through security leads. Only judged where `reportsTo` is given.',
    authority: [
      { authority: 'seed', note: 'the Security Manager communicates security and technology needs to the CISO and manages the security team' },
      { authority: 'NIST NICE Framework Components v2.0.0 (2025)', note: 'OG-WRL-014 Systems Security Management' },
    ],
    fix: 'Point `reportsTo` at the CISO (or whoever carries the CISO\'s duties), or at a security lead who reports to them, for the Security Manager; at someone in the security chain for analysts and engineers.',
    examples: {
      fails: `${EXAMPLE_TEAM}  - id: tom
    name: Tom Ortega
    roles: [security-engineer]
    reportsTo: omar
`,
      passes: `${EXAMPLE_TEAM}  - id: tom
    name: Tom Ortega
    roles: [security-engineer]
    reportsTo: dana
`,
    },
    sizes: {
      small: 'the Security Manager\'s chain of security leads reaches the CISO-duty holder; analysts\' and engineers\' chains reach a security lead',
      medium: 'as small',
      large: 'as small',
      enterprise: 'as small',
    },
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const cisoDutyHolders = new Set(carriersOf(team, coverage, 'ciso.strategy').map((m) => m.id));
    const reachesCiso = cisoDutyHolders.size > 0 ? reachesCisoDutyHolder(team, cisoDutyHolders) : new Map<string, Verdict>();
    for (const member of team.members) {
      if (member.reportsTo === undefined || !member.roles.includes('security-manager')) continue;
      if (cisoDutyHolders.size === 0 || cisoDutyHolders.has(member.id)) continue;
      if (reachesCiso.get(member.id) !== 'no') continue; // 'unknown': a chain through an unknown id, reported by unknown-member
      problems.push({
        pointer: `/members/${member.index}/reportsTo`,
        role: 'security-manager',
        members: [member.id],
        message: `${who(member)} is a security-manager whose reporting chain (through ${member.reportsTo}) does not reach the CISO-duty holder (${[...cisoDutyHolders].join(', ')}) through security leads`,
      });
    }
    const inLoop = new Set<string>();
    const reaches = reachesLead(team, inLoop);
    // A line to an open position is a known id that leads nobody: judged here, not by unknown-member.
    const open = new Set(team.vacancies.map((v) => v.id));
    for (const member of team.members) {
      // A provider's reportsTo names who owns its contract: external-oversight judges that.
      if (member.reportsTo === undefined || isLead(member) || isExternal(member)) continue;
      const role = member.roles.find((r) => r === 'security-analyst' || r === 'security-engineer');
      if (!role || reaches.get(member.id) || inLoop.has(member.id) || (!team.memberById.has(member.reportsTo) && !open.has(member.reportsTo))) continue;
      problems.push({
        pointer: `/members/${member.index}/reportsTo`,
        role,
        members: [member.id],
        message: `${who(member)} is ${withArticle(role)} whose reporting chain never reaches a security lead (a CISO, a CIO or a Security Manager)`,
      });
    }
    return problems;
  },
};
