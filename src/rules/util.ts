/** Small helpers the rules share: where findings point and how people are named. */
import { findRole, type RoleId } from '../catalog/index.js';
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

/** Names to put in a message: up to ten, then the first eight and a count (the finding's JSON lists them all). */
export function names(team: Team, ids: readonly string[]): string {
  const name = (id: string) => team.memberById.get(id)?.name ?? id;
  if (ids.length <= 10) return ids.map(name).join(', ');
  return `${ids.slice(0, 8).map(name).join(', ')} and ${ids.length - 8} more`;
}

const entriesById = new WeakMap<readonly CoverageEntry[], Map<string, CoverageEntry>>();

/** The coverage entry of a duty, indexed once per coverage. */
export function entryOf(coverage: readonly CoverageEntry[], responsibility: string): CoverageEntry | undefined {
  let index = entriesById.get(coverage);
  if (!index) {
    index = new Map(coverage.map((e) => [e.responsibility, e]));
    entriesById.set(coverage, index);
  }
  return index.get(responsibility);
}

/** Coverage entries of one role, in catalog order. */
export function entriesOfRole(coverage: readonly CoverageEntry[], role: RoleId): CoverageEntry[] {
  return coverage.filter((e) => e.role === role);
}

/** Members who carry a duty (credited or absorbing), from the coverage. */
export function carriersOf(team: Team, coverage: readonly CoverageEntry[], responsibility: string): Member[] {
  const entry = entryOf(coverage, responsibility);
  if (!entry || (entry.status !== 'covered' && entry.status !== 'absorbed' && entry.status !== 'external')) return [];
  return entry.members.map((id) => team.memberById.get(id)).filter((m): m is Member => m !== undefined);
}

/** A list in words: "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The duty part of a responsibility id: "ciso.strategy" -> "strategy". */
export function dutyName(responsibility: string): string {
  return responsibility.slice(responsibility.indexOf('.') + 1);
}

/** A role as people read it in a sentence: its title, then its id for the file: "Chief Information Security Officer (ciso)". */
export function roleLabel(id: string): string {
  const role = findRole(id);
  return role ? `${role.title} (${id})` : id;
}

/** "; its open position x is not filled yet", where the file lists one for the role: the gap stays until it is filled. */
export function openPosition(team: Team, role: string): string {
  const ids = team.vacancies.filter((v) => v.roles.includes(role)).map((v) => v.id);
  if (ids.length === 0) return '';
  return `; its open ${ids.length === 1 ? 'position' : 'positions'} ${list(ids)} ${ids.length === 1 ? 'is' : 'are'} not filled yet`;
}

/** Whether the member holds a role of IT (the catalog's `area: 'it'`: the CIO, IT operations, administrators, system analysts). */
export function holdsItRole(member: Member): boolean {
  return member.roles.some((r) => findRole(r)?.area === 'it');
}
