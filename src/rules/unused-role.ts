import { sameForAllSizes, type Problem, type Rule } from './types.js';

export const unusedRole: Rule = {
  id: 'unused-role',
  configurable: true,
  stage: 'team',
  severity: sameForAllSizes('warning'),
  docs: {
    summary: 'A role declared under `roles:` that no member holds, or that lists no duty, credits nobody with anything.',
    rationale:
      'A team file\'s own roles are credited with exactly the catalog responsibilities they list in `duties`. A declared role that no member holds (a vacancy counts as a holder) is a leftover or a typo in a member\'s `roles`; a role with no duties adds nothing to the coverage, so holding it says nothing about who does the work, unless others report to its holder: a role such as a CEO or a board, with no security duties, places the executive the CISO reports to in the reporting line, and is not reported. Both make the gap report look at a team that is not the one described.',
    authority: [{ authority: 'secops-team', note: 'team file format, version 1: own roles are credited with their `duties` only' }],
    fix: 'Give the role to the member who holds it (`roles: [<id>]`), list the responsibilities it carries in `duties` (`secops-team roles <role>` lists a role\'s responsibilities), or remove the declaration.',
    sizes: { small: 'every size alike', medium: 'every size alike', large: 'every size alike', enterprise: 'every size alike' },
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
roles:
  - id: grc-lead
    title: GRC Lead
    duties: [ciso.compliance]
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso, security-manager]
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst]
  - id: omar
    name: Omar Haddad
    roles: [system-administrator]
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
roles:
  - id: grc-lead
    title: GRC Lead
    duties: [ciso.compliance]
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso, security-manager]
  - id: lea
    name: Lea Brandt
    roles: [grc-lead]
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst]
  - id: omar
    name: Omar Haddad
    roles: [system-administrator]
`,
    },
  },
  check({ team }) {
    const problems: Problem[] = [];
    // An open position (vacancy: true) holding the role counts: the role is planned, not forgotten.
    const planned = new Set(team.vacancies.flatMap((v) => v.roles));
    // A role without duties whose holder others report to (a CEO, a board) places an executive in the reporting line: no slip.
    const leads = new Set(team.members.flatMap((m) => (m.reportsTo === undefined ? [] : [m.reportsTo])));
    for (const role of team.customRoles) {
      if (team.customRoleById.get(role.id) !== role) continue; // a repeat is a schema error
      const held = (team.byRole.get(role.id)?.length ?? 0) > 0 || planned.has(role.id);
      if (!held) {
        problems.push({ pointer: `/roles/${role.index}/id`, anchor: 'value', role: role.id, message: `own role ${role.id} (${role.title}) is declared but no member holds it; add it to a member's roles, or remove it` });
      }
      if (role.duties.length === 0 && !(team.byRole.get(role.id) ?? []).some((m) => leads.has(m.id))) {
        problems.push({ pointer: `/roles/${role.index}/duties`, anchor: 'key', role: role.id, message: `own role ${role.id} (${role.title}) lists no duties, so its holders are credited with nothing; list the responsibilities it carries (secops-team roles <role> lists them)` });
      }
    }
    return problems;
  },
};
