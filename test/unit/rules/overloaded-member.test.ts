import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('overloaded-member', () => {
  it('counts absorbed roles and points at the member', () => {
    // Medium: 3 roles allowed. Dana holds two and absorbs the CISO's duties.
    const text = teamYaml({ employees: 600 }, ['{id: dana, name: Dana, roles: [security-manager, it-operations-manager]}', '{id: s, name: S, roles: [system-administrator, system-analyst]}']);
    expect(ruleFindings(text, 'overloaded-member')).toEqual([]);
    const more = teamYaml({ employees: 600 }, ['{id: dana, name: Dana, roles: [security-manager, security-analyst, security-engineer]}', '{id: s, name: S, roles: [system-administrator]}']);
    expect(ruleFindings(more, 'overloaded-member')).toEqual([
      {
        severity: 'warning',
        line: 6,
        column: 10,
        role: undefined,
        responsibility: undefined,
        members: ['dana'],
        message: 'Dana (dana) carries 4 roles (security-manager, security-analyst, security-engineer; absorbing ciso); a medium organization allows 3 per member',
      },
    ]);
  });

  it.each([
    [100, 4, false],
    [100, 5, true],
    [2000, 2, false],
    [2000, 3, true],
  ])('%i employees, %i roles: reported %s', (employees, count, reported) => {
    const roles = ['ciso', 'security-manager', 'security-engineer', 'security-analyst', 'it-operations-manager', 'system-administrator'].slice(0, count);
    const text = teamYaml({ employees }, [`{id: a, name: A, roles: [${roles.join(', ')}]}`]);
    expect(ruleFindings(text, 'overloaded-member').length > 0).toBe(reported);
  });
});
