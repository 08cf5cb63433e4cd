import { isExternal, type Member } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { atMember, who } from './util.js';
import { sameList } from '../util/arrays.js';

const COMPENSATING = 'compensating controls: independent review of their administrative activity, tamper-evident audit trails, and management supervision';

export const separationOfDuties: Rule = {
  id: 'separation-of-duties',
  configurable: true,
  stage: 'team',
  severity: { small: 'info', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'One internal person holds conflicting duties: compliance oversight with system administration, or security monitoring with system administration.',
    rationale:
      'The person who oversees compliance should not also administer the systems in scope, and the analyst who watches for misuse should not administer the systems being watched: either way one person can act and hide the trace. Small organizations often cannot separate these; ISO/IEC 27002 accepts compensating controls there, so it is information in small organizations and a warning otherwise.',
    authority: [
      { authority: 'NIST SP 800-53 Rev. 5 (September 2020)', note: 'AC-5 Separation of Duties' },
      { authority: 'ISO/IEC 27002:2022', note: '5.3 Segregation of duties: compensating controls where segregation is not possible' },
    ],
    fix: 'Give system administration to someone else, or, where that is not possible, put compensating controls in place (independent log review, audit trails, management supervision) and record an exception naming them.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
      - security-analyst
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager, security-analyst]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
`,
    },
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    // Duties of one role mostly list the same carriers: take each list once.
    const adminLists: (readonly string[])[] = [];
    for (const e of coverage) {
      if (e.role !== 'system-administrator' || (e.status !== 'covered' && e.status !== 'absorbed')) continue;
      if (!adminLists.some((list) => sameList(list, e.members))) adminLists.push(e.members);
    }
    const carriers = (duty: string) => new Set(coverage.find((e) => e.responsibility === duty && e.status !== 'uncovered' && e.status !== 'not-applicable')?.members ?? []);
    const compliance = carriers('ciso.compliance');
    const monitoring = carriers('security-analyst.alert-monitoring');
    // The administrators who carry either duty, in file order: a large team has thousands of each, and few of both.
    const both = new Set<Member>();
    for (const list of adminLists) {
      for (const id of list) {
        if (!compliance.has(id) && !monitoring.has(id)) continue;
        const member = team.memberById.get(id);
        if (member) both.add(member);
      }
    }
    for (const member of [...both].sort((a, b) => a.index - b.index)) {
      if (isExternal(member)) continue;
      if (compliance.has(member.id)) {
        problems.push({
          ...atMember(member),
          members: [member.id],
          responsibility: 'ciso.compliance',
          role: 'ciso',
          message: `${who(member)} oversees compliance (ciso.compliance) and administers the systems in scope; separate them, or rely on ${COMPENSATING}`,
        });
      }
      if (monitoring.has(member.id)) {
        problems.push({
          ...atMember(member),
          members: [member.id],
          responsibility: 'security-analyst.alert-monitoring',
          role: 'security-analyst',
          message: `${who(member)} monitors security alerts and administers the monitored systems; separate them, or rely on ${COMPENSATING}`,
        });
      }
    }
    return problems;
  },
};
