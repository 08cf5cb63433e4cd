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

export interface Responsibility {
  /** Stable public id: `<role>.<duty>`. */
  id: string;
  role: RoleId;
  /** A few words, used in tables. */
  title: string;
  /** One sentence, in our words. */
  summary: string;
  /** Who takes the duty over, in order, when the role has no holder. */
  fallbacks: readonly Fallback[];
  /**
   * Whether an organization's outsourced or hybrid SOC (`organization.soc`)
   * carries this duty when no member holds the role.
   */
  socProvider?: boolean;
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
  source: Citation;
}
