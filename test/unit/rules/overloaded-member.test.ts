import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const found = (employees: number, members: string[]) => checkTeam(teamYaml({ employees }, members), { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'overloaded-member').map((f) => [f.members, f.message]);

describe('overloaded-member', () => {
  it('weighs absorbed roles by the share of duties absorbed, with the arithmetic', () => {
    // Medium (limit 3): one person holds the lead and IT roles and absorbs the CISO and the system analyst whole.
    const members = ['{id: d, name: D, roles: [security-manager, it-operations-manager, system-administrator]}', '{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}'];
    expect(found(600, members)).toEqual([
      [['d'], 'D (d) carries a load of 5.00 roles: 3 held (security-manager, it-operations-manager, system-administrator) + ciso 5/5 = 1 + system-analyst 4/4 = 1; a medium organization allows 3 per member (overloaded from 3.5)'],
    ]);
  });

  it('weighs a part-timer who carries more than one role per full-time post, and not one role part-time nor a provider', () => {
    // Medium (limit 3): a half-time Security Manager who also takes the CISO's duties.
    const rest = ['{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}', '{id: o, name: O, roles: [it-operations-manager]}', '{id: s, name: S, roles: [system-administrator, system-analyst], reportsTo: o}'];
    expect(found(600, ['{id: d, name: D, roles: [security-manager], fte: 0.5}', ...rest])).toEqual([
      [['d'], 'D (d) carries a load of 2.00 roles: 1 held (security-manager) + ciso 5/5 = 1, and works 0.5 FTE: 2.00 ÷ 0.5 = 4.00 for a full-time post; a medium organization allows 3 per member (overloaded from 3.5)'],
    ]);
    // Full-time, the same load is within the limit; one role at 0.2 FTE is a part-time post, not an overload.
    expect(found(600, ['{id: d, name: D, roles: [security-manager]}', ...rest])).toEqual([]);
    expect(found(600, ['{id: c, name: C, roles: [ciso]}', '{id: d, name: D, roles: [security-manager], fte: 0.2, reportsTo: c}', ...rest])).toEqual([]);
    // A provider's fte is its contracted share: a virtual CISO holding two roles at 0.1 is not weighed per post.
    expect(found(600, ['{id: v, name: V, roles: [ciso, security-manager], provider: Keel, fte: 0.1, reportsTo: o}', ...rest])).toEqual([]);
  });

  it('weighs a specialist role by the duties it adds to the roles held, so a label alone does not overload', () => {
    const rest = ['{id: c, name: C, roles: [ciso]}', '{id: m, name: M, roles: [security-manager], reportsTo: c}', '{id: a, name: A, roles: [security-analyst]}', '{id: o, name: O, roles: [it-operations-manager]}', '{id: s, name: S, roles: [system-administrator, system-analyst], reportsTo: o}'];
    // An IAM engineer adds one duty of its two to a Security Engineer's: 1.5 roles, 3.00 per post at 0.5 FTE,
    // within a medium organization's limit (two whole roles would be 4.00, over it).
    expect(found(600, ['{id: e, name: E, roles: [security-engineer, iam-engineer], fte: 0.5}', ...rest])).toEqual([]);
    expect(found(600, ['{id: e, name: E, roles: [security-engineer, system-administrator], fte: 0.5}', ...rest]).map(([who]) => who)).toEqual([['e']]);
    // An incident responder beside an analyst adds the engineer's incident communication: a third of a role.
    const [finding] = found(2000, ['{id: e, name: E, roles: [security-engineer]}', '{id: r, name: R, roles: [security-analyst, incident-responder, threat-hunter], fte: 0.5}', ...rest]);
    expect(finding?.[1]).toBe('R (r) carries a load of 1.33 roles: 1 held (security-analyst) + incident-responder 1/3 new duties = 0.33 + threat-hunter 0/1 new duties = 0, and works 0.5 FTE: 1.33 ÷ 0.5 = 2.67 for a full-time post; a large organization allows 2 per member (overloaded from 2.5)');
  });

  it('divides a duty among the people absorbing it: seven administrators absorbing a system analyst are not overloaded', () => {
    const admins = Array.from({ length: 7 }, (_, i) => `{id: s${i}, name: S${i}, roles: [system-administrator]}`);
    expect(found(2000, ['{id: c, name: C, roles: [ciso]}', ...admins, '{id: o, name: O, roles: [it-operations-manager]}', '{id: m, name: M, roles: [security-manager]}', '{id: a, name: A, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}'])).toEqual([]);
  });

  it.each([
    ['small, 4 roles held: within the limit', 100, 4, false],
    ['small, 5 roles held: 4 + 1 is over by a whole role', 100, 5, true],
    ['large, 2 roles held', 2000, 2, false],
    ['large, 3 roles held: over by 1', 2000, 3, true],
  ] as const)('%s', (_case, employees, count, reported) => {
    const roles = ['security-manager', 'security-analyst', 'security-engineer', 'system-administrator', 'it-operations-manager', 'system-analyst', 'ciso'];
    const held = roles.slice(0, count);
    const others = roles.slice(count).map((r, i) => `{id: x${i}, name: X${i}, roles: [${r}]}`);
    expect(found(employees, [`{id: p, name: P, roles: [${held.join(', ')}]}`, ...others]).length > 0).toBe(reported);
  });
});
