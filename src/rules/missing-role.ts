import { EXPECTATIONS } from '../catalog/index.js';
import { holders } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { TEAM_WIDE } from './util.js';

export const missingRole: Rule = {
  id: 'missing-role',
  configurable: true,
  stage: 'team',
  severity: { small: 'error', medium: 'warning', large: 'error', enterprise: 'error' },
  docs: {
    summary: 'A role expected at this organization size has no holder at all.',
    rationale:
      'Every organization needs someone who owns security and someone who runs IT; as it grows, the documented roles become jobs of their own (MITRE: below about 1,000 users a security team, above it a SOC with distinct functions). A role nobody holds leaves its duties to others or to nobody. Expected: small, a security lead (ciso, cio or security-manager) and someone running IT (system-administrator or it-operations-manager); medium, also security-manager, security-analyst, security-engineer, system-administrator and it-operations-manager; large and enterprise, all seven documented roles. The two essentials are errors at every size; the rest are warnings in medium organizations and errors in large ones.',
    authority: [
      { authority: 'seed', note: 'the seven SecOps roles and the CISO or CIO as owner of the security position' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'SOC structure by organization size' },
      { authority: 'NIST NICE Framework v2.0.0', note: 'work roles OG-WRL-007, OG-WRL-014, PD-WRL-001/003/004, IO-WRL-005/006' },
    ],
    fix: 'Add a member holding the role (a person, or an external provider with `provider:`), or give the role to an existing member; if the gap is accepted, record an exception with its reason and expiry.',
  },
  check({ team }) {
    const problems: Problem[] = [];
    const size = team.organization.size;
    const unmet = EXPECTATIONS[size].filter((e) => e.anyOf.every((role) => holders(team, role).length === 0));
    const coveredByGroup = new Set(unmet.filter((e) => e.anyOf.length > 1).flatMap((e) => e.anyOf));
    for (const expectation of unmet) {
      const [first] = expectation.anyOf;
      if (expectation.anyOf.length === 1 && first !== undefined) {
        if (coveredByGroup.has(first)) continue; // the group's finding already says it
        problems.push({ ...TEAM_WIDE, role: first, message: `no member holds ${first}: a ${size} organization is expected to have one` });
      } else {
        problems.push({
          ...TEAM_WIDE,
          severity: 'error',
          message: `no member is a ${expectation.label}; every organization needs one`,
        });
      }
    }
    return problems;
  },
};
