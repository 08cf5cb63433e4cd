import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SIZES } from '../../src/catalog/index.js';
import { checkTeam } from '../../src/lint.js';
import { MONITORING, SOC_MODELS, startFromTeam, teamFromDraft, type DraftMember } from '../../src/init/draft.js';
import { deriveMemberId, memberIdProblem } from '../../src/init/member-id.js';
import { renderTeamFile } from '../../src/init/render.js';
import { readTemplate } from '../../src/init/templates.js';
import { buildTeamSchema, SCHEMA_ID } from '../../src/schema/build.js';
import { VALIDITY_RULES } from '../init-helpers.js';

const validityFindings = (text: string) => checkTeam(text).findings.filter((f) => VALIDITY_RULES.includes(f.ruleId));

const org = { name: 'Acme', employees: 120, soc: 'none', monitoring: 'business-hours', seats: 1, response: 'business-hours' } as const;
const person = (id: string, roles: DraftMember['roles'], extra: Partial<DraftMember> = {}): DraftMember => ({ id, name: id.toUpperCase(), roles, fromStart: false, ...extra });

describe('member ids from names', () => {
  const takenOf = (...ids: string[]) => (id: string) => ids.includes(id);
  it.each([
    ['Dana Reyes', [], 'dana'],
    ['Dana Reyes', ['dana'], 'dana-reyes'],
    ['Dana Reyes', ['dana', 'dana-reyes'], 'dana-2'],
    ['Dana Reyes', ['dana', 'dana-reyes', 'dana-2'], 'dana-3'],
    ['Dana', ['dana'], 'dana-2'],
    ['Inês Carvalho-Lee', [], 'ines'],
    ['Inês Carvalho-Lee', ['ines'], 'ines-carvalho-lee'],
    ["Liam O'Connor", ['liam'], 'liam-o-connor'],
    ['王伟', [], 'member'],
    ['王伟', ['member'], 'member-2'],
    ['  ', [], 'member'],
    ['007 Bond', [], '007'],
    ['\u001b[31mEvil', [], '31mevil'],
  ])('%j with %j taken → %s', (name, taken, expected) => {
    const id = deriveMemberId(name, takenOf(...taken));
    expect(id).toBe(expected);
    expect(memberIdProblem(id, () => undefined)).toBeUndefined();
  });

  it('stays within 64 characters, numbered suffix included', () => {
    const long = 'a'.repeat(80);
    expect(deriveMemberId(long, () => false)).toBe('a'.repeat(64));
    const second = deriveMemberId(long, (id) => id === 'a'.repeat(64));
    expect(second).toBe(`${'a'.repeat(62)}-2`);
  });

  it.each([
    ['', /an id is needed/],
    ['Dana', /lowercase letters/],
    ['-dana', /starting with a letter or digit/],
    ['da na', /lowercase letters/],
    ['a'.repeat(65), /at most 64/],
    ['dana', /Dana Reyes already has this id/],
  ])('refuses the id %j', (id, message) => {
    expect(memberIdProblem(id, (candidate) => (candidate === 'dana' ? 'Dana Reyes' : undefined))).toMatch(message);
  });
});

describe('teamFromDraft', () => {
  it('keeps reporting lines between kept members of the starting team, and lines given to new people, never a loop', () => {
    const team = teamFromDraft({
      organization: org,
      members: [
        person('a', ['ciso'], { fromStart: true, reportsTo: 'b' }),
        person('b', ['cio'], { fromStart: true, reportsTo: 'a' }), // would close a loop
        person('c', ['security-manager'], { fromStart: true, reportsTo: 'gone' }), // not kept
        person('d', ['security-engineer'], { fromStart: true, reportsTo: 'e' }), // e is new, not the starting team's e
        person('e', ['security-analyst'], { reportsTo: 'a' }), // a new person keeps the line the wizard gave them
        person('f', ['system-analyst'], { fromStart: true, reportsTo: 'f' }),
      ],
    });
    expect(team.members.map((m) => [m.id, m.reportsTo])).toEqual([
      ['a', 'b'],
      ['b', undefined],
      ['c', undefined],
      ['d', undefined],
      ['e', 'a'],
      ['f', undefined],
    ]);
    expect(validityFindings(renderTeamFile(team, { schema: SCHEMA_ID }))).toEqual([]);
  });

  it('puts roles in catalog order, keeps tiers for analysts only, drops members without a role and repeated ids', () => {
    const team = teamFromDraft({
      organization: org,
      members: [
        person('a', ['security-analyst', 'ciso'], { tier: 2 }),
        person('b', ['security-engineer'], { tier: 3, title: '' }),
        person('c', []),
        person('a', ['cio']),
      ],
    });
    expect(team.members).toEqual([
      { id: 'a', name: 'A', roles: ['ciso', 'security-analyst'], tier: 2 },
      { id: 'b', name: 'B', roles: ['security-engineer'] },
    ]);
  });

  it('writes size only when it differs from the one the employee count gives', () => {
    expect(teamFromDraft({ organization: { ...org, size: 'small' }, members: [] }).organization).not.toHaveProperty('size');
    expect(teamFromDraft({ organization: { ...org, size: 'large' }, members: [] }).organization).toHaveProperty('size', 'large');
  });
});

describe('renderTeamFile', () => {
  it.each(SIZES)('round-trips the %s template and passes the schema and reference checks', (size) => {
    const team = teamFromDraft({ ...startFromTeam(readTemplate(size)), organization: { ...org, employees: 300 } });
    const text = renderTeamFile(team, { schema: '../node_modules/secops-team/schemas/team.schema.json' });
    expect(parse(text)).toEqual(team);
    expect(validityFindings(text)).toEqual([]);
  });

  it('starts with the modeline and explains each section in comments', () => {
    const team = teamFromDraft({ organization: { ...org, employees: 5000, size: 'medium' }, members: [person('dana', ['ciso', 'security-manager'])] });
    const text = renderTeamFile(team, { schema: SCHEMA_ID });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_ID}`);
    expect(text).toMatch(/^version: 1 # the format of this file; always 1$/m);
    expect(text).toMatch(/^# The organization the team serves/m);
    expect(text).toMatch(/^ {2}employees: 5000 # alone, this count would make the size large$/m);
    expect(text).toMatch(/^ {2}size: medium # set by hand \(medium: 250–999 employees\)$/m);
    expect(text).toMatch(/^# Who holds which role/m);
    expect(text).toMatch(/^# Nobody holds: cio, security-engineer, security-analyst,\n# it-operations-manager, system-administrator, system-analyst\.$/m);
    expect(text).toMatch(/^ {4}roles: \[ciso, security-manager\]$/m);
    // Everything but the modeline (a URL) fits an 80-column editor.
    expect(Math.max(...lines.slice(1).map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('writes an empty team as an empty list, with a hint', () => {
    const text = renderTeamFile(teamFromDraft({ organization: org, members: [] }), { schema: SCHEMA_ID });
    expect(text).toMatch(/^members: \[\]$/m);
    expect(text).toMatch(/# Nobody yet: add people/);
    expect(validityFindings(text)).toEqual([]);
  });

  it('quotes typed text so that it stays a value, whatever it holds', () => {
    const nasty = ['yes', 'null', '~', '- x', '#x', 'a: b', '"q"', "'s'", '&a', '*a', '!t', '%x', '@x', '`x', '{}', '[]', '\u001b[2J', 'a\nb', '\u202egnp', ' lead', 'trail ', '0x10', '1e3', '.inf'];
    const team = teamFromDraft({
      organization: { ...org, name: nasty.join('|') },
      members: nasty.map((n, i) => person(`m${i}`, ['system-administrator'], { name: n, title: n, provider: n })),
    });
    const text = renderTeamFile(team, { schema: SCHEMA_ID });
    expect(parse(text)).toEqual(team);
    expect(validityFindings(text)).toEqual([]);
  });
});

describe('the choices the wizard offers', () => {
  const schema = buildTeamSchema() as { properties: { organization: { properties: Record<string, { enum: string[] }> } } };
  it('cover exactly the values the schema allows', () => {
    expect(SOC_MODELS.map((s) => s.value).sort()).toEqual([...schema.properties.organization.properties.soc!.enum].sort());
    expect(MONITORING.map((m) => m.value).sort()).toEqual([...schema.properties.organization.properties.monitoring!.enum].sort());
  });
});
