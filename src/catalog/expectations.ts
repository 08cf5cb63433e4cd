/**
 * Which roles an organization of each size is expected to fill. Small
 * organizations need two essentials, each of which several roles can satisfy;
 * larger ones are expected to have more of the documented roles in their own
 * right.
 */
import type { RoleId, Size } from './types.js';

export interface Expectation {
  /** Any one of these roles satisfies the expectation. */
  anyOf: readonly RoleId[];
  /** What the expectation is, in words: "security lead (...)". */
  label: string;
  /** Essentials are errors at every size. */
  essential: boolean;
}

const SECURITY_LEAD: Expectation = { anyOf: ['ciso', 'cio', 'security-manager'], label: 'security lead (ciso, cio or security-manager)', essential: true };
const IT_RUNNER: Expectation = { anyOf: ['system-administrator', 'it-operations-manager'], label: 'person running IT (system-administrator or it-operations-manager)', essential: true };

const single = (role: RoleId): Expectation => ({ anyOf: [role], label: role, essential: false });

const MEDIUM: readonly RoleId[] = ['security-manager', 'security-analyst', 'security-engineer', 'system-administrator', 'it-operations-manager'];
const ALL_SEVEN: readonly RoleId[] = ['ciso', 'security-manager', 'security-engineer', 'security-analyst', 'it-operations-manager', 'system-administrator', 'system-analyst'];

export const EXPECTATIONS: Readonly<Record<Size, readonly Expectation[]>> = {
  small: [SECURITY_LEAD, IT_RUNNER],
  medium: [SECURITY_LEAD, IT_RUNNER, ...MEDIUM.map(single)],
  // The seven documented roles include a lead and IT; the essentials would only repeat them.
  large: ALL_SEVEN.map(single),
  enterprise: ALL_SEVEN.map(single),
};

/** Whether a role is expected (alone or as one of a group) at this size. */
export function isExpected(role: RoleId, size: Size): boolean {
  return EXPECTATIONS[size].some((e) => e.anyOf.includes(role));
}
