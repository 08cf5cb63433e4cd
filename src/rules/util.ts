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

/** Roles a member carries: held ones, plus those whose duties they absorb. */
export function carriedRoles(member: Member, coverage: readonly CoverageEntry[]): { held: RoleId[]; absorbed: RoleId[] } {
  const absorbed = new Set<RoleId>();
  for (const entry of coverage) {
    if (entry.status === 'absorbed' && entry.members.includes(member.id) && !member.roles.includes(entry.role)) absorbed.add(entry.role);
  }
  return { held: [...member.roles], absorbed: [...absorbed] };
}

/** Members who carry a duty (held or absorbed), from the coverage. */
export function carriersOf(team: Team, coverage: readonly CoverageEntry[], responsibility: string): Member[] {
  const entry = coverage.find((e) => e.responsibility === responsibility);
  if (!entry || (entry.status !== 'covered' && entry.status !== 'absorbed' && entry.status !== 'external')) return [];
  return entry.members.map((id) => team.memberById.get(id)).filter((m): m is Member => m !== undefined);
}
