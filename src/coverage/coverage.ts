/**
 * Who carries each documented responsibility in a team: held by an internal
 * member, only by external providers, absorbed by the holders of a fallback
 * role, or by nobody. The rules and the `matrix` command read this.
 */
import { ROLES, type Responsibility, type Size } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { holders, isExternal, type Member, type Team } from '../model/team.js';

function appliesAt(size: Size, sizes: readonly Size[] | undefined): boolean {
  return sizes === undefined || sizes.includes(size);
}

const idsOf = new WeakMap<readonly Member[], string[]>();

/** Internal members first, then external ones, each in file order; once per role, as every duty of a role has the same holders. */
function ids(members: readonly Member[]): string[] {
  let list = idsOf.get(members);
  if (!list) {
    list = [...members.filter((m) => !isExternal(m)), ...members.filter(isExternal)].map((m) => m.id);
    idsOf.set(members, list);
  }
  return list;
}

function statusOf(duty: Responsibility, team: Team): CoverageEntry {
  const base = { responsibility: duty.id, role: duty.role };
  const own = holders(team, duty.role);
  if (own.length > 0) {
    const status = own.some((m) => !isExternal(m)) ? 'covered' : 'external';
    return { ...base, status, members: ids(own), via: null };
  }
  for (const fallback of duty.fallbacks) {
    if (!appliesAt(team.organization.size, fallback.sizes)) continue;
    const absorbers = holders(team, fallback.role);
    if (absorbers.length > 0) return { ...base, status: 'absorbed', members: ids(absorbers), via: fallback.role };
  }
  if (duty.socProvider && (team.organization.soc === 'outsourced' || team.organization.soc === 'hybrid')) {
    return { ...base, status: 'external', members: [], via: null };
  }
  return { ...base, status: 'uncovered', members: [], via: null };
}

export function computeCoverage(team: Team): CoverageEntry[] {
  const entries = ROLES.flatMap((role) => role.responsibilities.map((duty) => statusOf(duty, team)));
  // Reporting to the CISO makes no sense when the Security Manager is the one
  // carrying the CISO's duties, or holds both roles.
  const cisoDuty = entries.find((e) => e.role === 'ciso');
  const managers = holders(team, 'security-manager');
  const managerIsCiso =
    managers.length > 0 &&
    ((cisoDuty?.status === 'absorbed' && cisoDuty.via === 'security-manager') || managers.every((m) => m.roles.includes('ciso')));
  if (managerIsCiso) {
    const report = entries.find((e) => e.responsibility === 'security-manager.report-to-ciso');
    if (report) {
      report.status = 'not-applicable';
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
