import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('absorbed-duties', () => {
  it("reports the source's case exactly: small, no CISO, a Security Manager", () => {
    const text = teamYaml({ employees: 120 }, ['{id: dana, name: Dana Reyes, roles: [security-manager]}', '{id: sam, name: Sam, roles: [system-administrator]}']);
    const found = ruleFindings(text, 'absorbed-duties').filter((f) => f.role === 'ciso');
    expect(found).toEqual([
      {
        severity: 'info',
        line: 6,
        column: 10,
        role: 'ciso',
        responsibility: undefined,
        members: ['dana'],
        message: 'nobody holds ciso; all 5 duties fall to Dana Reyes via security-manager',
      },
    ]);
  });

  it('names the CIO instead when one is present', () => {
    const text = teamYaml({ employees: 120 }, ['{id: dana, name: Dana Reyes, roles: [security-manager]}', '{id: lee, name: Lee Park, roles: [cio]}']);
    const found = ruleFindings(text, 'absorbed-duties').filter((f) => f.role === 'ciso');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', line: 7, column: 10, members: ['lee'], message: 'nobody holds ciso; all 5 duties fall to Lee Park via cio' });
  });

  it.each([
    ['medium', 600, 'warning'],
    ['large', 2000, 'warning'],
  ])('is a warning in a %s organization', (_size, employees, severity) => {
    const text = teamYaml({ employees }, ['{id: dana, name: Dana, roles: [security-manager]}']);
    expect(ruleFindings(text, 'absorbed-duties').find((f) => f.role === 'ciso')?.severity).toBe(severity);
  });

  it('lists partial absorption by role and says how many duties stay open', () => {
    const text = teamYaml({ employees: 120 }, ['{id: a, name: Ann, roles: [security-analyst, security-manager]}', '{id: s, name: Sid, roles: [system-administrator]}']);
    const found = ruleFindings(text, 'absorbed-duties').find((f) => f.role === 'security-engineer');
    expect(found?.members).toEqual(['a', 's']);
    expect(found?.message).toBe(
      'nobody holds security-engineer; 3 of its 7 duties fall to Ann via security-analyst (security-systems, vulnerability-mitigation); Sid via system-administrator (infrastructure-troubleshooting); 4 stay uncovered',
    );
  });

  it('says nothing when every role with duties is held', () => {
    const roles = ['ciso', 'security-manager', 'security-engineer', 'security-analyst', 'it-operations-manager', 'system-administrator', 'system-analyst'];
    const text = teamYaml({ employees: 120 }, roles.map((r, i) => `{id: m${i}, name: M, roles: [${r}]}`));
    expect(ruleFindings(text, 'absorbed-duties')).toEqual([]);
  });
});
