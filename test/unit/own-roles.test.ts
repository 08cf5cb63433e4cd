import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { ROOT, teamYaml } from '../helpers.js';

const schemaFindings = (text: string) => checkTeam(text).findings.filter((f) => f.ruleId === 'schema').map(({ line, column, path, message }) => ({ line, column, path, message }));
const MEMBERS = ['{id: c, name: C, roles: [ciso]}', '{id: g, name: G, roles: [grc-lead]}'];
const roles = (...lines: string[]) => `roles:\n${lines.map((l) => `  - ${l}\n`).join('')}`;
const GRC = '{id: grc-lead, title: GRC Lead, duties: [ciso.compliance], nice: [OG-WRL-002]}';

describe('own roles: errors at their positions, with a did-you-mean', () => {
  it.each([
    {
      name: 'a member role neither in the catalog nor declared',
      text: teamYaml({ employees: 100 }, ['{id: c, name: C, roles: [ciso]}', '{id: g, name: G, roles: [grc-laed]}'], roles(GRC)),
      expected: [{ line: 7, column: 30, path: '/members/1/roles/0', message: 'unknown role "grc-laed"; did you mean "grc-lead"? declare it under roles:, or use a catalog role (secops-team roles lists them)' }],
    },
    {
      name: 'a misspelled catalog role in a file with roles:',
      text: teamYaml({ employees: 100 }, ['{id: c, name: C, roles: [cisoo]}', '{id: g, name: G, roles: [grc-lead]}'], roles(GRC)),
      expected: [{ line: 6, column: 30, path: '/members/0/roles/0', message: 'unknown role "cisoo"; did you mean "ciso"? declare it under roles:, or use a catalog role (secops-team roles lists them)' }],
    },
    {
      name: 'a misspelled specialist in a file without roles:',
      text: teamYaml({ employees: 100 }, ['{id: c, name: C, roles: [ciso]}', '{id: h, name: H, roles: [threat-hunterr]}']),
      expected: [{ line: 7, column: 30, path: '/members/1/roles/0', message: 'unknown role "threat-hunterr"; did you mean "threat-hunter"? use a catalog role, or declare your own under roles: (secops-team roles lists them)' }],
    },
    {
      name: 'a declared id equal to a catalog id',
      text: teamYaml({ employees: 100 }, MEMBERS, roles(GRC, '{id: security-manager, title: Our SM, duties: [ciso.strategy]}')),
      expected: [{ line: 10, column: 10, path: '/roles/1/id', message: 'own role "security-manager" has the id of a catalog role; hold the catalog role directly, or give your role an id of its own (for example "our-security-manager")' }],
    },
    {
      name: 'a declared id given twice',
      text: teamYaml({ employees: 100 }, MEMBERS, roles(GRC, '{id: grc-lead, title: Again, duties: []}')),
      expected: [{ line: 10, column: 10, path: '/roles/1/id', message: 'own role "grc-lead" is declared twice; remove the repeat' }],
    },
    {
      name: 'a duties entry that is no responsibility id',
      text: teamYaml({ employees: 100 }, MEMBERS, roles('{id: grc-lead, title: GRC Lead, duties: [ciso.complience]}')),
      expected: [{ line: 9, column: 46, path: '/roles/0/duties/0', message: 'unknown responsibility "ciso.complience"; did you mean "ciso.compliance"? secops-team roles <role> lists a role\'s responsibilities' }],
    },
    {
      name: 'a nice entry that is no NICE work-role id',
      text: teamYaml({ employees: 100 }, MEMBERS, roles('{id: grc-lead, title: GRC Lead, duties: [ciso.compliance], nice: [OG-WRL-02]}')),
      expected: [{ line: 9, column: 71, path: '/roles/0/nice/0', message: 'unknown NICE work role "OG-WRL-02"; did you mean "OG-WRL-002"? secops-team roles --nice lists the NICE v2.0.0 work roles' }],
    },
    {
      name: 'an own role id that is not an id',
      text: teamYaml({ employees: 100 }, MEMBERS, roles('{id: GRC Lead, title: GRC Lead, duties: [ciso.compliance]}')),
      expected: [{ line: 9, column: 10, path: '/roles/0/id', message: 'role id "GRC Lead" is not valid: use lowercase letters, digits and "-", starting with a letter (for example "grc-lead")' }],
    },
  ])('$name', ({ text, expected }) => {
    expect(schemaFindings(text)).toEqual(expected);
  });

  it('accepts a file whose members hold catalog, specialist and own roles', () => {
    const text = teamYaml({ employees: 100 }, [...MEMBERS, '{id: h, name: H, roles: [threat-hunter, security-analyst]}', '{id: s, name: S, roles: [system-administrator]}'], roles(GRC));
    expect(schemaFindings(text)).toEqual([]);
  });
});

describe('own roles in the coverage', () => {
  const base = ['{id: c, name: C, roles: [ciso]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}'];
  const entry = (text: string, id: string) => checkTeam(text).coverage.find((e) => e.responsibility === id);

  it('credits exactly the listed duties, and nothing else', () => {
    const text = teamYaml({ employees: 100 }, [...base.slice(1), '{id: g, name: G, roles: [grc-lead]}'], roles('{id: grc-lead, title: GRC Lead, duties: [ciso.compliance, security-manager.vulnerability-management]}'));
    expect(entry(text, 'ciso.compliance')).toMatchObject({ status: 'covered', members: ['g'] });
    expect(entry(text, 'security-manager.vulnerability-management')).toMatchObject({ status: 'covered', members: ['g'] });
    expect(entry(text, 'ciso.strategy')?.members).not.toContain('g');
  });

  it("a member's covers narrows an own role's duties", () => {
    const text = teamYaml({ employees: 100 }, [...base, '{id: g, name: G, roles: [grc-lead], covers: [ciso.compliance]}'], roles('{id: grc-lead, title: GRC Lead, duties: [ciso.compliance, security-manager.vulnerability-management]}'));
    expect(entry(text, 'ciso.compliance')).toMatchObject({ status: 'covered', members: ['c', 'g'] });
    expect(entry(text, 'security-manager.vulnerability-management')?.members).not.toContain('g');
    expect(checkTeam(text).findings.filter((f) => f.ruleId === 'covers-outside-roles')).toEqual([]);
  });

  it('a covers entry outside the own role and the catalog roles held is still an error', () => {
    const text = teamYaml({ employees: 100 }, [...base, '{id: g, name: G, roles: [grc-lead], covers: [ciso.strategy]}'], roles(GRC));
    expect(checkTeam(text).findings.filter((f) => f.ruleId === 'covers-outside-roles').map((f) => [f.line, f.column])).toEqual([[9, 50]]);
  });
});

describe('the schema for editors', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8'));
  it('completes and describes catalog role ids, own roles, duties, NICE ids and maturity', () => {
    expect(schema.$defs.memberRoleId.anyOf[0]).toEqual({ $ref: '#/$defs/roleId' });
    expect(schema.$defs.roleId.anyOf.map((b: { const: string }) => b.const)).toContain('threat-hunter');
    expect(schema.properties.roles.description).toMatch(/own roles/);
    expect(schema.$defs.ownRole.properties.duties.items.$ref).toBe('#/$defs/responsibilityId');
    expect(schema.$defs.ownRole.properties.nice.items.$ref).toBe('#/$defs/niceId');
    expect(schema.$defs.niceId.anyOf).toHaveLength(41);
    expect(schema.properties.organization.properties.maturity).toMatchObject({ type: 'integer', minimum: 0, maximum: 5 });
    expect(schema.properties.organization.properties.maturity.description).toMatch(/0 none, 1 initial, 2 managed, 3 defined, 4 quantitatively managed, 5 optimizing/);
  });

  it('in a file without roles:, holds member roles to the catalog ids (so an editor flags a misspelling)', () => {
    expect(schema.if).toEqual({ type: 'object', properties: { roles: true }, required: ['roles'] });
    expect(schema.else.properties.members.items.properties.roles.items.$ref).toBe('#/$defs/roleId');
  });
});
