/** Small helpers the rules share: where findings point and how people are named. */
import type { RoleId } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { isExternal, type Member, type Team } from '../model/team.js';
import type { Problem } from './types.js';

/** Organization-wide findings point at the `members` key. */
export const TEAM_WIDE: Pick<Problem, 'pointer' | 'anchor'> = { pointer: '/members', anchor: 'key' };

/** Findings about one member point at that member's id. */
export function atMember(member: Member): Pick<Problem, 'pointer' | 'anchor'> {
  return { pointer: `/members/${member.index}/id`, anchor: 'value' };
}

export function who(member: Member): string {
  return `${member.name} (${member.id}${isExternal(member) ? `, external: ${member.provider}` : ''})`;
}

export function names(team: Team, ids: readonly string[]): string {
  return ids.map((id) => team.memberById.get(id)?.name ?? id).join(', ');
}

const absorbedByMember = new WeakMap<readonly CoverageEntry[], Map<string, Set<RoleId>>>();

/** Roles a member carries: held ones, plus those whose duties they absorb. Indexed once per coverage. */
export function carriedRoles(member: Member, coverage: readonly CoverageEntry[]): { held: RoleId[]; absorbed: RoleId[] } {
  let index = absorbedByMember.get(coverage);
  if (!index) {
    index = new Map();
    for (const entry of coverage) {
      if (entry.status !== 'absorbed') continue;
      for (const id of entry.members) {
        const roles = index.get(id) ?? new Set<RoleId>();
        roles.add(entry.role);
        index.set(id, roles);
      }
    }
    absorbedByMember.set(coverage, index);
  }
  const absorbed = [...(index.get(member.id) ?? [])].filter((role) => !member.roles.includes(role));
  return { held: [...member.roles], absorbed };
}

/** Members who carry a duty (held or absorbed), from the coverage. */
export function carriersOf(team: Team, coverage: readonly CoverageEntry[], responsibility: string): Member[] {
  const entry = coverage.find((e) => e.responsibility === responsibility);
  if (!entry || (entry.status !== 'covered' && entry.status !== 'absorbed' && entry.status !== 'external')) return [];
  return entry.members.map((id) => team.memberById.get(id)).filter((m): m is Member => m !== undefined);
}
