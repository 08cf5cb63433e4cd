/** The part of the typed team that reports show, as plain data. */
import { catalogTitle } from '../catalog/index.js';
import type { TeamSummary } from '../findings.js';
import type { Team } from './team.js';

export function summarizeTeam(team: Team): TeamSummary {
  const { name, employees, size, soc, monitoring, seats, response, scope, maturity } = team.organization;
  return {
    organization: { name, employees, size, soc, monitoring, seats, response, scope, ...(maturity !== undefined ? { maturity } : {}) },
    ...(team.customRoles.length > 0
      ? { roles: team.customRoles.map((r) => ({ id: r.id, title: r.title, duties: [...r.duties], nice: [...r.nice], ...(r.description !== undefined ? { description: r.description } : {}) })) }
      : {}),
    members: team.members.map((m) => ({
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
    })),
  };
}

/** A role's title for people: the catalog's, or the file's own role's, or the id itself. */
export function roleTitle(id: string, team?: Pick<TeamSummary, 'roles'>): string {
  return catalogTitle(id) ?? team?.roles?.find((r) => r.id === id)?.title ?? id;
}
