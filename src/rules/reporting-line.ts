import { NO_MANAGER, reportingLines, UNKNOWN_MANAGER } from '../model/lines.js';
import { holders, isExternal, type Member, type Team } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { carriersOf, holdsItRole, who } from './util.js';
import { withArticle } from '../util/words.js';
import { EXAMPLE_TEAM } from './examples.js';

/**
 * The security leads' roles. The CIO leads security only where nobody on the
 * staff holds the CISO role: with a CISO in post, a line through the CIO is
 * IT's line, not security's.
 */
function leadRoles(cisoInPost: boolean): readonly string[] {
  return cisoInPost ? ['ciso', 'security-manager'] : ['ciso', 'cio', 'security-manager'];
}

/** Per position in `team.members`: whether the member holds a security lead's role. */
function leads(team: Team, positionOfIndex: Int32Array, roles: readonly string[]): Uint8Array {
  // From the holders of each lead role: a few thousand members of a hundred thousand.
  const lead = new Uint8Array(team.members.length);
  for (const role of roles) for (const m of holders(team, role)) lead[positionOfIndex[m.index] as number] = 1;
  return lead;
}

/**
 * For every member (by position in `team.members`), an answer found by
 * walking up its chain of managers: `decide(next)` gives the answer at the
 * manager `next` (a position, or NO_MANAGER / UNKNOWN_MANAGER), or -1 to go
 * on above it. A loop answers `onLoop`, and its members are marked in
 * `inLoop` when given (reporting-cycle reports them). Iterative, and each
 * member is walked once: a walk stops at a member already answered, and one
 * path array is reused, so a chain of 100,000 stays linear.
 */
function walkChains(manager: Int32Array, decide: (next: number) => number, onLoop: number, inLoop?: Uint8Array): Int8Array {
  const n = manager.length;
  const result = new Int8Array(n).fill(-1);
  // The walk a member is on (its start + 1), so that the marks need no clearing between walks.
  const onPath = new Int32Array(n);
  const path = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (result[start] !== -1) continue;
    let length = 0;
    let current = start;
    let answer = onLoop;
    for (;;) {
      if (onPath[current] === start + 1) {
        if (inLoop) {
          let i = 0;
          while (path[i] !== current) i++;
          for (; i < length; i++) inLoop[path[i] as number] = 1;
        }
        break;
      }
      path[length++] = current;
      onPath[current] = start + 1;
      const next = manager[current] as number;
      const decided = decide(next);
      if (decided !== -1) {
        answer = decided;
        break;
      }
      const known = result[next] as number;
      if (known !== -1) {
        answer = known;
        break;
      }
      current = next;
    }
    for (let i = 0; i < length; i++) {
      const at = path[i] as number;
      if (result[at] === -1) result[at] = answer;
    }
  }
  return result;
}

const NO = 0;
const YES = 1;
/** A chain through an id no member has: reported by unknown-member, not here. */
const UNKNOWN = 2;

export const reportingLine: Rule = {
  id: 'reporting-line',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'A Security Manager whose chain of security leads does not reach the CISO-duty holder, or an analyst or engineer whose reporting chain never reaches a security lead.',
    rationale:
      'The source has the Security Manager communicate the team\'s needs to the CISO, and the analysts and engineers work under the security team\'s lead. A reporting line that bypasses them separates the people who find problems from the people who can act on them. Layered organizations are fine: a manager who reports to a director who reports to the CISO reaches the CISO through security leads. A virtual CISO (a provider) is not someone an employee reports to, and where nobody holds the CISO role, a Security Manager who reports outside IT (to the CEO or the board) heads security on the independent line, even if the CIO absorbs the CISO\'s duties. With a CISO in post, the CIO is not a security lead for this rule: an analyst under IT operations answers to the operations they watch. Only judged where `reportsTo` is given.',
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
    const { manager, positionOfIndex } = reportingLines(team);
    const cisoRoleHeld = holders(team, 'ciso').some((m) => !isExternal(m));
    const lead = leads(team, positionOfIndex, leadRoles(cisoRoleHeld));
    // An employee does not report to a provider (a virtual CISO): external-oversight judges who owns that contract.
    const cisoDutyHolders = new Set(
      carriersOf(team, coverage, 'ciso.strategy')
        .filter((m) => !isExternal(m))
        .map((m) => m.id),
    );
    // Nobody holds the CISO role: the Security Manager heads security, and a
    // line outside IT (to the CEO, the board) is the independent one that
    // ciso-independence asks for, not a bypass of whoever absorbs the CISO's duties.
    if (cisoDutyHolders.size > 0) {
      const targets = new Uint8Array(team.members.length);
      for (const id of cisoDutyHolders) {
        const holder = team.memberById.get(id);
        if (holder) targets[positionOfIndex[holder.index] as number] = 1;
      }
      // Whether each member's chain of managers, all of them security leads, reaches a holder of the CISO's duties:
      // a manager under a director under the CISO does.
      const reachesCiso = walkChains(manager, (next) => (next === NO_MANAGER ? NO : next === UNKNOWN_MANAGER ? UNKNOWN : targets[next] === 1 ? YES : lead[next] !== 1 ? NO : -1), NO);
      // Computed for the first Security Manager who needs it: most teams have a CISO, or no such manager.
      let throughIt: Int8Array | undefined;
      // The holders of the role, in file order (a member who lists it twice, once).
      let previous: Member | undefined;
      for (const member of holders(team, 'security-manager')) {
        if (member === previous) continue;
        previous = member;
        if (member.reportsTo === undefined) continue;
        if (cisoDutyHolders.has(member.id)) continue;
        if (reachesCiso[positionOfIndex[member.index] as number] !== NO) continue; // UNKNOWN: a chain through an unknown id, reported by unknown-member
        if (!cisoRoleHeld) {
          // Whether anyone above each member holds an IT role.
          throughIt ??= walkChains(manager, (next) => (next < 0 ? 0 : holdsItRole(team.members[next] as Member) ? 1 : -1), 0);
          if (throughIt[positionOfIndex[member.index] as number] !== 1) continue;
        }
        problems.push({
          pointer: `/members/${member.index}/reportsTo`,
          role: 'security-manager',
          members: [member.id],
          message: `${who(member)} is a security-manager whose reporting chain (through ${member.reportsTo}) does not reach the CISO-duty holder (${[...cisoDutyHolders].join(', ')}) through security leads`,
        });
      }
    }
    const inLoop = new Uint8Array(team.members.length);
    // Whether the chain above each member reaches a security lead; members of a loop are marked in inLoop.
    const reaches = walkChains(manager, (next) => (next < 0 ? 0 : lead[next] === 1 ? 1 : -1), 0, inLoop);
    // A line to an open position is a known id that leads nobody: judged here, not by unknown-member.
    const open = new Set(team.vacancies.map((v) => v.id));
    const { members } = team;
    for (let i = 0; i < members.length; i++) {
      // The typed arrays first: they rule out nearly everyone without reading the member.
      if (lead[i] === 1 || reaches[i] === 1 || inLoop[i] === 1) continue;
      const member = members[i] as Member;
      // A provider's reportsTo names who owns its contract: external-oversight judges that.
      if (member.reportsTo === undefined || isExternal(member)) continue;
      const role = member.roles.find((r) => r === 'security-analyst' || r === 'security-engineer');
      if (!role || (manager[i] === UNKNOWN_MANAGER && !open.has(member.reportsTo))) continue;
      problems.push({
        pointer: `/members/${member.index}/reportsTo`,
        role,
        members: [member.id],
        message: `${who(member)} is ${withArticle(role)} whose reporting chain never reaches a security lead (${cisoRoleHeld ? 'the CISO or a Security Manager: with a CISO in post, a line through the CIO is IT\'s, not security\'s' : 'a CISO, a CIO or a Security Manager'})`,
      });
    }
    return problems;
  },
};
