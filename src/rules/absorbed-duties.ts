import { dutyExpectedAt, findResponsibility, findRole } from '../catalog/index.js';
import { absences, whoAbsorbsText } from './absence.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { atMember, openPosition, roleLabel, TEAM_WIDE } from './util.js';
import { withArticle } from '../util/words.js';

const TABLE = sizeTable({
  small: { severity: 'info', checks: 'a role nobody holds whose expected duties are all taken over by fallback roles: a note, as one person carrying several roles is normal at this size' },
  medium: { severity: 'warning', checks: 'as small; the absorbed duties compete with the absorbers\' own (an absorbed IT role stays a note)' },
  large: { severity: 'warning', checks: 'as medium; an absorbed CISO is an error, as a CISO of its own is expected from this size' },
  enterprise: { severity: 'warning', checks: 'as large' },
});

export const absorbedDuties: Rule = {
  id: 'absorbed-duties',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A role nobody holds whose expected duties are all taken over by holders of fallback roles: one finding per role, listing the duties.',
    rationale:
      'Other roles can carry a vacant role\'s duties: without a CISO, a CIO keeps strategy, executive reporting and compliance and a Security Manager the operational duties (either alone takes all five); a missing Security Manager\'s duties fall to the CISO. The finding makes that load visible so that it is a choice, not an accident: information in small organizations, a warning from medium size up, and an error where the role itself is expected (a CISO of its own in large and enterprise organizations). When some expected duty stays uncovered, missing-role reports the role instead.',
    authority: [
      { authority: 'seed', note: 'the CISO "or the more general CIO"; without a designated CISO the security manager carries the CISO\'s responsibilities' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'in smaller SOCs lead functions fall to the SOC lead as an additional duty' },
      { authority: 'NIST NICE Framework Components v2.0.0 (2025)', note: 'a single job may comprise multiple work roles' },
    ],
    fix: 'Nothing to fix in a small organization if the absorbers have the time: keep it as information. Otherwise fill the role, or record an exception naming who carries the duties.',
    examples: {
      fails: `version: 1
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
      passes: `version: 1
organization:
  name: Acme
  employees: 120
members:
  - id: dana
    name: Dana Reyes
    roles:
      - ciso
      - security-manager
      - security-analyst
      - security-engineer
  - id: omar
    name: Omar Haddad
    roles:
      - it-operations-manager
      - system-administrator
      - system-analyst
`,
    },
    sizes: TABLE.sizes,
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const size = team.organization.size;
    for (const absence of absences(team, coverage)) {
      if (absence.group || absence.role === undefined || absence.uncovered.length > 0) continue;
      const expectedAbsorbed = absence.absorbed.filter((e) => {
        const duty = findResponsibility(e.responsibility);
        return duty !== undefined && dutyExpectedAt(duty, size);
      });
      if (expectedAbsorbed.length === 0 && !absence.expected) continue;
      const members = [...new Set(absence.absorbed.flatMap((e) => e.members))];
      const first = team.memberById.get(members[0] ?? '');
      const duties = absence.absorbed.map((e) => e.responsibility);
      problems.push({
        ...(first ? atMember(first) : TEAM_WIDE),
        // An absorbed IT role stays a note at any size: IT roles share their work (a system administrator taking the back-ups).
        ...(absence.expected ? { severity: 'error' as const } : findRole(absence.role)?.area === 'it' ? { severity: 'info' as const } : {}),
        role: absence.role,
        members,
        responsibilities: duties,
        message: `nobody holds ${roleLabel(absence.role)}${openPosition(team, absence.role)}; ${whoAbsorbsText(team, absence.absorbed)}${absence.expected ? `; ${withArticle(size)} organization is expected to have its own ${roleLabel(absence.role)}` : ''}`,
      });
    }
    return problems;
  },
};
