/**
 * Stage 3: the typed team the rules read. Built from schema-valid data only,
 * so it trusts the shapes the schema guarantees and fills in defaults.
 */
import { findRole, findSpecialist, sizeForEmployees, type RoleId, type Size } from '../catalog/index.js';
import type { Severity } from '../findings.js';

export type SocModel = 'in-house' | 'outsourced' | 'hybrid' | 'none';
export type Monitoring = 'business-hours' | 'extended' | '24x7';
/** When a provider watches alerts, at every seat: see docs/staffing.md. */
export type ProviderHours = 'business-hours' | 'off-hours' | '24x7';
export type Response = 'business-hours' | '24x7-on-call';
export type RuleSetting = Severity | 'off';
/** What the file describes: the security function only, or security and IT operations together (default). */
export type Scope = 'security' | 'security-and-it';
/** A rule's entry under `rules:`: a severity, or a mapping of severity and the rule's options. */
export type RawRuleSetting = RuleSetting | ({ severity?: RuleSetting } & Record<string, number | RuleSetting | undefined>);

export interface Organization {
  name: string;
  employees: number;
  size: Size;
  /** True when `size` came from the employee count rather than the file. */
  sizeDerived: boolean;
  soc: SocModel;
  monitoring: Monitoring;
  /** True when the file does not set `monitoring` and business hours are assumed. */
  monitoringAssumed?: true;
  scope: Scope;
  /** Analysts on duty at once during monitoring hours. */
  seats: number;
  response: Response;
  /** `organization.maturity`, 0 to 5 (SOC-CMM / CMMI scale); undefined when the file does not say. */
  maturity?: number;
}

/** A role the team file declares under `roles:`, credited with exactly its `duties`. */
export interface CustomRole {
  id: string;
  title: string;
  duties: readonly string[];
  nice: readonly string[];
  description?: string;
  /** Position in the `roles` list, for JSON pointers. */
  index: number;
}

export interface Member extends RawMember {
  fte: number;
  /** Position in the `members` list, for JSON pointers. */
  index: number;
}

export interface TeamException extends RawException {
  index: number;
}

/** Whether an exception still applies on `today` (YYYY-MM-DD): it has no expiry, or expires today or later. */
export function isLive(exception: Pick<RawException, 'expires'>, today: string): boolean {
  return exception.expires === undefined || exception.expires >= today;
}

export interface Team {
  organization: Organization;
  /** The members who count: everyone in the file except open positions. */
  members: Member[];
  /**
   * Open positions (`vacancy: true`), in file order: listed in every output,
   * but they cover nothing, lead nobody and are nobody's single point of failure.
   */
  vacancies: Member[];
  /** First member with each id (duplicates are reported, not indexed); open positions are not in it. */
  memberById: ReadonlyMap<string, Member>;
  /** Members holding each role (catalog or the file's own), internal and external, in file order; built once. */
  byRole: ReadonlyMap<string, readonly Member[]>;
  /** The file's own roles (`roles:`), in file order. */
  customRoles: readonly CustomRole[];
  /** The first declaration of each own role id. */
  customRoleById: ReadonlyMap<string, CustomRole>;
  exceptions: TeamException[];
  rules: Readonly<Record<string, RuleSetting>>;
  /** Options set under `rules:` in the mapping form, by rule id; the schema has checked their types. */
  ruleOptions: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The raw shapes the schema guarantees. */
export interface RawMember {
  id: string;
  name: string;
  /** Catalog role ids (documented or specialist) and ids of the file's own roles. */
  roles: string[];
  title?: string;
  reportsTo?: string;
  tier?: 1 | 2 | 3;
  fte?: number;
  provider?: string;
  /** Responsibility ids of the member's roles that it is credited with; absent: all (internal) or the provider defaults. */
  covers?: string[];
  /** Providers only (the schema requires `provider`). */
  hours?: ProviderHours;
  onCall?: boolean;
  /** An approved position not yet filled: it counts for nothing in coverage and rules. */
  vacancy?: boolean;
}
export interface RawException {
  rule: string;
  target?: string;
  reason: string;
  approvedBy?: string;
  expires?: string;
}
export interface RawCustomRole {
  id: string;
  title: string;
  duties: string[];
  nice?: string[];
  description?: string;
}
export interface RawTeam {
  version: 1;
  organization: { name: string; employees: number; size?: Size; soc?: SocModel; monitoring?: Monitoring; seats?: number; response?: Response; scope?: Scope; maturity?: number };
  roles?: RawCustomRole[];
  members: RawMember[];
  exceptions?: RawException[];
  rules?: Record<string, RawRuleSetting>;
}

export function isExternal(member: Member): boolean {
  return member.provider !== undefined;
}

/**
 * A member as the rules read it: the fields the file sets, in this order, with
 * the defaults filled in. Set one by one rather than spread from optional
 * parts: a large team has a hundred thousand members, and each spread is an
 * object made and thrown away.
 */
function modelMember(m: RawMember, index: number): Member {
  const member = { id: m.id, name: m.name, roles: m.roles } as Member;
  if (m.title !== undefined) member.title = m.title;
  if (m.reportsTo !== undefined) member.reportsTo = m.reportsTo;
  if (m.tier !== undefined) member.tier = m.tier;
  member.fte = m.fte ?? 1;
  if (m.provider !== undefined) member.provider = m.provider;
  if (m.covers !== undefined) member.covers = m.covers;
  if (m.hours !== undefined) member.hours = m.hours;
  if (m.onCall !== undefined) member.onCall = m.onCall;
  if (m.vacancy === true) member.vacancy = true;
  member.index = index;
  return member;
}

export function buildTeam(raw: RawTeam): Team {
  const org = raw.organization;
  const members: Member[] = raw.members.map(modelMember);
  const vacancies = members.filter((m) => m.vacancy === true);
  const filled = vacancies.length === 0 ? members : members.filter((m) => m.vacancy !== true);
  const memberById = new Map<string, Member>();
  const byRole = new Map<string, Member[]>();
  for (const m of filled) {
    memberById.set(m.id, m);
    for (const role of m.roles) {
      const list = byRole.get(role);
      if (list) list.push(m);
      else byRole.set(role, [m]);
    }
  }
  // Set without asking first (a large team has 100,000 ids, and ids repeat only by mistake); where one
  // repeats, the map is built again so that the first member with the id keeps it.
  if (memberById.size !== filled.length) {
    memberById.clear();
    for (const m of filled) if (!memberById.has(m.id)) memberById.set(m.id, m);
  }
  return {
    organization: {
      name: org.name,
      employees: org.employees,
      size: org.size ?? sizeForEmployees(org.employees),
      sizeDerived: org.size === undefined,
      soc: org.soc ?? 'none',
      monitoring: org.monitoring ?? 'business-hours',
      ...(org.monitoring === undefined ? { monitoringAssumed: true as const } : {}),
      scope: org.scope ?? 'security-and-it',
      seats: org.seats ?? 1,
      response: org.response ?? 'business-hours',
      ...(org.maturity !== undefined ? { maturity: org.maturity } : {}),
    },
    members: filled,
    vacancies,
    memberById,
    byRole,
    ...customRolesOf(raw.roles ?? []),
    exceptions: (raw.exceptions ?? []).map((e, index) => ({ ...e, index })),
    ...splitRuleSettings(raw.rules ?? {}),
  };
}

/** `rules:` entries as severities (the string form, or the mapping's `severity`) and options. */
function splitRuleSettings(raw: Readonly<Record<string, RawRuleSetting>>): Pick<Team, 'rules' | 'ruleOptions'> {
  const rules: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, Record<string, number>> = {};
  for (const [id, setting] of Object.entries(raw)) {
    if (typeof setting === 'string') {
      rules[id] = setting;
      continue;
    }
    const options: Record<string, number> = {};
    for (const [key, value] of Object.entries(setting)) {
      if (key === 'severity' && typeof value === 'string') rules[id] = value;
      else if (typeof value === 'number') options[key] = value;
    }
    ruleOptions[id] = options;
  }
  return { rules, ruleOptions };
}

function customRolesOf(raw: readonly RawCustomRole[]): Pick<Team, 'customRoles' | 'customRoleById'> {
  const customRoles: CustomRole[] = raw.map((r, index) => ({
    id: r.id,
    title: r.title,
    duties: r.duties,
    nice: r.nice ?? [],
    ...(r.description !== undefined ? { description: r.description } : {}),
    index,
  }));
  const customRoleById = new Map<string, CustomRole>();
  for (const role of customRoles) if (!customRoleById.has(role.id)) customRoleById.set(role.id, role);
  return { customRoles, customRoleById };
}

/** Members holding a role, internal and external. */
export function holders(team: Team, role: RoleId | string): readonly Member[] {
  return team.byRole.get(role) ?? [];
}

/** The responsibility ids a holder of a role is credited with: a documented role's own, a specialist's or an own role's listed duties. */
export function dutiesOfRole(team: Team, role: string): readonly string[] {
  const documented = findRole(role);
  if (documented) return documented.responsibilities.map((d) => d.id);
  return findSpecialist(role)?.duties ?? team.customRoleById.get(role)?.duties ?? [];
}
