import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('reporting-line', () => {
  it('warns when the Security Manager does not report to the CISO', () => {
    const text = teamYaml({ employees: 600 }, ['{id: c, name: C, roles: [ciso]}', '{id: o, name: O, roles: [it-operations-manager]}', '{id: m, name: M, roles: [security-manager], reportsTo: o}']);
    expect(ruleFindings(text, 'reporting-line')).toEqual([
      { severity: 'warning', line: 8, column: 60, role: 'security-manager', responsibility: undefined, members: ['m'], message: 'M (m) is a security-manager whose reporting chain (through o) does not reach the CISO-duty holder (c) through security leads' },
    ]);
  });

  it('accepts the Security Manager reporting to a CIO who carries the CISO duties', () => {
    const text = teamYaml({ employees: 600 }, ['{id: cio, name: C, roles: [cio]}', '{id: m, name: M, roles: [security-manager], reportsTo: cio}']);
    expect(ruleFindings(text, 'reporting-line')).toEqual([]);
  });

  it('warns when an analyst chain never reaches a security lead', () => {
    const text = teamYaml({ employees: 600 }, [
      '{id: c, name: C, roles: [ciso]}',
      '{id: o, name: O, roles: [it-operations-manager]}',
      '{id: a, name: A, roles: [security-analyst], reportsTo: b}',
      '{id: b, name: B, roles: [security-analyst], reportsTo: o}',
      '{id: e, name: E, roles: [security-engineer], reportsTo: c}',
      '{id: f, name: F, roles: [security-engineer]}',
    ]);
    expect(ruleFindings(text, 'reporting-line').map((f) => [f.members, f.role, f.line])).toEqual([
      [['a'], 'security-analyst', 8],
      [['b'], 'security-analyst', 9],
    ]);
  });
});
