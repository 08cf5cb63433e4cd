/**
 * Who carries each documented responsibility in a team. The rules and the
 * `matrix` command read this; both therefore agree.
 *
 * A member is credited with a duty when it holds the duty's role and
 *   - its `covers` lists the duty, or
 *   - it has no `covers` and is internal, or
 *   - it has no `covers`, is a provider, and the catalog credits providers
 *     with the duty by default (`providerDefault`).
 * Status, in order:
 *   - `not-applicable` (`out-of-scope`): an IT role nobody holds, in a file
 *     with `organization.scope: security`;
 *   - `covered`: an internal member is credited; `external`: only providers are;
 *   - `absorbed`: nobody is credited, and the holders of the first fallback
 *     role with a willing holder take it over (whoever holds the duty's own
 *     role: a provider not contracted for it, or a member whose `covers`
 *     leaves it out). A fallback holder absorbs when it is internal and has
 *     no `covers`; a provider never absorbs;
 *   - `not-applicable` (`not-meaningful`): a duty that lapses without a holder
 *     (the report to the CISO without a Security Manager), or when the
 *     Security Manager is the one carrying the CISO's duties;
 *   - `not-applicable` (`not-expected`): nobody carries it and the catalog does
 *     not expect it at this size;
 *   - `uncovered`: an expected duty nobody carries.
 * Holders of a specialist role, or of one of the file's own roles (`roles:`),
 * are credited like holders of the duty's role with the duties that role
 * lists: never with more, and `covers` still narrows them. They do not
 * absorb other duties.
 * Each duty looks only at the holders of its own, its crediting and its
 * fallback roles, so the work is linear in the members.
 */
import { dutyExpectedAt, findResponsibility, findRole, ROLES, SPECIALISTS, type Responsibility, type RoleId, type Size } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { dutiesOfRole, holders, isExternal, type Member, type Team } from '../model/team.js';

function appliesAt(size: Size, sizes: readonly Size[] | undefined): boolean {
  return sizes === undefined || sizes.includes(size);
}

const coversOf = new WeakMap<Member, ReadonlySet<string> | null>();

/**
 * The duties a member's `covers` narrows it to, or undefined where it does not
 * narrow. Entries that belong to none of the member's roles are left out:
 * `covers-outside-roles` reports them, and one mistyped entry must not strip a
 * person of every duty of every role it holds (a cascade of false gaps). A
 * `covers` with no entry of the member's own roles narrows nothing.
 */
function covers(member: Member, team: Team): ReadonlySet<string> | undefined {
  if (member.covers === undefined) return undefined;
  let set = coversOf.get(member);
  if (set === undefined) {
    // A member's own duties: its documented roles', and those its specialist or own roles list.
    const listed = new Set(member.roles.flatMap((r) => (findRole(r) ? [] : dutiesOfRole(team, r))));
    const own = member.covers.filter((id) => {
      const role = findResponsibility(id)?.role;
      return (role !== undefined && member.roles.includes(role)) || listed.has(id);
    });
    set = own.length > 0 ? new Set(own) : null;
    coversOf.set(member, set);
  }
  return set ?? undefined;
}

/** Whether a member holding the duty's role is credited with it. */
export function isCredited(member: Member, duty: Responsibility, team: Team): boolean {
  const list = covers(member, team);
  if (list !== undefined) return list.has(duty.id);
  return !isExternal(member) || duty.providerDefault;
}

/**
 * Whether a holder of a fallback role takes the duty over: an internal member
 * whose `covers` does not narrow its share. A provider never does: it is
 * credited with what it is contracted for (`covers`, or its own role's
 * defaults), and a managed SOC is not thereby contracted to build the
 * security systems of a missing engineer.
 */
export function takesOver(member: Member, team: Team): boolean {
  return covers(member, team) === undefined && !isExternal(member);
}

/** Internal members first, then external ones, each in file order. */
function ordered(members: readonly Member[]): string[] {
  const ids: string[] = [];
  for (const m of members) if (!isExternal(m)) ids.push(m.id);
  for (const m of members) if (isExternal(m)) ids.push(m.id);
  return ids;
}

/** Roles other than a duty's own whose holders are credited with it: specialists and the file's own roles, by duty id. */
export function creditingRoles(team: Team): Map<string, string[]> {
  const byDuty = new Map<string, string[]>();
  const add = (role: string, duties: readonly string[]) => {
    for (const duty of duties) {
      const list = byDuty.get(duty);
      if (list) list.push(role);
      else byDuty.set(duty, [role]);
    }
  };
  for (const specialist of SPECIALISTS) add(specialist.id, specialist.duties);
  for (const role of team.customRoleById.values()) add(role.id, role.duties);
  return byDuty;
}

/**
 * What the duties of one role share, within one computeCoverage: where no
 * holder of the role narrows its duties with `covers`, every duty of the role
 * with the same `providerDefault` is credited to the same holders, and a role
 * of a large team has tens of thousands of them.
 */
interface Shared {
  /** Holders credited, by role and providerDefault, for roles whose holders have no `covers`. */
  credited: Map<string, readonly Member[]>;
  /** The ids of a list of credited members, in `ordered` order. */
  ids: Map<readonly Member[], readonly string[]>;
}

function ownCredited(duty: Responsibility, team: Team, shared: Shared): readonly Member[] {
  const all = holders(team, duty.role);
  const key = `${duty.role}\u0000${duty.providerDefault}`;
  const known = shared.credited.get(key);
  if (known !== undefined) return known;
  const own = all.filter((m) => isCredited(m, duty, team));
  // With `covers` somewhere among the holders, what each is credited with depends on the duty itself.
  if (!all.some((m) => m.covers !== undefined)) shared.credited.set(key, own);
  return own;
}

function creditedMembers(duty: Responsibility, team: Team, extra: readonly string[] | undefined, shared: Shared): readonly Member[] {
  const own = ownCredited(duty, team, shared);
  if (extra === undefined || extra.every((role) => holders(team, role).length === 0)) return own;
  const seen = new Set(own);
  for (const role of extra) for (const m of holders(team, role)) if (!seen.has(m) && isCredited(m, duty, team)) seen.add(m);
  return seen.size === own.length ? own : [...seen].sort((a, b) => a.index - b.index);
}

/** `ordered(members)`, computed once per list and copied for each entry: entries never share an array. */
function orderedIds(members: readonly Member[], shared: Shared): string[] {
  let ids = shared.ids.get(members);
  if (ids === undefined) {
    ids = ordered(members);
    shared.ids.set(members, ids);
  }
  return ids.slice();
}

function statusOf(duty: Responsibility, team: Team, itOutOfScope: ReadonlySet<RoleId>, extra: readonly string[] | undefined, shared: Shared): CoverageEntry {
  const base = { responsibility: duty.id, role: duty.role };
  if (itOutOfScope.has(duty.role)) return { ...base, status: 'not-applicable', members: [], via: null, reason: 'out-of-scope' };
  const credited = creditedMembers(duty, team, extra, shared);
  if (credited.length > 0) {
    const status = credited.some((m) => !isExternal(m)) ? 'covered' : 'external';
    return { ...base, status, members: orderedIds(credited, shared), via: null };
  }
  const size = team.organization.size;
  for (const fallback of duty.fallbacks) {
    if (!appliesAt(size, fallback.sizes)) continue;
    const absorbers = holders(team, fallback.role).filter((m) => takesOver(m, team));
    if (absorbers.length > 0) return { ...base, status: 'absorbed', members: ordered(absorbers), via: fallback.role };
  }
  if (duty.lapsesWithoutHolder !== undefined) return { ...base, status: 'not-applicable', members: [], via: null, reason: 'not-meaningful' };
  if (!dutyExpectedAt(duty, size)) return { ...base, status: 'not-applicable', members: [], via: null, reason: 'not-expected' };
  return { ...base, status: 'uncovered', members: [], via: null };
}

export function computeCoverage(team: Team): CoverageEntry[] {
  const itOutOfScope = new Set<RoleId>();
  if (team.organization.scope === 'security') {
    for (const role of ROLES) if (role.area === 'it' && holders(team, role.id).length === 0) itOutOfScope.add(role.id);
  }
  const extra = creditingRoles(team);
  const shared: Shared = { credited: new Map(), ids: new Map() };
  const entries = ROLES.flatMap((role) => role.responsibilities.map((duty) => statusOf(duty, team, itOutOfScope, extra.get(duty.id), shared)));
  // Reporting to the CISO makes no sense when the Security Managers are the
  // only ones carrying the CISO's duties (absorbed, or both roles held).
  const report = entries.find((e) => e.responsibility === 'security-manager.report-to-ciso');
  const strategy = entries.find((e) => e.responsibility === 'ciso.strategy');
  if (report && strategy && report.members.length > 0 && strategy.members.length > 0) {
    const managers = new Set(report.members);
    if (strategy.members.every((id) => managers.has(id))) {
      report.status = 'not-applicable';
      report.members = [];
      report.via = null;
      report.reason = 'not-meaningful';
    }
  }
  return entries;
}

/** Counts of each status, for summaries. */
export function coverageCounts(entries: readonly CoverageEntry[]): Record<CoverageEntry['status'], number> {
  const counts = { covered: 0, external: 0, absorbed: 0, uncovered: 0, 'not-applicable': 0 };
  for (const e of entries) counts[e.status]++;
  return counts;
}
