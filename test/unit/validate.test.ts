import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { yaml } from '../helpers.js';

function team(members: string, organization = '  name: Acme\n  employees: 120\n'): string {
  return `version: 1\norganization:\n${organization}members:\n${members}`;
}

const first = (text: string) => {
  const [f] = checkTeam(text).findings;
  return f && { ruleId: f.ruleId, line: f.line, column: f.column, path: f.path, message: f.message };
};

describe('schema findings point at the offending node', () => {
  it.each([
    // [what, text, line, column, path, message pattern]
    ['a missing required property, at the parent key', team('', '  name: Acme\n'), 2, 1, '/organization', /missing required property "employees"/],
    ['a missing top-level property, at 1:1', 'organization:\n  name: Acme\n  employees: 3\nmembers: []\n', 1, 1, '', /"version".*version: 1/],
    ['an unknown property, at its key', team('', '  name: Acme\n  employees: 120\n  sise: small\n'), 5, 3, '/organization/sise', /unknown property "sise".*did you mean "size"/],
    ['a wrong type, at the value', team('', '  name: Acme\n  employees: lots\n'), 4, 14, '/organization/employees', /whole number, not a string/],
    ['a number that should be text, with a quoting hint', team('  - id: x\n    name: 0123\n    roles: [ciso]\n'), 7, 11, '/members/0/name', /quotes.*"0123"/],
    ['an unknown role, with a suggestion', team('  - id: x\n    name: X\n    roles: [cisco]\n'), 8, 13, '/members/0/roles/0', /unknown role "cisco"; did you mean "ciso"\?/],
    ['a repeated role, at the repeat', team('  - id: x\n    name: X\n    roles: [ciso, cio, ciso]\n'), 8, 24, '/members/0/roles/2', /listed twice/],
    ['an empty role list', team('  - id: x\n    name: X\n    roles: []\n'), 8, 12, '/members/0/roles', /at least one role/],
    ['a malformed member id, with a suggestion', team('  - id: Dana Reyes\n    name: X\n    roles: [ciso]\n'), 6, 9, '/members/0/id', /"dana-reyes"/],
    ['a tier on someone who is not an analyst', team('  - id: x\n    name: X\n    roles: [ciso]\n    tier: 2\n'), 9, 11, '/members/0/tier', /security analysts only/],
    ['an fte out of range', team('  - id: x\n    name: X\n    roles: [ciso]\n    fte: 1.5\n'), 9, 10, '/members/0/fte', /at most 1/],
    ['an unknown size, with a suggestion', team('', '  name: Acme\n  employees: 120\n  size: smal\n'), 5, 9, '/organization/size', /did you mean "small"/],
    ['a wrong version', 'version: 2\norganization:\n  name: A\n  employees: 1\nmembers: []\n', 1, 10, '/version', /version must be 1/],
    ['infinite employees', team('', '  name: Acme\n  employees: .inf\n'), 4, 14, '/organization/employees', /whole number|at most/],
  ])('%s', (_what, text, line, column, path, message) => {
    const f = first(text);
    expect(f).toMatchObject({ ruleId: 'schema', line, column, path });
    expect(f?.message).toMatch(message);
  });

  it('reports every problem, not only the first', () => {
    const text = yaml`
      version: 1
      organization:
        name: Acme
        employees: 0
      members:
        - id: a
          name: A
          roles: [cisco]
          extra: 1
    `;
    expect(checkTeam(text).findings.map((f) => `${f.line}:${f.column}`)).toEqual(['4:14', '8:13', '9:5']);
  });
});

describe('unknown properties inside list items', () => {
  it.each([
    ['a member', team('  - id: a\n    name: A\n    roles: [ciso]\n    reportsto: b\n'), /unknown property "reportsto" in members\[0\]; did you mean "reportsTo"\?/],
    ['an exception', team('  - {id: a, name: A, roles: [ciso]}\n') + 'exceptions:\n  - {rule: missing-role, reasn: x}\n', /unknown property "reasn" in exceptions\[0\]; did you mean "reason"\?/],
    ['a member, far from any name', team('  - id: a\n    name: A\n    roles: [ciso]\n    colour: red\n'), /allowed here: "id", "name", "roles", "title", "reportsTo", "tier", "fte", "provider"/],
  ])('suggests from the properties of %s', (_what, text, message) => {
    expect(checkTeam(text).findings.map((f) => f.message).join('\n')).toMatch(message);
  });
});
