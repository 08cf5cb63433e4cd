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
    expect(cisoIndependence.docs.sizes?.small).toMatch(/IT Operations Manager \(info\)/);
    const [finding] = ruleFindings(team(5000, 'cio'), 'ciso-independence');
    expect(finding?.message).toBe('Cara (c) holds the CISO role and reports to Boss (b), the CIO: common and lawful, but the CISO judges the systems the CIO runs');
  });

  it('is quiet for a CISO who reports to the board (no reportsTo) or to another CISO holder', () => {
    expect(brief(teamYaml({ employees: 20000 }, ['{id: c, name: C, roles: [ciso]}', '{id: s, name: S, roles: [system-administrator], reportsTo: c}']))).toEqual([]);
    expect(brief(teamYaml({ employees: 20000 }, ['{id: g, name: G, roles: [ciso, cio]}', '{id: c, name: C, roles: [ciso], reportsTo: g}', '{id: s, name: S, roles: [system-administrator]}']))).toEqual([]);
  });
});
