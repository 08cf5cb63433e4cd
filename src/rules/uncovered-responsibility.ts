import { findResponsibility } from '../catalog/index.js';
import { holders } from '../model/team.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { atMember, names } from './util.js';

const TABLE = sizeTable({
  small: { severity: 'warning', checks: 'a duty expected at this size whose role has holders, none of them credited with it (a provider not contracted for it, or `covers` leaving it out), with no fallback holder to take it; alert monitoring and incident response are errors' },
  medium: { severity: 'warning', checks: 'as small' },
  large: { severity: 'warning', checks: 'as small' },
  enterprise: { severity: 'warning', checks: 'as small' },
});

export const uncoveredResponsibility: Rule = {
  id: 'uncovered-responsibility',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A duty of a role that somebody holds, but nobody is credited with and no fallback takes.',
    rationale:
      'Holding a role is not doing all of it: a provider is credited only with what it is contracted for (`covers`, or the duties commonly bought), and `covers` on a person narrows their share. A duty left out that no fallback role takes is done by nobody. Vacant roles are reported once by missing-role or absorbed-duties, not here, and duties not expected at the organization\'s size are not reported.',
    authority: [
      { authority: 'seed', note: 'the responsibilities listed for each SecOps role' },
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'roles and responsibilities stay with the organization when third parties perform part of incident response' },
      { authority: 'NYDFS 23 NYCRR 500.4(a), as amended November 2023', note: 'a third party may serve as CISO only under the oversight of senior internal personnel' },
    ],
    fix: 'Add the duty to the `covers` of the member who does it, or give it an owner holding the role or one of its fallback roles (`secops-team explain <responsibility>` lists them); accept it with an exception if the organization has decided not to do it.',
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
    covers: [security-manager.soc-oversight]
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
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
    roles:
      - it-operations-manager
      - system-administrator
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`,
    },
    sizes: TABLE.sizes,
  },
  check({ coverage, team }) {
    const problems: Problem[] = [];
    for (const entry of coverage) {
      if (entry.status !== 'uncovered') continue;
      const roleHolders = holders(team, entry.role);
      const [first] = roleHolders;
      if (!first) continue; // a vacant role: missing-role speaks
      const duty = findResponsibility(entry.responsibility);
      const ids = roleHolders.map((m) => m.id);
      problems.push({
        ...atMember(first),
        ...(duty?.critical ? { severity: 'error' as const } : {}),
        role: entry.role,
        responsibility: entry.responsibility,
        members: ids,
        message: `nobody is credited with ${entry.responsibility} (${duty?.title.toLowerCase() ?? entry.responsibility}): ${names(team, ids)} ${ids.length === 1 ? 'holds' : 'hold'} ${entry.role} without it${duty && duty.fallbacks.length > 0 ? `, and no holder of ${duty.fallbacks.map((f) => f.role).join(' or ')} takes it` : ''}`,
      });
    }
    return problems;
  },
};
