/**
 * Stage 3: the typed team the rules read. Built from schema-valid data only,
 * so it trusts the shapes the schema guarantees and fills in defaults.
 */
import { sizeForEmployees, type RoleId, type Size } from '../catalog/index.js';
import type { Severity } from '../findings.js';

export type SocModel = 'in-house' | 'outsourced' | 'hybrid' | 'none';
export type Monitoring = 'business-hours' | '24x7';
export type RuleSetting = Severity | 'off';
/** What the file describes: the security function only, or security and IT operations together (default). */
export type Scope = 'security' | 'security-and-it';

export interface Organization {
  name: string;
  employees: number;
  size: Size;
  /** True when `size` came from the employee count rather than the file. */
  sizeDerived: boolean;
  soc: SocModel;
  monitoring: Monitoring;
  scope: Scope;
}

export interface Member extends RawMember {
  fte: number;
  /** Position in the `members` list, for JSON pointers. */
  index: number;
}

export interface TeamException extends RawException {
  index: number;
}

export interface Team {
  organization: Organization;
  members: Member[];
  /** First member with each id (duplicates are reported, not indexed). */
  memberById: ReadonlyMap<string, Member>;
  /** Members holding each role, internal and external, in file order; built once. */
  byRole: ReadonlyMap<RoleId, readonly Member[]>;
  exceptions: TeamException[];
  rules: Readonly<Record<string, RuleSetting>>;
}

/** The raw shapes the schema guarantees. */
export interface RawMember {
  id: string;
  name: string;
  roles: RoleId[];
  title?: string;
  reportsTo?: string;
  tier?: 1 | 2 | 3;
  fte?: number;
  provider?: string;
  /** Responsibility ids of the member's roles that it is credited with; absent: all (internal) or the provider defaults. */
  covers?: string[];
}
export interface RawException {
  rule: string;
  target?: string;
  reason: string;
  approvedBy?: string;
  expires?: string;
}
export interface RawTeam {
  version: 1;
  organization: { name: string; employees: number; size?: Size; soc?: SocModel; monitoring?: Monitoring; scope?: Scope };
  members: RawMember[];
  exceptions?: RawException[];
  rules?: Record<string, RuleSetting>;
}

export function isExternal(member: Member): boolean {
  return member.provider !== undefined;
}

export function buildTeam(raw: RawTeam): Team {
  const org = raw.organization;
  const members: Member[] = raw.members.map((m, index) => ({
    id: m.id,
    name: m.name,
    roles: m.roles,
    ...(m.title !== undefined ? { title: m.title } : {}),
    ...(m.reportsTo !== undefined ? { reportsTo: m.reportsTo } : {}),
    ...(m.tier !== undefined ? { tier: m.tier } : {}),
    fte: m.fte ?? 1,
    ...(m.provider !== undefined ? { provider: m.provider } : {}),
    ...(m.covers !== undefined ? { covers: m.covers } : {}),
    index,
  }));
  const memberById = new Map<string, Member>();
  const byRole = new Map<RoleId, Member[]>();
  for (const m of members) {
    if (!memberById.has(m.id)) memberById.set(m.id, m);
    for (const role of m.roles) {
      const list = byRole.get(role);
      if (list) list.push(m);
      else byRole.set(role, [m]);
    }
  }
  return {
    organization: {
      name: org.name,
      employees: org.employees,
      size: org.size ?? sizeForEmployees(org.employees),
      sizeDerived: org.size === undefined,
      soc: org.soc ?? 'none',
      monitoring: org.monitoring ?? 'business-hours',
      scope: org.scope ?? 'security-and-it',
    },
    members,
    memberById,
    byRole,
    exceptions: (raw.exceptions ?? []).map((e, index) => ({ ...e, index })),
    rules: raw.rules ?? {},
  };
}

/** Members holding a role, internal and external. */
export function holders(team: Team, role: RoleId): readonly Member[] {
  return team.byRole.get(role) ?? [];
}
