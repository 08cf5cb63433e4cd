import { reportingLines } from '../model/lines.js';
import { isExternal, type Member } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const reportingCycle: Rule = {
  id: 'reporting-cycle',
  configurable: false,
  stage: 'reference',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'Reporting lines form a loop, or someone reports to themself.',
    rationale: 'A loop leaves nobody at its top to escalate to, so incidents and decisions have nowhere to go. A provider\'s `reportsTo` names the internal member who owns its contract, not a manager, so it never closes a loop.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1' }],
    fix: 'Break the loop: the person at the top of the chain has no reportsTo, or reports to someone outside the loop.',
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
    reportsTo: omar
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
    reportsTo: dana
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`,
      passes: `${EXAMPLE_TEAM}`,
    },
  },
  check({ team }) {
    const problems: Problem[] = [];
    const { members, memberById } = team;
    // By position in team.members (open positions are not in it, so a member's file index is no position):
    // whom each reports to, and 0 (not visited), 1 (on the current path) or 2 (done). Typed arrays and
    // iteration: a chain or a team of any length is fine.
    const { positionOfIndex } = reportingLines(team);
    const at = (member: Member) => positionOfIndex[member.index] ?? -1;
    const manager = new Int32Array(members.length).fill(-1);
    for (const member of memberById.values()) {
      // A provider's reportsTo names its internal owner, not a manager: a vCISO owned by the Security
      // Manager who reports to it is oversight, not a loop.
      const to = member.reportsTo === undefined || isExternal(member) ? undefined : memberById.get(member.reportsTo);
      if (to) manager[at(member)] = at(to);
    }
    const state = new Uint8Array(members.length);
    // With every id once, the first member with a member's id is the member itself: no lookup.
    const unique = memberById.size === members.length;
    const path: number[] = [];
    for (let position = 0; position < members.length; position++) {
      const start = members[position] as Member;
      const first = unique ? start : memberById.get(start.id);
      let current = first === undefined ? -1 : unique ? position : at(first);
      if (current === -1 || state[current]) continue;
      path.length = 0;
      while (current !== -1 && !state[current]) {
        state[current] = 1;
        path.push(current);
        current = manager[current] ?? -1;
      }
      if (current !== -1 && state[current] === 1) {
        const loop = path.slice(path.indexOf(current));
        // Report at the member of the loop that comes first in the file.
        const firstInFile = members[loop.reduce((a, b) => Math.min(a, b))];
        const ids = loop.map((i) => members[i]?.id ?? '');
        if (firstInFile) {
          problems.push({
            message: ids.length === 1 ? `${firstInFile.id} reports to themself` : `reporting lines form a loop: ${[...ids, ids[0]].join(' → ')}`,
            pointer: `/members/${firstInFile.index}/reportsTo`,
            members: ids,
          });
        }
      }
      for (const i of path) state[i] = 2;
    }
    return problems;
  },
};
