/**
 * The answers `init` collects, and the team data they turn into. A draft may
 * be half-wrong (a reporting line to someone who was dropped, a tier on a
 * member who no longer analyses); `teamFromDraft` is where it becomes a team
 * that always passes the schema and the reference checks.
 */
import { CATALOG_ROLE_IDS, ROLE_IDS, sizeForEmployees, type RoleId, type Size } from '../catalog/index.js';
import type { Monitoring, ProviderHours, RawTeam, Response, SocModel } from '../model/team.js';
import { MAX_EMPLOYEES } from '../schema/build.js';

export interface DraftMember {
  id: string;
  name: string;
  /** Catalog role ids, documented roles first, then specialists. */
  roles: string[];
  title?: string;
  tier?: 1 | 2 | 3;
  provider?: string;
  fte?: number;
  reportsTo?: string;
  /** Providers only: the monitoring hours they cover. */
  hours?: ProviderHours;
  onCall?: boolean;
  /**
   * Whether the member came from the starting point (a template, or earlier
   * answers) unchanged. Only such members keep their reporting lines: those
   * name people of the starting point, not whoever later took the same id.
   */
  fromStart: boolean;
}

export interface DraftOrganization {
  name: string;
  employees: number;
  /** Set only when it differs from the size the employee count gives. */
  size?: Size;
  soc: SocModel;
  monitoring: Monitoring;
  seats: number;
  response: Response;
}

export interface TeamDraft {
  organization: DraftOrganization;
  members: DraftMember[];
}

/** A starting point: every answer may be missing. */
export interface StartingPoint {
  organization: Partial<DraftOrganization>;
  members: DraftMember[];
  /** Where it comes from, for "as in …": "the small template", "your answers". */
  source?: string;
}

export const SOC_MODELS: readonly { value: SocModel; label: string; description: string }[] = [
  { value: 'in-house', label: 'In-house', description: 'Your own staff run the security operations center.' },
  { value: 'outsourced', label: 'Outsourced', description: 'A provider (an MSSP or MDR service) runs it for you.' },
  { value: 'hybrid', label: 'Hybrid', description: 'Your staff and a provider share the work, e.g. the provider covers nights.' },
  { value: 'none', label: 'None', description: 'No SOC: the team watches alerts as part of other work.' },
];

export const MONITORING: readonly { value: Monitoring; label: string; description: string }[] = [
  { value: 'business-hours', label: 'Business hours', description: 'Alerts are watched during working hours only.' },
  { value: 'extended', label: 'Extended', description: '12 hours a day, 7 days (84 hours a week): about 2.6 people per seat in-house.' },
  { value: '24x7', label: '24x7', description: 'Around the clock (168 hours a week): about 5.2 people per seat in-house, or a provider.' },
];

export const RESPONSES: readonly { value: Response; label: string; description: string }[] = [
  { value: 'business-hours', label: 'In business hours', description: 'Incidents are handled when the team is at work.' },
  { value: '24x7-on-call', label: '24x7 on-call rotation', description: 'People take turns answering pages at night and at weekends; about eight are needed.' },
];

export const PROVIDER_HOURS: readonly { value: ProviderHours; label: string; description: string }[] = [
  { value: 'off-hours', label: 'Off-hours', description: 'Nights and weekends: the 128 hours a week outside business hours.' },
  { value: '24x7', label: '24x7', description: 'Around the clock.' },
  { value: 'business-hours', label: 'Business hours', description: 'The 40 working hours a week.' },
];

/** The most analysts on duty at once that init accepts; the schema allows the same. */
export const MAX_SEATS = 1000;

export const TIERS: readonly { value: 1 | 2 | 3; label: string }[] = [
  { value: 1, label: 'Tier 1: triage of alerts' },
  { value: 2, label: 'Tier 2: investigation' },
  { value: 3, label: 'Tier 3: advanced response and threat hunting' },
];

/** The longest free text the schema accepts, in code points. */
export const MAX_TEXT = 200;
export const MAX_ID = 64;

const rank = (role: string) => {
  const i = (CATALOG_ROLE_IDS as readonly string[]).indexOf(role);
  return i < 0 ? CATALOG_ROLE_IDS.length : i;
};
const roleOrder = (a: string, b: string) => rank(a) - rank(b);

/** A starting point from a valid team (a template, or a team already drafted). */
export function startFromTeam(team: RawTeam, source?: string): StartingPoint {
  const org = team.organization;
  return {
    ...(source !== undefined ? { source } : {}),
    organization: {
      name: org.name,
      employees: org.employees,
      ...(org.size !== undefined && org.size !== sizeForEmployees(org.employees) ? { size: org.size } : {}),
      soc: org.soc ?? 'none',
      monitoring: org.monitoring ?? 'business-hours',
      seats: org.seats ?? 1,
      response: org.response ?? 'business-hours',
    },
    members: team.members.map((m) => ({
      id: m.id,
      name: m.name,
      roles: [...m.roles],
      ...(m.title !== undefined ? { title: m.title } : {}),
      ...(m.tier !== undefined ? { tier: m.tier } : {}),
      ...(m.provider !== undefined ? { provider: m.provider } : {}),
      ...(m.fte !== undefined ? { fte: m.fte } : {}),
      ...(m.reportsTo !== undefined ? { reportsTo: m.reportsTo } : {}),
      ...(m.hours !== undefined ? { hours: m.hours } : {}),
      ...(m.onCall !== undefined ? { onCall: m.onCall } : {}),
      fromStart: true,
    })),
  };
}

/**
 * Reporting lines, without loops: a kept member of the starting point keeps a
 * line to another kept one (not to whoever later took the same id); a person
 * entered in the wizard keeps the line they were given to someone in the team.
 */
function reportingLines(members: readonly DraftMember[]): Map<string, string> {
  const fromStart = new Set(members.filter((m) => m.fromStart).map((m) => m.id));
  const everyone = new Set(members.map((m) => m.id));
  const lines = new Map<string, string>();
  for (const m of members) {
    if (m.reportsTo === undefined || m.reportsTo === m.id || !(m.fromStart ? fromStart : everyone).has(m.reportsTo)) continue;
    // Adding m → boss must not close a loop: follow the lines already kept from the boss.
    let at: string | undefined = m.reportsTo;
    const seen = new Set<string>();
    while (at !== undefined && at !== m.id && !seen.has(at)) {
      seen.add(at);
      at = lines.get(at);
    }
    if (at !== m.id) lines.set(m.id, m.reportsTo);
  }
  return lines;
}

/**
 * The team a draft describes, in the key order the file is written in.
 * Members without a role are left out; roles follow the catalog's order.
 */
export function teamFromDraft(draft: TeamDraft): RawTeam {
  const org = draft.organization;
  const employees = Math.min(Math.max(1, Math.trunc(org.employees)), MAX_EMPLOYEES);
  const seen = new Set<string>();
  const members = draft.members.filter((m) => {
    if (m.roles.length === 0 || seen.has(m.id)) return false;
    seen.add(m.id);
    return true;
  });
  const lines = reportingLines(members);
  return {
    version: 1,
    organization: {
      name: org.name,
      employees,
      ...(org.size !== undefined && org.size !== sizeForEmployees(employees) ? { size: org.size } : {}),
      soc: org.soc,
      monitoring: org.monitoring,
      seats: Math.min(Math.max(1, Math.trunc(org.seats)), MAX_SEATS),
      response: org.response,
    },
    members: members.map((m) => {
      const roles = [...new Set(m.roles)].sort(roleOrder);
      const reportsTo = lines.get(m.id);
      return {
        id: m.id,
        name: m.name,
        ...(m.title !== undefined && m.title !== '' ? { title: m.title } : {}),
        roles,
        ...(m.tier !== undefined && roles.includes('security-analyst') ? { tier: m.tier } : {}),
        ...(m.provider !== undefined ? { provider: m.provider } : {}),
        ...(m.fte !== undefined && m.fte !== 1 ? { fte: m.fte } : {}),
        ...(m.hours !== undefined && m.provider !== undefined ? { hours: m.hours } : {}),
        ...(m.onCall === true ? { onCall: true } : {}),
        ...(reportsTo !== undefined ? { reportsTo } : {}),
      };
    }),
  };
}

/** Roles nobody in the team holds, in catalog order. */
export function vacantRoles(team: RawTeam): RoleId[] {
  const held = new Set(team.members.flatMap((m) => m.roles));
  return ROLE_IDS.filter((r) => !held.has(r));
}
