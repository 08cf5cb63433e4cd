import { closest, SUGGESTION_CELLS } from '../util/suggest.js';
import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const unknownMember: Rule = {
  id: 'unknown-member',
  configurable: false,
  stage: 'reference',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'A reporting line or an exception names a member id that does not exist.',
    rationale: 'A reporting line to nobody hides who escalates to whom, and an exception approved by nobody has no owner.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1' }],
    fix: 'Use the id of a member listed under members, or add the missing member.',
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
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omer
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
    // Open positions are members of the file: a line to one is no unknown id (reporting-line judges whether it reaches a lead).
    const open = new Set(team.vacancies.map((v) => v.id));
    const known = { has: (id: string) => team.memberById.has(id) || open.has(id) };
    // Every id, members' then open positions', each once: the candidates for a suggestion, listed only when one is needed.
    let ids: string[] | undefined;
    // One budget for the whole run: suggestions stay cheap however many ids are wrong.
    const budget = { cells: SUGGESTION_CELLS };
    const unknown = (id: string, pointer: string, what: string, members: string[]) => {
      ids ??= [...new Set([...team.memberById.keys(), ...open])];
      const guess = closest(id, ids, budget);
      problems.push({
        message: `${what} "${id}", but no member has that id${guess ? `; did you mean "${guess}"?` : ''}`,
        pointer,
        members,
      });
    };
    const everyone = team.vacancies.length === 0 ? team.members : [...team.members, ...team.vacancies].sort((a, b) => a.index - b.index);
    for (const m of everyone) {
      if (m.reportsTo !== undefined && !known.has(m.reportsTo)) {
        unknown(m.reportsTo, `/members/${m.index}/reportsTo`, `${m.id} reports to`, [m.id]);
      }
    }
    for (const e of team.exceptions) {
      if (e.approvedBy !== undefined && !known.has(e.approvedBy)) {
        unknown(e.approvedBy, `/exceptions/${e.index}/approvedBy`, 'the exception is approved by', []);
      }
    }
    return problems;
  },
};
