import type { Severity } from '../findings.js';
import { isExternal, type Member, type Team } from '../model/team.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { atMember, carriersOf, who } from './util.js';

/** Who a CISO (or whoever carries the CISO's duties) reports to, and how loud that is at each size. */
const TABLE = sizeTable({
  small: { severity: 'info', checks: 'a CISO reporting to the IT Operations Manager, or holding that role too (info)' },
  medium: { severity: 'warning', checks: 'a CISO reporting to the IT Operations Manager, or holding that role too (warning)' },
  large: { severity: 'warning', checks: 'a CISO reporting to the IT Operations Manager or holding that role too (warning), or reporting to the CIO (info)' },
  enterprise: { severity: 'warning', checks: 'a CISO reporting to the IT Operations Manager or holding that role too, or reporting to the CIO (warning)' },
});

const TO_CIO: Readonly<Partial<Record<Team['organization']['size'], Severity>>> = { large: 'info', enterprise: 'warning' };

function manager(team: Team, member: Member): Member | undefined {
  return member.reportsTo === undefined ? undefined : team.memberById.get(member.reportsTo);
}

export const cisoIndependence: Rule = {
  id: 'ciso-independence',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A CISO who reports to IT operations (an info in small organizations, a warning from medium size up), or to the CIO in large and enterprise ones: security oversees the IT it reports to.',
    rationale:
      'The CISO sets and checks the security of the systems IT operations run; reporting into IT operations puts the checker under the checked, and security competes with uptime and budget inside the same line. Supervisors therefore ask for a security function independent of IT operations in larger institutions. Reporting to the CIO is common and lawful, and works where the CIO protects the CISO\'s voice, so it is only an info in large organizations; in an enterprise it is a warning, because the board then hears about security through the person whose systems it judges. A line into IT operations is reported at every size, since the supervisors set no size floor for it: an info in small organizations, where one manager often runs both and the duty is kept separate by other means, a warning from medium size up. The CIO line is not checked below large size: there, one executive often holds both. Where nobody holds the CISO role, the member of staff who carries its duties (a Security Manager, say) is judged the same way: the duties, not the title, make the independence matter.',
    authority: [
      { authority: 'FFIEC IT Examination Handbook, Information Security booklet (September 2016), section I.B', note: 'information security officers report to the board or senior management, stay independent of IT operations staff and do not report to IT operations management' },
      { authority: 'DORA, Regulation (EU) 2022/2554 (2022), Article 6(4)', note: 'financial entities other than microenterprises give the management and oversight of ICT risk to a control function with an appropriate level of independence, to avoid conflicts of interest' },
    ],
    fix: 'Let the CISO report to the CEO, the board or a risk committee (set `reportsTo`; an own role without duties, such as `{id: ceo, title: Chief Executive Officer, duties: []}` under `roles:`, puts that executive in the file), or record an exception with its reason where the CIO line is a deliberate choice.',
    sizes: TABLE.sizes,
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 4000
members:
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
  - id: dana
    name: Dana Reyes
    roles: [ciso]
    reportsTo: omar
  - id: lee
    name: Lee Park
    roles: [security-manager]
    reportsTo: dana
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst]
    reportsTo: lee
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 4000
members:
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
  - id: dana
    name: Dana Reyes
    roles: [ciso]
  - id: lee
    name: Lee Park
    roles: [security-manager]
    reportsTo: dana
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst]
    reportsTo: lee
`,
    },
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const size = team.organization.size;
    if (TABLE.sizes[size] === undefined) return problems;
    // Whoever carries the CISO's duties: the holders of the role, or, where nobody holds it, the member of staff who
    // takes them over (a Security Manager, say; a CIO who absorbs them is IT itself, which absorbed-duties reports).
    const holdersOfRole = team.byRole.get('ciso') ?? [];
    const acting = holdersOfRole.length > 0 ? [] : carriersOf(team, coverage, 'ciso.strategy').filter((m) => !isExternal(m) && !m.roles.includes('cio'));
    for (const ciso of [...holdersOfRole, ...acting]) {
      // How the finding names the person: the CISO role, or the CISO's duties nobody else holds.
      const holds = ciso.roles.includes('ciso') ? 'holds the CISO role' : "carries the CISO's duties (nobody holds the CISO role)";
      // Holding IT operations oneself puts security under the operations it oversees as surely as reporting to them.
      if (!isExternal(ciso) && ciso.roles.includes('it-operations-manager')) {
        problems.push({
          ...atMember(ciso),
          role: 'ciso',
          members: [ciso.id],
          severity: size === 'small' ? 'info' : 'warning',
          message: `${who(ciso)} ${ciso.roles.includes('ciso') ? 'holds both the CISO and the IT Operations Manager roles' : `${holds} and also holds the IT Operations Manager role`}: security then oversees the operations it runs itself${size === 'small' ? '; common at this size, so keep the two apart by other means (an independent review of changes, a report to the executive level)' : '; give IT operations or the CISO role to someone else, reporting to the executive level'}`,
        });
        continue;
      }
      const boss = manager(team, ciso);
      if (!boss || boss === ciso || boss.roles.includes('ciso')) continue;
      if (boss.roles.includes('it-operations-manager')) {
        problems.push({
          ...atMember(ciso),
          role: 'ciso',
          members: [ciso.id, boss.id],
          severity: size === 'small' ? 'info' : 'warning',
          // A provider's reportsTo names who owns its contract: the same concern, in the words that fit.
          message: isExternal(ciso)
            ? `${who(ciso)} holds the CISO role under a contract owned by ${who(boss)}, the IT Operations Manager: security then answers to the operations it oversees; let the contract be owned at the executive level`
            : `${who(ciso)} ${holds} and reports to ${who(boss)}, the IT Operations Manager: security then reports to the operations it oversees; let ${ciso.roles.includes('ciso') ? 'the CISO' : 'the security lead'} report to the executive level`,
        });
      } else if (boss.roles.includes('cio')) {
        const severity = TO_CIO[size];
        if (!severity) continue;
        problems.push({
          ...atMember(ciso),
          role: 'ciso',
          members: [ciso.id, boss.id],
          severity,
          message: `${who(ciso)} ${holds} and reports to ${who(boss)}, the CIO: common and lawful, but the CISO judges the systems the CIO runs${size === 'enterprise' ? '; at enterprise size, a line to the CEO or the board keeps security independent' : ''}`,
        });
      }
    }
    return problems;
  },
};
