import { ROLES } from './roles.js';
import { SPECIALISTS } from './specialists.js';
import { ROLE_IDS, SIZES, type CatalogRoleId, type Citation, type Responsibility, type Role, type RoleId, type Size, type Specialist } from './types.js';

export * from './types.js';
export { ROLES } from './roles.js';
export { SPECIALISTS } from './specialists.js';
export { NICE_EDITION, NICE_WORK_ROLES, findNiceWorkRole } from './nice.js';
export * from './maturity.js';

/** Organization-size bands by number of employees (inclusive lower bound). */
export const SIZE_BANDS: readonly { size: Size; min: number; max: number | null; anchor: string }[] = [
  { size: 'small', min: 1, max: 249, anchor: 'EU SME bound: fewer than 250 staff' },
  { size: 'medium', min: 250, max: 999, anchor: 'MITRE, Ten Strategies of a World-Class Cybersecurity Operations Center (2014): below about 1,000 users and IP addresses, a security team rather than a SOC' },
  { size: 'large', min: 1000, max: 9999, anchor: 'MITRE (2022): a distributed SOC for 1,000 to 10,000 employees' },
  { size: 'enterprise', min: 10000, max: null, anchor: 'MITRE: a centralized SOC' },
];

export function sizeForEmployees(employees: number): Size {
  for (let i = SIZE_BANDS.length - 1; i >= 0; i--) {
    const band = SIZE_BANDS[i];
    if (band && employees >= band.min) return band.size;
  }
  return 'small';
}

const roleById = new Map<string, Role>(ROLES.map((r) => [r.id, r]));
const responsibilityById = new Map<string, Responsibility>(
  ROLES.flatMap((r) => r.responsibilities.map((d) => [d.id, d] as const)),
);

export function isRoleId(value: unknown): value is RoleId {
  return typeof value === 'string' && roleById.has(value);
}

export function isSize(value: unknown): value is Size {
  return typeof value === 'string' && (SIZES as readonly string[]).includes(value);
}

export function getRole(id: RoleId): Role {
  const role = roleById.get(id);
  if (!role) throw new Error(`role ${id} is missing from the catalog`);
  return role;
}

export function findRole(id: string): Role | undefined {
  return roleById.get(id);
}

const specialistById = new Map<string, Specialist>(SPECIALISTS.map((s) => [s.id, s]));

/** Every role id of the catalog, documented roles first, then specialists. */
export const CATALOG_ROLE_IDS: readonly CatalogRoleId[] = [...ROLES.map((r) => r.id), ...SPECIALISTS.map((s) => s.id)];

/** A role name written as an id would be: lower case, words joined by hyphens ("SOC Analyst" -> "soc-analyst"). */
export function asRoleId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The catalog role another name stands for, by its aliases written as ids ("soc-analyst" -> "security-analyst"). */
export const ROLE_BY_ALIAS: ReadonlyMap<string, CatalogRoleId> = new Map(
  [...ROLES, ...SPECIALISTS].flatMap((role) => (role.aliases ?? []).map((alias) => [asRoleId(alias), role.id] as const)).filter(([alias, id]) => alias !== id),
);

export function findSpecialist(id: string): Specialist | undefined {
  return specialistById.get(id);
}

export function isCatalogRoleId(value: unknown): value is CatalogRoleId {
  return typeof value === 'string' && (roleById.has(value) || specialistById.has(value));
}

/** The title of a catalog role, or undefined for an id the catalog does not know. */
export function catalogTitle(id: string): string | undefined {
  return roleById.get(id)?.title ?? specialistById.get(id)?.title;
}

export function findResponsibility(id: string): Responsibility | undefined {
  return responsibilityById.get(id);
}

export function allResponsibilities(): Responsibility[] {
  return [...responsibilityById.values()];
}

export { ROLE_IDS, SIZES };

/** Sizes in order, for "from this size up". */
export function sizeRank(size: Size): number {
  return SIZES.indexOf(size);
}

/** Whether a duty is expected in an organization of this size. */
export function dutyExpectedAt(duty: Responsibility, size: Size): boolean {
  return sizeRank(size) >= sizeRank(duty.expectedFrom);
}

/** Whether a role is expected in its own right at this size (a CISO in large and enterprise organizations). */
export function roleExpectedAt(role: Role, size: Size): boolean {
  return role.expectedRole !== undefined && sizeRank(size) >= sizeRank(role.expectedRole.from);
}
export * from './expectations.js';

/** A citation as people read it: the catalog's source as "the SecOps roles article" with its title, inferences said to be ours. */
export function citation(source: Citation): string {
  if (source.authority === 'seed') return `the SecOps roles article ("SecOps Roles and Responsibilities for Your SecOps Team", undated): ${source.note.replace(/^SecOps roles article, /, '')}`;
  if (source.authority === 'inference') return `secops-team's inference: ${source.note}`;
  return `${source.authority}: ${source.note}`;
}
