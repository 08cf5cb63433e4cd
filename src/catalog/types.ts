/**
 * Types of the role catalog. The catalog is data: the JSON Schema, the `roles`
 * listing, `explain` and the gap rules are all derived from it.
 */

export const ROLE_IDS = [
  'ciso',
  'cio',
  'security-manager',
  'security-engineer',
  'security-analyst',
  'it-operations-manager',
  'system-administrator',
  'system-analyst',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

/**
 * The catalog's specialist roles: optional roles that larger security teams
 * staff. They have no duties of their own; each is credited with documented
 * duties of the roles above, and none is expected by size.
 */
export const SPECIALIST_IDS = [
  'threat-hunter',
  'threat-intelligence-analyst',
  'incident-responder',
  'detection-engineer',
  'vulnerability-analyst',
  'penetration-tester',
  'grc-analyst',
  'application-security-engineer',
  'cloud-security-engineer',
  'ot-security-engineer',
  'iam-engineer',
  'privacy-officer',
] as const;

export type SpecialistId = (typeof SPECIALIST_IDS)[number];

/** Any role id of the catalog: a documented role or a specialist. */
export type CatalogRoleId = RoleId | SpecialistId;

export const SIZES = ['small', 'medium', 'large', 'enterprise'] as const;
export type Size = (typeof SIZES)[number];

/** Where a statement in the catalog comes from. */
export interface Citation {
  /** Short name of the authority, e.g. "seed" or "NIST NICE v2.0.0". */
  authority: string;
  /** What the authority says, in our words, or the section it is in. */
  note: string;
}

/** A NIST NICE Framework v2.0.0 work role. */
export interface NiceWorkRole {
  id: string;
  name: string;
}

/**
 * One step in the order in which other roles take over a duty when nobody
 * holds its own role. `sizes` limits the step to some organization sizes.
 */
export interface Fallback {
  role: RoleId;
  sizes?: readonly Size[];
}

/** Whether a role belongs to the security function or to IT operations (`organization.scope`). */
export type RoleArea = 'security' | 'it';

export interface Responsibility {
  /** Stable public id: `<role>.<duty>`. */
  id: string;
  role: RoleId;
  /** A few words, used in tables. */
  title: string;
  /** One sentence, in our words. */
  summary: string;
  /**
   * Who takes the duty over, in order, when nobody is credited with it: the
   * first fallback role with a holder absorbs it.
   */
  fallbacks: readonly Fallback[];
  /** Where the fallbacks come from: the seed's words, or our inference. */
  fallbackSource: Citation;
  /**
   * When nobody is credited with the duty and no fallback takes it, it does
   * not apply (rather than being uncovered): the Security Manager's report to
   * the CISO, without a Security Manager.
   */
  lapsesWithoutHolder?: string;
  /** The smallest organization size at which the duty is expected. */
  expectedFrom: Size;
  /** Why from that size, in a few words. */
  expectedReason: string;
  /**
   * Whether a provider holding the role is credited with the duty when its
   * `covers` is absent (commonly bought), and why.
   */
  providerDefault: boolean;
  providerReason: string;
  /** A hands-on duty whose gap is an error at every size (alert monitoring, incident response). */
  critical?: boolean;
  source: Citation;
}

/** A specialist role: credited with documented duties of other roles, never expected by size. */
export interface Specialist {
  id: SpecialistId;
  title: string;
  aliases: readonly string[];
  summary: string;
  /** Responsibility ids (of the documented roles) a holder is credited with. */
  duties: readonly string[];
  /** Closest NICE v2.0.0 work roles; empty where NICE has none. */
  nice: readonly NiceWorkRole[];
  /** Why the NICE mapping is what it is (above all where it is empty). */
  niceNote: string;
  /** ENISA ECSF profiles, where one fits. */
  ecsf: readonly string[];
  area: 'security';
  source: Citation;
}

export interface Role {
  id: RoleId;
  title: string;
  aliases: readonly string[];
  summary: string;
  responsibilities: readonly Responsibility[];
  nice: readonly NiceWorkRole[];
  /** ENISA European Cybersecurity Skills Framework profiles. */
  ecsf: readonly string[];
  /** A sentence on who takes the role's duties when it is vacant. */
  fallbackNote: string;
  /** Security function or IT operations: IT roles are out of scope for `scope: security`. */
  area: RoleArea;
  /** Sizes at which the role is expected in its own right, not only its duties, and why. */
  expectedRole?: { from: Size; reason: string; authority: Citation };
  source: Citation;
}
