/** The part of the typed team that reports show, as plain data. */
import type { TeamSummary } from '../findings.js';
import type { Team } from './team.js';

export function summarizeTeam(team: Team): TeamSummary {
  const { name, employees, size, soc, monitoring, seats, response, scope } = team.organization;
  return {
    organization: { name, employees, size, soc, monitoring, seats, response, scope },
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
