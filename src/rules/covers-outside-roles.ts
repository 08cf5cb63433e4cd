import { findResponsibility } from '../catalog/index.js';
import { dutiesOfRole } from '../model/team.js';
import { closest, SUGGESTION_CELLS } from '../util/suggest.js';
import { sameForAllSizes, type Problem, type Rule } from './types.js';

export const coversOutsideRoles: Rule = {
  id: 'covers-outside-roles',
  configurable: false,
  stage: 'reference',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'A member\'s `covers` lists a responsibility of a role the member does not hold.',
    rationale: 'A member is credited only with duties of the roles it holds; a responsibility of another role in `covers` is a typo or a missing role, and would silently credit nobody.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1: `covers` narrows a member to duties of its own roles' }],
    fix: 'Use a responsibility of one of the member\'s roles (the message suggests the nearest), or add the role to `roles`.',
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
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    covers:
      - security-analyst.alert-monitoring
      - security-engineer.security-systems
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
    roles: [it-operations-manager]
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    covers: [security-analyst.alert-monitoring]
    reportsTo: dana
`,
    },
    sizes: { small: 'every size alike', medium: 'every size alike', large: 'every size alike', enterprise: 'every size alike' },
  },
  check({ team }) {
    const problems: Problem[] = [];
    const budget = { cells: SUGGESTION_CELLS };
    for (const member of team.members) {
      if (member.covers === undefined) continue;
      const own = [...new Set(member.roles.flatMap((r) => dutiesOfRole(team, r)))];
      member.covers.forEach((id, i) => {
        if (own.includes(id)) return;
        const duty = findResponsibility(id);
        // The nearest id, or an own duty whose name contains this one's (automation -> automation-analysis).
        const name = id.slice(id.indexOf('.') + 1);
        const guess = closest(id, own, budget) ?? own.find((o) => { const n = o.slice(o.indexOf('.') + 1); return n.includes(name) || name.includes(n); });
        problems.push({
          pointer: `/members/${member.index}/covers/${i}`,
          anchor: 'value',
          members: [member.id],
          responsibility: id,
          message: `${member.id} covers ${id}, a duty of ${duty?.role ?? 'another role'}, which ${member.id} does not hold (roles: ${member.roles.join(', ')})${guess ? `; did you mean "${guess}"?` : `; its roles' duties are ${own.join(', ')}`}; or add ${duty?.role ?? 'the role'} to its roles`,
        });
      });
    }
    return problems;
  },
};
