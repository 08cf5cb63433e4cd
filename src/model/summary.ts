/** The part of the typed team that reports show, as plain data. */
import { catalogTitle, findSpecialist } from '../catalog/index.js';
import type { CoverageEntry, TeamSummary } from '../findings.js';
import type { Team } from './team.js';

export function summarizeTeam(team: Team): TeamSummary {
  const { name, employees, size, soc, monitoring, seats, response, scope, maturity } = team.organization;
  return {
    organization: { name, employees, size, soc, monitoring, seats, response, scope, ...(maturity !== undefined ? { maturity } : {}) },
    ...(team.customRoles.length > 0
      ? { roles: team.customRoles.map((r) => ({ id: r.id, title: r.title, duties: [...r.duties], nice: [...r.nice], ...(r.description !== undefined ? { description: r.description } : {}) })) }
      : {}),
    members: (team.vacancies.length === 0 ? team.members : [...team.members, ...team.vacancies].sort((a, b) => a.index - b.index)).map((m) => ({
      id: m.id,
      name: m.name,
      roles: [...m.roles],
      ...(m.title !== undefined ? { title: m.title } : {}),
      ...(m.reportsTo !== undefined ? { reportsTo: m.reportsTo } : {}),
      ...(m.tier !== undefined ? { tier: m.tier } : {}),
      fte: m.fte,
      ...(m.provider !== undefined ? { provider: m.provider } : {}),
      ...(m.covers !== undefined ? { covers: [...m.covers] } : {}),
      ...(m.hours !== undefined ? { hours: m.hours } : {}),
      ...(m.onCall !== undefined ? { onCall: m.onCall } : {}),
      ...(m.vacancy === true ? { vacancy: true } : {}),
    })),
  };
}

/** A role's title for people: the catalog's, or the file's own role's, or the id itself. */
export function roleTitle(id: string, team?: Pick<TeamSummary, 'roles'>): string {
  return catalogTitle(id) ?? team?.roles?.find((r) => r.id === id)?.title ?? id;
}

const rolesById = new WeakMap<TeamSummary, Map<string, readonly string[]>>();

/**
 * The title of the role through which a member is credited with a duty, when
 * that is a specialist or an own role rather than the duty's own role (shown
 * as "name (as Title)"); undefined otherwise.
 */
export function creditedAs(team: TeamSummary | undefined, entry: CoverageEntry, memberId: string): string | undefined {
  if (!team || (entry.status !== 'covered' && entry.status !== 'external')) return undefined;
  let index = rolesById.get(team);
  if (!index) {
    index = new Map();
    for (const m of team.members) if (!index.has(m.id)) index.set(m.id, m.roles);
    rolesById.set(team, index);
  }
  const roles = index.get(memberId);
  if (!roles || roles.includes(entry.role)) return undefined;
  for (const role of roles) {
    const duties = findSpecialist(role)?.duties ?? team.roles?.find((r) => r.id === role)?.duties;
    if (duties?.includes(entry.responsibility)) return roleTitle(role, team);
  }
  return undefined;
}
