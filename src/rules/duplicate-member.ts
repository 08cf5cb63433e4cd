import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const duplicateMember: Rule = {
  id: 'duplicate-member',
  configurable: false,
  stage: 'reference',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'Two members share one id.',
    rationale: 'Member ids are how reporting lines, exceptions and CI settings refer to people; a repeated id makes those references ambiguous.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1' }],
    fix: 'Give each member a unique id, for example by adding a surname initial (dana-r).',
    examples: {
      fails: `${EXAMPLE_TEAM}  - id: dana
    name: Dana Ross
    roles: [system-analyst]
`,
      passes: `${EXAMPLE_TEAM}  - id: dana-ross
    name: Dana Ross
    roles: [system-analyst]
`,
    },
  },
  check({ team }) {
    // Every id once among the members, and no open positions to compare with: nothing to look for.
    if (team.vacancies.length === 0 && team.memberById.size === team.members.length) return [];
    const problems: Problem[] = [];
    const firstIndex = new Map<string, number>();
    const everyone = team.vacancies.length === 0 ? team.members : [...team.members, ...team.vacancies].sort((a, b) => a.index - b.index);
    for (const m of everyone) {
      const first = firstIndex.get(m.id);
      if (first === undefined) {
        firstIndex.set(m.id, m.index);
        continue;
      }
      problems.push({
        message: `member id "${m.id}" is already used by member ${first + 1}; member ids must be unique`,
        pointer: `/members/${m.index}/id`,
        members: [m.id],
      });
    }
    return problems;
  },
};
