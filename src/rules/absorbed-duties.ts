import { ROLES, type RoleId } from '../catalog/index.js';
import type { Problem, Rule } from './types.js';
import { atMember, names } from './util.js';

export const absorbedDuties: Rule = {
  id: 'absorbed-duties',
  configurable: true,
  stage: 'team',
  severity: { small: 'info', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'A role has no holder, and holders of a fallback role carry its duties.',
    rationale:
      'In a small organization one person carrying a vacant role\'s duties is normal: the source notes that without a designated CISO the Security Manager takes on the CISO\'s responsibilities, and that the CIO may own the security position instead. The finding makes that load visible, so it is a choice rather than an accident; in larger organizations it is a warning, since the duties compete with the absorber\'s own.',
    authority: [
      { authority: 'seed', note: 'the CISO "or the more general CIO"; without a designated CISO the security manager carries the CISO\'s responsibilities' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'in smaller SOCs lead functions fall to the SOC lead as an additional duty' },
      { authority: 'NIST NICE Framework v2.0.0', note: 'a single job may comprise multiple work roles' },
    ],
    fix: 'Nothing to fix in a small organization if the absorber has the time: keep it as information. Otherwise fill the role, or lower the load on the absorber.',
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    for (const role of ROLES) {
      const absorbed = coverage.filter((e) => e.role === role.id && e.status === 'absorbed');
      if (absorbed.length === 0) continue;
      const byVia = new Map<RoleId, { members: string[]; duties: string[] }>();
      for (const entry of absorbed) {
        if (entry.via === null) continue;
        const group = byVia.get(entry.via) ?? { members: entry.members, duties: [] };
        group.duties.push(entry.responsibility.slice(role.id.length + 1));
        byVia.set(entry.via, group);
      }
      const members = [...new Set(absorbed.flatMap((e) => e.members))];
      const whole = byVia.size === 1 && absorbed.length === role.responsibilities.length;
      const parts = [...byVia].map(([via, g]) => `${names(team, g.members)} via ${via}${whole ? '' : ` (${g.duties.join(', ')})`}`);
      const total = role.responsibilities.length;
      const open = coverage.filter((e) => e.role === role.id && e.status === 'uncovered').length;
      const first = team.memberById.get(members[0] ?? '');
      problems.push({
        ...(first ? atMember(first) : { pointer: '/members', anchor: 'key' as const }),
        role: role.id,
        members,
        message: `nobody holds ${role.id}; ${absorbed.length === total ? `all ${total}` : `${absorbed.length} of its ${total}`} duties fall to ${parts.join('; ')}${open > 0 ? `; ${open} ${open === 1 ? 'stays' : 'stay'} uncovered` : ''}`,
      });
    }
    return problems;
  },
};
