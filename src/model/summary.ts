/** The part of the typed team that reports show, as plain data. */
import { catalogTitle, findSpecialist } from '../catalog/index.js';
import type { CoverageEntry, TeamSummary } from '../findings.js';
import type { Member, Team } from './team.js';

export function summarizeTeam(team: Team): TeamSummary {
  const { name, employees, size, soc, monitoring, seats, response, scope, maturity } = team.organization;
  return {
    organization: { name, employees, size, soc, monitoring, seats, response, scope, ...(maturity !== undefined ? { maturity } : {}) },
    ...(team.customRoles.length > 0
      ? { roles: team.customRoles.map((r) => ({ id: r.id, title: r.title, duties: [...r.duties], nice: [...r.nice], ...(r.description !== undefined ? { description: r.description } : {}) })) }
      : {}),
    members: (team.vacancies.length === 0 ? team.members : [...team.members, ...team.vacancies].sort((a, b) => a.index - b.index)).map(summaryMember),
  };
}

type SummaryMember = TeamSummary['members'][number];

/** A member as reports show it; fields set one by one, in this order (see modelMember in team.ts). */
function summaryMember(m: Member): SummaryMember {
  const out = { id: m.id, name: m.name, roles: [...m.roles] } as SummaryMember;
  if (m.title !== undefined) out.title = m.title;
  if (m.reportsTo !== undefined) out.reportsTo = m.reportsTo;
  if (m.tier !== undefined) out.tier = m.tier;
  out.fte = m.fte;
  if (m.provider !== undefined) out.provider = m.provider;
  if (m.covers !== undefined) out.covers = [...m.covers];
  if (m.hours !== undefined) out.hours = m.hours;
  if (m.onCall !== undefined) out.onCall = m.onCall;
  if (m.vacancy === true) out.vacancy = true;
  return out;
}

/** A role's title for people: the catalog's, or the file's own role's, or the id itself. */
export function roleTitle(id: string, team?: Pick<TeamSummary, 'roles'>): string {
  return catalogTitle(id) ?? team?.roles?.find((r) => r.id === id)?.title ?? id;
}

const rolesById = new WeakMap<TeamSummary, Map<string, readonly string[]>>();
// The last team asked about: a report asks about the same team hundreds of thousands of times.
let lastTeam: TeamSummary | undefined;
let lastIndex: Map<string, readonly string[]> | undefined;

/** The roles of the first member with an id, or undefined when no member has it. */
export function memberRoles(team: TeamSummary, memberId: string): readonly string[] | undefined {
  let index = team === lastTeam ? lastIndex : rolesById.get(team);
  if (!index) {
    index = new Map();
    // Set without asking first, as buildTeam does: only where an id repeats is it built again first-come.
    for (const m of team.members) index.set(m.id, m.roles);
    if (index.size !== team.members.length) {
      index.clear();
      for (const m of team.members) if (!index.has(m.id)) index.set(m.id, m.roles);
    }
    rolesById.set(team, index);
  }
  lastTeam = team;
  lastIndex = index;
  return index.get(memberId);
}

/**
 * The title of the role through which a member is credited with a duty, when
 * that is a specialist or an own role rather than the duty's own role (shown
 * as "name (as Title)"); undefined otherwise.
 */
export function creditedAs(team: TeamSummary | undefined, entry: CoverageEntry, memberId: string): string | undefined {
  if (!team || (entry.status !== 'covered' && entry.status !== 'external')) return undefined;
  const roles = memberRoles(team, memberId);
  if (!roles || roles.includes(entry.role)) return undefined;
  for (const role of roles) {
    const duties = findSpecialist(role)?.duties ?? team.roles?.find((r) => r.id === role)?.duties;
    if (duties?.includes(entry.responsibility)) return roleTitle(role, team);
  }
  return undefined;
}
