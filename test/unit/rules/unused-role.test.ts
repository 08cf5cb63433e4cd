import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const BASE = ['{id: c, name: C, roles: [ciso]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}'];
const ROLES = (lines: string[]) => `roles:\n${lines.map((l) => `  - ${l}\n`).join('')}`;

describe('unused-role', () => {
  it.each([
    {
      name: 'a declared role nobody holds, at its id',
      members: BASE,
      roles: ['{id: grc-lead, title: GRC Lead, duties: [ciso.compliance]}'],
      expected: [{ severity: 'warning', line: 10, column: 10, role: 'grc-lead', message: "own role grc-lead (GRC Lead) is declared but no member holds it; add it to a member's roles, or remove it" }],
    },
    {
      name: 'a held role with no duties, at its duties key',
      members: [...BASE, '{id: g, name: G, roles: [grc-lead]}'],
      roles: ['{id: grc-lead, title: GRC Lead, duties: []}'],
      expected: [{ severity: 'warning', line: 11, column: 37, role: 'grc-lead', message: 'own role grc-lead (GRC Lead) lists no duties, so its holders are credited with nothing; list the responsibilities it carries (secops-team roles <role> lists them)' }],
    },
    {
      name: 'both, for the second of two roles',
      members: [...BASE, '{id: g, name: G, roles: [grc-lead]}'],
      roles: ['{id: grc-lead, title: GRC Lead, duties: [ciso.compliance]}', '{id: spare, title: Spare, duties: []}'],
      expected: [
        { severity: 'warning', line: 12, column: 10, role: 'spare' },
        { severity: 'warning', line: 12, column: 31, role: 'spare' },
      ],
    },
    {
      name: 'nothing for a role with no duties whose holder the CISO reports to (a CEO in the reporting line)',
      members: ['{id: ceo, name: Chief Executive, roles: [ceo]}', '{id: c, name: C, roles: [ciso], reportsTo: ceo}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}'],
      roles: ['{id: ceo, title: Chief Executive Officer, duties: []}'],
      expected: [],
    },
    { name: 'nothing for a held role with duties', members: [...BASE, '{id: g, name: G, roles: [grc-lead]}'], roles: ['{id: grc-lead, title: GRC Lead, duties: [ciso.compliance]}'], expected: [] },
    { name: 'an open position holding it counts as a holder', members: [...BASE, '{id: g, name: GRC hire, roles: [grc-lead], vacancy: true}'], roles: ['{id: grc-lead, title: GRC Lead, duties: [ciso.compliance]}'], expected: [] },
    { name: 'a provider holding it counts as a holder', members: [...BASE, '{id: g, name: G, roles: [grc-lead], provider: Audit Co, reportsTo: c}'], roles: ['{id: grc-lead, title: GRC Lead, duties: [ciso.compliance]}'], expected: [] },
  ])('$name', ({ members, roles, expected }) => {
    const found = ruleFindings(teamYaml({ employees: 100 }, members, ROLES(roles)), 'unused-role');
    expect(found.map((f) => ({ severity: f.severity, line: f.line, column: f.column, role: f.role, ...('message' in (expected[0] ?? {}) ? { message: f.message } : {}) }))).toEqual(
      expected.map((e) => ({ severity: e.severity, line: e.line, column: e.column, role: e.role, ...('message' in (expected[0] ?? {}) ? { message: (e as { message?: string }).message } : {}) })),
    );
  });
});
