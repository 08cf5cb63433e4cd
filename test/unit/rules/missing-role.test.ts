import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const ALL = ['ciso', 'security-manager', 'security-engineer', 'security-analyst', 'it-operations-manager', 'system-administrator', 'system-analyst'];
const team = (employees: number, roles: string[]) => teamYaml({ employees }, roles.map((r, i) => `{id: m${i}, name: M${i}, roles: [${r}]}`));
const brief = (text: string) => ruleFindings(text, 'missing-role').map(({ severity, line, column, role, message }) => ({ severity, line, column, role, message }));

describe('missing-role', () => {
  it.each([
    ['small, no security lead', team(100, ['system-administrator']), [{ severity: 'error', line: 5, column: 1, role: undefined, message: 'no member is a security lead (ciso, cio or security-manager); every organization needs one' }]],
    ['small, nobody running IT', team(100, ['security-manager']), [{ severity: 'error', line: 5, column: 1, role: undefined, message: 'no member is a person running IT (system-administrator or it-operations-manager); every organization needs one' }]],
    ['small, a CIO as lead and an IT operations manager', team(100, ['cio', 'it-operations-manager']), []],
    ['medium, no engineer', team(600, ['security-manager', 'security-analyst', 'system-administrator', 'it-operations-manager']), [{ severity: 'warning', line: 5, column: 1, role: 'security-engineer', message: 'no member holds security-engineer: a medium organization is expected to have one' }]],
    ['large, no system analyst', team(2000, ALL.filter((r) => r !== 'system-analyst')), [{ severity: 'error', line: 5, column: 1, role: 'system-analyst', message: 'no member holds system-analyst: a large organization is expected to have one' }]],
    ['enterprise, all seven', team(20000, ALL), []],
  ])('%s', (_case, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('counts external holders as holders', () => {
    expect(brief(teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: s, name: S, roles: [system-administrator]}']))).toEqual([]);
  });

  it('does not repeat a group finding with the single roles it contains (medium)', () => {
    const found = brief(team(600, ['security-manager', 'security-analyst', 'security-engineer']));
    expect(found.map((f) => f.role ?? 'group')).toEqual(['group']);
  });
});
