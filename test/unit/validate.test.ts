import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { buildTeamSchema } from '../../src/schema/build.js';
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
    ['another name of a catalog role, with its id', team('  - id: x\n    name: X\n    roles: [soc-analyst]\n'), 8, 13, '/members/0/roles/0', /unknown role "soc-analyst"; the catalog calls this role "security-analyst": use that id/],
    ['a job title written as a role, with its id', team('  - id: x\n    name: X\n    roles: [Sysadmin]\n'), 8, 13, '/members/0/roles/0', /unknown role "Sysadmin"; the catalog calls this role "system-administrator"/],
    ['provider: true, asking for the company', team('  - id: x\n    name: X\n    roles: [security-analyst]\n    provider: true\n'), 9, 15, '/members/0/provider', /provider must be text, not a boolean; write the name of the provider company/],
    ['an abbreviated role, with the id it abbreviates', team('  - id: x\n    name: X\n    roles: [sec-analyst]\n'), 8, 13, '/members/0/roles/0', /unknown role "sec-analyst"; did you mean "security-analyst"\?/],
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
    ['a member', team('  - id: a\n    name: A\n    roles: [ciso]\n    reportsto: b\n'), /unknown property "reportsto" in member 1 \(a\); did you mean "reportsTo"\?/],
    ['an exception', team('  - {id: a, name: A, roles: [ciso]}\n') + 'exceptions:\n  - {rule: missing-role, reasn: x}\n', /unknown property "reasn" in exception 1; did you mean "reason"\?/],
    ['a member, far from any name', team('  - id: a\n    name: A\n    roles: [ciso]\n    colour: red\n'), /allowed here: "id", "name", "roles", "title", "reportsTo", "tier", "fte", "provider"/],
  ])('suggests from the properties of %s', (_what, text, message) => {
    expect(checkTeam(text).findings.map((f) => f.message).join('\n')).toMatch(message);
  });
});

describe('schema findings on values YAML converts or misreads', () => {
  it.each([
    ['an unknown member property lists the member properties', team('  - id: x\n    name: X\n    roles: [ciso]\n    colour: red\n'), /unknown property "colour" in member 1 \(x\); allowed here: "id", "name", "roles"/],
    ['an unknown exception property lists the exception properties', 'version: 1\norganization: {name: A, employees: 3}\nmembers: []\nexceptions:\n  - {rule: x, reason: y, colour: red}\n', /unknown property "colour" in exception 1; allowed here: "rule", "target", "reason"/],
    ['a prototype key is an ordinary unknown property', team('  - id: x\n    name: X\n    roles: [ciso]\n    __proto__: {a: 1}\n'), /unknown property "__proto__" in member 1 \(x\); allowed here: "id"/],
    ['a merge key says YAML 1.2 has none', team('  - &x {id: x, name: X, roles: [ciso]}\n  - <<: *x\n    id: y\n'), /unknown property "<<" in member 2 \(y\); merge keys are not part of YAML 1.2/],
    ['.nan is not a number a schema accepts', team('  - id: x\n    name: X\n    roles: [ciso]\n    fte: .nan\n'), /member 1 \(x\), fte must be a number, not NaN/],
    ['.inf as a name is infinity, with a quoting hint', team('  - id: x\n    name: .inf\n    roles: [ciso]\n'), /member 1 \(x\), name must be text, not infinity; put it in quotes to keep it as written: "\.inf"/],
  ])('%s', (_what, text, message) => {
    expect(checkTeam(text).findings.map((f) => f.message)).toContainEqual(expect.stringMatching(message));
  });

  it('reports a role that is not text once, as an unknown role', () => {
    const findings = checkTeam(team('  - id: x\n    name: X\n    roles: [1, true]\n')).findings;
    expect(findings.map((f) => [f.path, f.message.slice(0, 20)])).toEqual([
      ['/members/0/roles/0', 'unknown role "1"; us'],
      ['/members/0/roles/1', 'unknown role "true";'],
    ]);
  });

  it('declares role ids as text, so validators check a long role list for repeats in linear time', () => {
    const schema = buildTeamSchema() as { $defs: { member: { properties: { roles: { uniqueItems: boolean; items: { type: string } } } } } };
    expect(schema.$defs.member.properties.roles.uniqueItems).toBe(true);
    expect(schema.$defs.member.properties.roles.items.type).toBe('string');
  });

  it('lists the first 100 of 20,000 unknown roles in one list, each at its position, and sums up the rest', () => {
    const roles = Array.from({ length: 20_000 }, (_, i) => `r${i}`);
    const findings = checkTeam(team(`  - id: x\n    name: X\n    roles: [${roles.join(', ')}]\n`)).findings;
    expect(findings).toHaveLength(101);
    expect(findings[99]).toMatchObject({ line: 8, path: '/members/0/roles/99' });
    expect(findings[100]).toMatchObject({ line: 8, path: '/members/0/roles/100' });
    expect(findings[100]?.message).toMatch(/^19900 more schema problems from here on are not listed/);
  });
});

describe('numbers written the wrong way', () => {
  it.each([
    ['a quoted tier', team('  - id: a\n    name: A\n    roles: [security-analyst]\n    tier: "2"\n'), 'member 1 (a), tier must be the number 2, not the text "2"; write it without quotes'],
    ['a fraction of an employee', team('', '  name: Acme\n  employees: 10.5\n'), 'organization.employees must be a whole number, not 10.5'],
  ])('%s', (_what, text, message) => {
    expect(checkTeam(text).findings.map((f) => f.message)).toContain(message);
  });
});
