/**
 * A role nobody holds, judged by its duties: shared by `missing-role` (some
 * expected duty stays uncovered) and `absorbed-duties` (all of them are taken
 * over), so that one cause gives exactly one finding between the two.
 */
import { findResponsibility, getRole, ROLE_GROUPS, roleExpectedAt, ROLES, type RoleGroup, type RoleId } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { holders, isExternal, type Team } from '../model/team.js';
import { dutyName, names } from './util.js';


export interface Absence {
  /** The role nobody holds; undefined for a whole group (no security lead at all). */
  role?: RoleId;
  group?: RoleGroup;
  /** Expected duties nobody carries. */
  uncovered: CoverageEntry[];
  /** Duties taken over by fallback roles. */
  absorbed: CoverageEntry[];
  /** The role (or group) is expected in its own right at this size. */
  expected: boolean;
  /** For the security lead: its roles are held, but by providers only (a virtual CISO; an internal CIO beside it does not count), and nobody inside owns security. */
  externalOnly?: Team['members'];
  /**
   * For a group: expected duties of other roles, vacant or held without
   * them, that stay uncovered only because nobody in the group holds a role;
   * a holder would take them over. They are reported with the group, not
   * with their own role (missing-role) or as uncovered-responsibility.
   */
  waiting?: CoverageEntry[];
}

const cache = new WeakMap<readonly CoverageEntry[], Absence[]>();

export function absences(team: Team, coverage: readonly CoverageEntry[]): Absence[] {
  const cached = cache.get(coverage);
  if (cached) return cached;
  const size = team.organization.size;
  const byRole = new Map<RoleId, CoverageEntry[]>();
  for (const e of coverage) {
    const list = byRole.get(e.role);
    if (list) list.push(e);
    else byRole.set(e.role, [e]);
  }
  const vacant = (role: RoleId) => holders(team, role).length === 0;
  const inScope = (role: RoleId) => !(byRole.get(role) ?? []).every((e) => e.status === 'not-applicable' && e.reason === 'out-of-scope');
  const result: Absence[] = [];
  const grouped = new Set<RoleId>();
  for (const group of ROLE_GROUPS) {
    if (group.itOnly && team.organization.scope === 'security') continue;
    // Security is owned from inside: a lead's role held by providers alone leaves nobody to oversee them.
    // An internal CIO owns security only where nobody holds the CISO role (the CIO then takes its duties);
    // beside a provider CISO, the CIO runs IT, not security. (A managed IT provider does run IT: the IT group
    // counts providers.)
    const providers = group.id === 'security-lead' ? group.anyOf.flatMap((role) => holders(team, role)) : [];
    const cisoHeld = holders(team, 'ciso').length > 0;
    const owns = (m: Team['members'][number], role: RoleId) => !isExternal(m) && (role !== 'cio' || !cisoHeld);
    const externalOnly = providers.length > 0 && !group.anyOf.some((role) => holders(team, role).some((m) => owns(m, role)));
    if (!group.anyOf.every(vacant) && !externalOnly) continue;
    const roles = [...group.anyOf, ...group.folds.filter(vacant)];
    for (const role of roles) grouped.add(role);
    const entries = roles.flatMap((role) => byRole.get(role) ?? []);
    result.push({
      group,
      uncovered: entries.filter((e) => e.status === 'uncovered'),
      absorbed: entries.filter((e) => e.status === 'absorbed'),
      expected: true,
      ...(externalOnly ? { externalOnly: [...new Set(providers.filter(isExternal))] } : {}),
    });
  }
  for (const role of ROLES) {
    if (role.responsibilities.length === 0 || grouped.has(role.id) || !vacant(role.id) || !inScope(role.id)) continue;
    const entries = byRole.get(role.id) ?? [];
    result.push({
      role: role.id,
      uncovered: entries.filter((e) => e.status === 'uncovered'),
      absorbed: entries.filter((e) => e.status === 'absorbed'),
      expected: roleExpectedAt(role, size),
    });
  }
  // One cause, one finding: a duty of a vacant role that falls back to the missing group waits for the group.
  for (const gap of result) {
    if (!gap.group) continue;
    const group = new Set<RoleId>(gap.group.anyOf);
    // Critical duties (alert monitoring, incident response) stay with their own role: a lead is no fix for them.
    const waits = (e: CoverageEntry) => {
      const duty = findResponsibility(e.responsibility);
      return duty !== undefined && duty.critical !== true && duty.fallbacks.some((f) => group.has(f.role) && (f.sizes === undefined || f.sizes.includes(size)));
    };
    // Of any other role, vacant or held without the duty (uncovered-responsibility leaves these to the group).
    const own = new Set(gap.uncovered);
    const waiting = coverage.filter((e) => e.status === 'uncovered' && !own.has(e) && !group.has(e.role) && waits(e));
    if (waiting.length === 0) continue;
    gap.waiting = waiting;
    for (const other of result) {
      if (other.group || other.uncovered.length === 0) continue;
      other.uncovered = other.uncovered.filter((e) => !waiting.includes(e));
    }
  }
  cache.set(coverage, result);
  return result;
}

/** The duties a group's finding (missing-role) reports: its own uncovered ones and those waiting for it. */
export function reportedWithGroups(team: Team, coverage: readonly CoverageEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const gap of absences(team, coverage)) {
    if (!gap.group) continue;
    for (const e of gap.uncovered) ids.add(e.responsibility);
    for (const e of gap.waiting ?? []) ids.add(e.responsibility);
  }
  return ids;
}

/** "strategy, compliance to Ada Byrne (cio); threat-landscape to Dana Reyes (security-manager)". */
export function whoAbsorbsText(team: Team, absorbed: readonly CoverageEntry[]): string {
  const groups = new Map<string, { duties: string[]; members: string[]; via: RoleId | null }>();
  for (const e of absorbed) {
    const key = `${e.via ?? ''}|${e.members.join(',')}`;
    const g = groups.get(key) ?? { duties: [], members: e.members, via: e.via };
    g.duties.push(e.responsibility);
    groups.set(key, g);
  }
  const all = [...groups.values()];
  const [only] = all;
  const whole = only !== undefined && only.duties.length === getRole(absorbed[0]?.role ?? 'ciso').responsibilities.length;
  if (all.length === 1 && only) return `${names(team, only.members)}${only.via ? ` (${getRole(only.via).id})` : ''} ${only.members.length === 1 ? 'takes' : 'take'} ${whole ? `all ${only.duties.length} duties: ` : ''}${only.duties.map(dutyName).join(', ')}`;
  return all.map((g) => `${g.duties.map(dutyName).join(', ')} to ${names(team, g.members)}${g.via ? ` (${getRole(g.via).id})` : ''}`).join('; ');
}
