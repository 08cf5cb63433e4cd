import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';

export const reportingCycle: Rule = {
  id: 'reporting-cycle',
  configurable: false,
  stage: 'reference',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'Reporting lines form a loop, or someone reports to themself.',
    rationale: 'A loop leaves nobody at its top to escalate to, so incidents and decisions have nowhere to go.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1' }],
    fix: 'Break the loop: the person at the top of the chain has no reportsTo, or reports to someone outside the loop.',
  },
  check({ team }) {
    const problems: Problem[] = [];
    // 0: not visited, 1: on the current path, 2: done. Iterative, so a chain of any length is fine.
    const state = new Map<string, 0 | 1 | 2>();
    for (const start of team.members) {
      if (state.get(start.id)) continue;
      const path: string[] = [];
      let current: string | undefined = start.id;
      while (current !== undefined && !state.get(current)) {
        state.set(current, 1);
        path.push(current);
        current = team.memberById.get(current)?.reportsTo;
        if (current !== undefined && !team.memberById.has(current)) current = undefined;
      }
      if (current !== undefined && state.get(current) === 1) {
        const loop = path.slice(path.indexOf(current));
        // Report at the member of the loop that comes first in the file.
        const at = loop
          .map((id) => team.memberById.get(id))
          .filter((m) => m !== undefined)
          .sort((a, b) => a.index - b.index)[0];
        if (at) {
          problems.push({
            message:
              loop.length === 1
                ? `${at.id} reports to themself`
                : `reporting lines form a loop: ${[...loop, loop[0]].join(' → ')}`,
            pointer: `/members/${at.index}/reportsTo`,
            members: loop,
          });
        }
      }
      for (const id of path) state.set(id, 2);
    }
    return problems;
  },
};
