import { findRole, findSpecialist, getRole, type RoleId, type Size } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { isExternal } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { sizeTable } from './types.js';
import { atMember, who } from './util.js';
import { withArticle } from '../util/words.js';

/** Roles one person can carry at each size; overloaded from the limit + 0.5. */
export const ROLE_LIMITS: Readonly<Record<Size, number>> = { small: 4, medium: 3, large: 2, enterprise: 2 };
export const MARGIN = 0.5;

const row = (size: Size) => ({ severity: 'warning' as const, checks: `a load of ${ROLE_LIMITS[size] + MARGIN} roles or more (limit ${ROLE_LIMITS[size]} + ${MARGIN})` });
const TABLE = sizeTable({ small: row('small'), medium: row('medium'), large: row('large'), enterprise: row('enterprise') });

/** One absorbed role's share for one member: the sum over its absorbed duties of 1 / (duties of the role x people absorbing that duty). */
interface Share {
  role: RoleId;
  /** people absorbing a duty -> how many of the role's duties this person absorbs with that many. */
  byPeople: Map<number, number>;
  value: number;
}

const sharesCache = new WeakMap<readonly CoverageEntry[], Map<string, Map<RoleId, Share>>>();

/** Absorbed shares per member, built in one pass over the coverage. */
export function absorbedShares(coverage: readonly CoverageEntry[]): Map<string, Map<RoleId, Share>> {
  let index = sharesCache.get(coverage);
  if (index) return index;
  index = new Map();
  for (const entry of coverage) {
    if (entry.status !== 'absorbed') continue;
    const total = getRole(entry.role).responsibilities.length;
    const people = entry.members.length;
    for (const id of entry.members) {
      const perMember = index.get(id) ?? new Map<RoleId, Share>();
      const share = perMember.get(entry.role) ?? { role: entry.role, byPeople: new Map(), value: 0 };
      share.byPeople.set(people, (share.byPeople.get(people) ?? 0) + 1);
      share.value += 1 / (total * people);
      perMember.set(entry.role, share);
      index.set(id, perMember);
    }
  }
  sharesCache.set(coverage, index);
  return index;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

interface SpecialistShare {
  role: string;
  /** Its duties, and how many of them no catalog role the member holds already carries. */
  duties: number;
  added: number;
  value: number;
}

/** For a specialist role among `roles`: what it adds to the member's load. Undefined for a catalog or team-specific role. */
function specialistShare(roles: readonly string[], role: string): SpecialistShare | undefined {
  const specialist = findSpecialist(role);
  if (!specialist || specialist.duties.length === 0) return undefined;
  const carried = new Set(roles.flatMap((r) => findRole(r)?.responsibilities.map((d) => d.id) ?? []));
  const added = specialist.duties.filter((d) => !carried.has(d)).length;
  return { role, duties: specialist.duties.length, added, value: added / specialist.duties.length };
}

function arithmetic(share: Share): string {
  const total = getRole(share.role).responsibilities.length;
  const terms = [...share.byPeople].map(([people, count]) => `${count}/${total}${people > 1 ? ` ÷ ${people}` : ''}`);
  return `${share.role} ${terms.join(' + ')} = ${fmt(share.value)}`;
}

export const overloadedMember: Rule = {
  id: 'overloaded-member',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A member whose load (roles held plus the shares of vacant roles they absorb) exceeds what the organization size allows by half a role or more.',
    rationale:
      'NICE accepts that one job spans several work roles, and small teams depend on it; but past a few roles a person becomes a bottleneck. The load counts each role held as 1 (a specialist role, such as iam-engineer, as the share of its duties that the member\'s other roles do not already carry: a label alone adds nothing), and for each vacant role whose duties the person takes over, the share of its duties they absorb divided by the number of people absorbing each: seven administrators absorbing a system analyst\'s back-ups each carry a seventh of that duty. A part-time member (`fte` below 1) who carries more than one role\'s worth has the load divided by their share: two roles at 0.5 FTE weigh as four in a full-time post; one role part-time is what a part-time post is for, and a provider\'s share is spread over its own staff. Limits: small 4, medium 3, large and enterprise 2; a member is overloaded from the limit + 0.5.',
    authority: [
      { authority: 'NIST NICE Framework Components v2.0.0 (2025)', note: 'a single job may comprise multiple work roles' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'additional duties fall on the SOC lead in small SOCs' },
    ],
    fix: 'Move a role to another member, hire for it, or fill the vacant role whose duties the member absorbs.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 640
members:
  - id: lena
    name: Lena Fischer
    roles:
      - ciso
      - security-manager
      - security-analyst
      - security-engineer
  - id: grace
    name: Grace Kim
    roles:
      - it-operations-manager
      - system-administrator
      - system-analyst
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 640
members:
  - id: lena
    name: Lena Fischer
    roles: [ciso, security-manager]
  - id: tom
    name: Tom Ortega
    roles: [security-analyst, security-engineer]
    reportsTo: lena
  - id: grace
    name: Grace Kim
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
    const limit = ROLE_LIMITS[size];
    const shares = absorbedShares(coverage);
    const none: Share[] = [];
    for (const member of team.members) {
      // Most members of a large team absorb nothing: no lookup, no list.
      const own = shares.size === 0 ? undefined : shares.get(member.id);
      const absorbed = own === undefined ? none : [...own.values()].filter((s) => !member.roles.includes(s.role));
      // A specialist role (iam-engineer beside security-engineer, say) weighs what it adds: the share of its duties
      // that the member's catalog roles do not already carry. Alone it is a whole role.
      const specialists = member.roles.map((r) => specialistShare(member.roles, r)).filter((x): x is SpecialistShare => x !== undefined);
      const whole = member.roles.length - specialists.length;
      const held = whole + specialists.reduce((sum, x) => sum + x.value, 0);
      const load = held + absorbed.reduce((sum, s) => sum + s.value, 0);
      // A part-timer who carries more than one role's worth does it in part of a week: the load is
      // weighed per full-time post. One role part-time is what a part-time post is for; a provider's
      // fte is its contracted share, spread over its own staff.
      const scaled = !isExternal(member) && member.fte < 1 && load > 1;
      const weighed = scaled ? load / member.fte : load;
      if (weighed + 1e-9 < limit + MARGIN) continue; // sums of fractions: 4.5 may come out as 4.4999…
      const heldRoles = member.roles.filter((r) => !specialists.some((x) => x.role === r));
      const parts = [
        ...(heldRoles.length > 0 || specialists.length === 0 ? [`${heldRoles.length} held (${heldRoles.join(', ')})`] : []),
        ...specialists.map((x) => `${x.role} ${x.added}/${x.duties} new duties = ${fmt(x.value)}`),
        ...absorbed.map(arithmetic),
      ];
      const perPost = scaled ? `, and works ${member.fte} FTE: ${load.toFixed(2)} ÷ ${member.fte} = ${weighed.toFixed(2)} for a full-time post` : '';
      problems.push({
        ...atMember(member),
        members: [member.id],
        message: `${who(member)} carries a load of ${load.toFixed(2)} roles: ${parts.join(' + ')}${perPost}; ${withArticle(size)} organization allows ${limit} per member (overloaded from ${limit + MARGIN})`,
      });
    }
    return problems;
  },
};
