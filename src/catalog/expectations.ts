/**
 * Roles expected in their own right, whatever their duties: every organization
 * needs a security lead, and one that runs its own IT needs someone running it.
 * A single role expected from some size (a CISO of its own in large and
 * enterprise organizations) says so in the catalog (`Role.expectedRole`).
 * Everything else is judged by duties: see `Responsibility.expectedFrom`.
 */
import type { Citation, RoleId } from './types.js';

export interface RoleGroup {
  id: 'security-lead' | 'it-runner';
  /** Any one of these roles satisfies the expectation. */
  anyOf: readonly RoleId[];
  /** What the expectation is, in words. */
  label: string;
  reason: string;
  authority: Citation;
  /** Only when the file describes IT as well as security (`organization.scope: security-and-it`). */
  itOnly: boolean;
  /** Other roles whose absence is the same cause when the group is unmet (no IT at all: no system analyst either). */
  folds: readonly RoleId[];
}

export const ROLE_GROUPS: readonly RoleGroup[] = [
  {
    id: 'security-lead',
    anyOf: ['ciso', 'cio', 'security-manager'],
    label: 'security lead (ciso, cio or security-manager)',
    reason: 'somebody must own security and answer for it, at every size',
    authority: { authority: 'seed', note: 'the CISO, or the more general CIO, defines the security position; the Security Manager carries it where there is no CISO' },
    itOnly: false,
    folds: [],
  },
  {
    id: 'it-runner',
    anyOf: ['system-administrator', 'it-operations-manager'],
    label: 'person running IT (system-administrator or it-operations-manager)',
    reason: 'an organization that runs its own IT needs somebody running it (a managed IT provider counts)',
    authority: { authority: 'seed', note: 'SecOps joins security with IT operations: the IT Operations Manager and the system administrator' },
    itOnly: true,
    folds: ['system-analyst'],
  },
];
