import { describe, expect, it } from 'vitest';
import { cisoIndependence } from '../../../src/rules/ciso-independence.js';
import { ruleFindings, teamYaml } from '../../helpers.js';

const team = (employees: number, boss: string) =>
  teamYaml({ employees }, [
    `{id: b, name: Boss, roles: [${boss}]}`,
    '{id: c, name: Cara, roles: [ciso], reportsTo: b}',
    '{id: m, name: M, roles: [security-manager], reportsTo: c}',
    '{id: a, name: A, roles: [security-analyst], reportsTo: m}',
    '{id: s, name: S, roles: [system-administrator]}',
  ]);

const brief = (text: string) => ruleFindings(text, 'ciso-independence').map(({ severity, line, column, role, members }) => ({ severity, line, column, role, members }));
const at = (severity: string) => [{ severity, line: 7, column: 10, role: 'ciso', members: ['c', 'b'] }];

describe('ciso-independence', () => {
  it.each([
    // The supervisors set no size floor for the line into IT operations.
    { size: 'small', employees: 100, boss: 'it-operations-manager', expected: at('info') },
    { size: 'medium', employees: 500, boss: 'it-operations-manager', expected: at('warning') },
    { size: 'large', employees: 5000, boss: 'it-operations-manager', expected: at('warning') },
    { size: 'enterprise', employees: 20000, boss: 'it-operations-manager', expected: at('warning') },
    { size: 'small', employees: 100, boss: 'cio', expected: [] },
    { size: 'medium', employees: 500, boss: 'cio', expected: [] },
    { size: 'large', employees: 5000, boss: 'cio', expected: at('info') },
    { size: 'enterprise', employees: 20000, boss: 'cio', expected: at('warning') },
    { size: 'enterprise', employees: 20000, boss: 'security-engineer', expected: [] },
  ])('a CISO reporting to the $boss in a $size organization', ({ employees, boss, expected }) => {
    expect(brief(team(employees, boss))).toEqual(expected);
  });

  it('never reports an error, and says the CIO line is common and lawful', () => {
    expect(Object.values(cisoIndependence.severity)).not.toContain('error');
    expect(cisoIndependence.docs.rationale).toMatch(/common and lawful/);
    expect(cisoIndependence.docs.sizes?.small).toMatch(/IT Operations Manager, or holding that role too \(info\)/);
    const [finding] = ruleFindings(team(5000, 'cio'), 'ciso-independence');
    expect(finding?.message).toBe('Cara (c) holds the CISO role and reports to Boss (b), the CIO: common and lawful, but the CISO judges the systems the CIO runs');
  });

  it('is quiet for a CISO who reports to the board (no reportsTo) or to another CISO holder', () => {
    expect(brief(teamYaml({ employees: 20000 }, ['{id: c, name: C, roles: [ciso]}', '{id: s, name: S, roles: [system-administrator], reportsTo: c}']))).toEqual([]);
    expect(brief(teamYaml({ employees: 20000 }, ['{id: g, name: G, roles: [ciso, cio]}', '{id: c, name: C, roles: [ciso], reportsTo: g}', '{id: s, name: S, roles: [system-administrator]}']))).toEqual([]);
  });

  it('reports a CISO who is also the IT Operations Manager, as it reports one who reports to it', () => {
    const both = (employees: number) => teamYaml({ employees }, ['{id: c, name: Cara, roles: [ciso, it-operations-manager]}', '{id: a, name: A, roles: [security-analyst], reportsTo: c}', '{id: s, name: S, roles: [system-administrator], reportsTo: c}']);
    expect(ruleFindings(both(100), 'ciso-independence').map((f) => f.severity)).toEqual(['info']);
    const [finding] = ruleFindings(both(500), 'ciso-independence');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe('Cara (c) holds both the CISO and the IT Operations Manager roles: security then oversees the operations it runs itself; give IT operations or the CISO role to someone else, reporting to the executive level');
  });

  it('words a provider CISO whose contract IT operations owns as a contract, not a reporting line', () => {
    const text = teamYaml({ employees: 20000 }, ['{id: o, name: Ida, roles: [it-operations-manager]}', '{id: v, name: Virtual CISO, roles: [ciso], provider: CisoCo, reportsTo: o}', '{id: m, name: M, roles: [security-manager], reportsTo: o}', '{id: s, name: S, roles: [system-administrator], reportsTo: o}']);
    expect(ruleFindings(text, 'ciso-independence').map((f) => f.message)).toEqual([
      'Virtual CISO (v, external: CisoCo) holds the CISO role under a contract owned by Ida (o), the IT Operations Manager: security then answers to the operations it oversees; let the contract be owned at the executive level',
    ]);
  });

  it('judges whoever carries the CISO duties where nobody holds the role, not a CIO who absorbs them', () => {
    const members = (line: string) => [
      '{id: o, name: Ida, roles: [it-operations-manager]}',
      `{id: m, name: Jon, roles: [security-manager]${line}}`,
      '{id: a, name: A, roles: [security-analyst], reportsTo: m}',
      '{id: s, name: S, roles: [system-administrator], reportsTo: o}',
    ];
    expect(ruleFindings(teamYaml({ employees: 380 }, members(', reportsTo: o')), 'ciso-independence')).toMatchObject([
      {
        severity: 'warning',
        role: 'ciso',
        members: ['m', 'o'],
        message: "Jon (m) carries the CISO's duties (nobody holds the CISO role) and reports to Ida (o), the IT Operations Manager: security then reports to the operations it oversees; let the security lead report to the executive level",
      },
    ]);
    expect(ruleFindings(teamYaml({ employees: 380 }, members('')), 'ciso-independence')).toEqual([]);
    // One person running both, in a small firm: an info, as for a CISO.
    const both = teamYaml({ employees: 90 }, ['{id: m, name: Mark, roles: [security-manager, it-operations-manager]}', '{id: s, name: S, roles: [system-administrator], reportsTo: m}']);
    expect(ruleFindings(both, 'ciso-independence')).toMatchObject([
      { severity: 'info', message: expect.stringMatching(/^Mark \(m\) carries the CISO's duties \(nobody holds the CISO role\) and also holds the IT Operations Manager role: /) },
    ]);
    // A CIO who absorbs them is IT already: absorbed-duties reports that, not this rule.
    const cio = teamYaml({ employees: 380 }, ['{id: c, name: C, roles: [cio]}', '{id: o, name: O, roles: [it-operations-manager], reportsTo: c}', '{id: m, name: M, roles: [security-manager], reportsTo: c}']);
    expect(ruleFindings(cio, 'ciso-independence')).toEqual([]);
  });
});
