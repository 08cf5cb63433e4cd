import type { Size } from '../catalog/index.js';
import type { Problem, Rule } from './types.js';
import { atMember, carriedRoles, who } from './util.js';

export const ROLE_LIMITS: Readonly<Record<Size, number>> = { small: 4, medium: 3, large: 2, enterprise: 2 };

export const overloadedMember: Rule = {
  id: 'overloaded-member',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'A member carries more roles, counting absorbed ones, than the organization size allows.',
    rationale:
      'NICE accepts that one job may span several work roles, and small teams depend on it; but each role brings its own duties, and past a few the person becomes a bottleneck and a single point of failure. Limits: small 4, medium 3, large and enterprise 2 roles per member, absorbed roles included.',
    authority: [
      { authority: 'NIST NICE Framework v2.0.0', note: 'a single job may comprise multiple work roles' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'additional duties fall on the SOC lead in small SOCs' },
    ],
    fix: 'Move a role to another member, hire for it, or fill the vacant role whose duties the member absorbs.',
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const limit = ROLE_LIMITS[team.organization.size];
    for (const member of team.members) {
      const { held, absorbed } = carriedRoles(member, coverage);
      const count = held.length + absorbed.length;
      if (count <= limit) continue;
      problems.push({
        ...atMember(member),
        members: [member.id],
        message: `${who(member)} carries ${count} roles (${held.join(', ')}${absorbed.length > 0 ? `; absorbing ${absorbed.join(', ')}` : ''}); a ${team.organization.size} organization allows ${limit} per member`,
      });
    }
    return problems;
  },
};
