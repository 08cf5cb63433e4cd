import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PLAN_OFFER, runInit, schemaLocation, type InitCommandOptions } from '../../src/cli/commands/init.js';
import { CliError, InterruptedError } from '../../src/cli/errors.js';
import { stylish } from '../../src/format/stylish.js';
import { checkTeam, collect } from '../../src/lint.js';
import { readTemplate } from '../../src/init/templates.js';
import { SCHEMA_ID } from '../../src/schema/build.js';
import { ROOT } from '../helpers.js';
import { ENTER, INTERRUPT, memoryIo, ScriptedPrompter, VALIDITY_RULES, type ScriptedAnswer } from '../init-helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-init-'));
}

async function init(answers: readonly ScriptedAnswer[], options: InitCommandOptions = {}, dir = tempDir(), path?: string) {
  const io = memoryIo(dir);
  const prompter = new ScriptedPrompter(answers);
  const code = await runInit(path, options, io, { prompter: async () => prompter });
  expect(prompter.remaining).toBe(0);
  return { code, io, prompter, dir, file: () => readFileSync(join(dir, path ?? 'team.yaml'), 'utf8') };
}

/** Nobody for a role: one answer. */
const NOBODY = 'done';

/** The organization questions answered: name, employees, size, SOC, monitoring, out-of-hours response. */
const ORG = ['Acme Health', '180', ENTER, 'outsourced', ENTER, ENTER] as const;

/** A walk through every kind of answer, as one person might give them. */
const TOUR: ScriptedAnswer[] = [
  ...ORG,
  // ciso: a new person, id and title as suggested, internal
  'new', 'Dana Reyes', ENTER, ENTER, false, ENTER, 'done',
  // cio
  NOBODY,
  // security-manager: Dana again
  'existing', ['dana'], 'done',
  // security-engineer: an external person, with an edited id
  'new', 'Ana Lima', 'ana.l', 'Cloud Security', true, 'Bastion & Co: "Sec"', ENTER, ENTER, 'done',
  // security-analyst: a new tier-1 analyst, then Dana untiered
  'new', 'Ravi Menon', ENTER, ENTER, 1, false, ENTER, ENTER, 'existing', ['dana'], 0, 'done',
  NOBODY, NOBODY, NOBODY,
  'write',
];

describe('init on a terminal (scripted answers)', () => {
  it('asks the organization, then each role in catalog order, and writes what was answered', async () => {
    const run = await init(TOUR);
    expect(run.code).toBe(0);
    const written = parse(run.file());
    expect(written).toEqual({
      version: 1,
      organization: { name: 'Acme Health', employees: 180, soc: 'outsourced', monitoring: 'business-hours', seats: 1, response: 'business-hours' },
      members: [
        { id: 'dana', name: 'Dana Reyes', title: 'Chief Information Security Officer', roles: ['ciso', 'security-manager', 'security-analyst'] },
        { id: 'ana.l', name: 'Ana Lima', title: 'Cloud Security', roles: ['security-engineer'], provider: 'Bastion & Co: "Sec"' },
        { id: 'ravi', name: 'Ravi Menon', title: 'Security Analyst', roles: ['security-analyst'], tier: 1 },
      ],
    });
    const roleQuestions = run.prompter.asked.filter((a) => /^Who holds /.test(a.message)).map((a) => a.message);
    expect(roleQuestions).toEqual([
      'Who holds Chief Information Security Officer?',
      'Who holds Chief Information Officer?',
      'Who holds Security Manager?',
      'Who holds Security Engineer?',
      'Who holds Security Analyst?',
      'Who holds IT Operations Manager?',
      'Who holds System Administrator?',
      'Who holds System Analyst?',
    ]);
    // Each role is introduced by its one-line description.
    expect(run.io.out()).toMatch(/Role 1 of 8: Chief Information Security Officer \(ciso\)\n {2}Owns the security posture/);
    expect(run.io.out()).toMatch(/Role 8 of 8: System Analyst \(system-analyst\)/);
  });

  it('pre-selects the size from the employee count, and explains the bands', async () => {
    const run = await init(TOUR);
    const size = run.prompter.asked.find((a) => a.message.startsWith('Organization size'));
    expect(size).toMatchObject({ kind: 'select', default: 'small', choices: ['small', 'medium', 'large', 'enterprise'] });
    const big = await init(['Big', '12,500', ENTER, ENTER, ENTER, ENTER, ...Array(8).fill(NOBODY), [], 'write']);
    expect(big.prompter.asked[2]).toMatchObject({ default: 'enterprise' });
    expect(parse(big.file()).organization).toEqual({ name: 'Big', employees: 12500, soc: 'none', monitoring: 'business-hours', seats: 1, response: 'business-hours' });
  });

  it('offers the specialist roles in large organizations, each asked like a role, and not in smaller ones', async () => {
    const run = await init([
      'Big', '4,000', ENTER, ENTER, ENTER, ENTER,
      'new', 'Cara Diaz', ENTER, ENTER, false, ENTER, 'done',
      ...Array(7).fill(NOBODY),
      ['threat-hunter', 'grc-analyst'],
      'new', 'Hana Ito', ENTER, ENTER, false, ENTER, ENTER, 'done',
      'existing', ['cara'], 'done',
      'write',
    ]);
    const offered = run.prompter.asked.find((a) => a.kind === 'checkbox' && a.message.startsWith('Which specialist roles'));
    expect(offered?.choices).toHaveLength(12);
    expect(run.io.out()).toMatch(/Specialist role 1 of 2: Threat Hunter \(threat-hunter\)/);
    expect(parse(run.file()).members.map((m: { id: string; roles: string[] }) => [m.id, m.roles])).toEqual([
      ['cara', ['ciso', 'grc-analyst']],
      ['hana', ['threat-hunter']],
    ]);
    const small = await init(['Acme', '40', ENTER, ENTER, ENTER, ENTER, ...Array(8).fill(NOBODY), 'write']);
    expect(small.prompter.asked.some((a) => a.message.startsWith('Which specialist roles'))).toBe(false);
  });

  it('writes size only when the answer differs from the band of the count', async () => {
    const run = await init(['Acme', '180', 'medium', ENTER, ENTER, ENTER, ...Array(8).fill(NOBODY), 'write']);
    expect(parse(run.file()).organization.size).toBe('medium');
    expect(run.file()).toMatch(/employees: 180 # alone, this count would make the size small/);
  });

  it('asks again when an answer is refused, with a message that says why', async () => {
    const run = await init([
      '   ', 'Acme',
      '12.5', '0', 'many', '1,200',
      ENTER, ENTER, ENTER, ENTER,
      'new', 'Dana Reyes', 'Dana', 'dana reyes', ENTER, ENTER, false, ENTER, 'done',
      NOBODY,
      'new', 'Dana Reyes', 'dana', ENTER, ENTER, false, ENTER, ENTER, 'done',
      ...Array(5).fill(NOBODY),
      [],
      'write',
    ]);
    expect(run.prompter.refused.map((r) => [r.answer, r.problem])).toEqual([
      ['   ', 'an answer is needed'],
      ['12.5', 'enter a whole number from 1 to 10,000,000'],
      ['0', 'enter a whole number from 1 to 10,000,000'],
      ['many', 'enter a whole number from 1 to 10,000,000'],
      ['Dana', 'use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit'],
      ['dana reyes', 'use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit'],
      ['dana', 'Dana Reyes (already entered) already has this id; choose another'],
    ]);
    // The second Dana was offered the next free id.
    const ids = run.prompter.asked.filter((a) => a.message.startsWith('Id')).map((a) => a.default);
    expect([...new Set(ids)]).toEqual(['dana', 'dana-reyes']);
    expect(parse(run.file()).members.map((m: { id: string }) => m.id)).toEqual(['dana', 'dana-reyes']);
  });

  it('refuses text longer than the schema allows', async () => {
    const run = await init(['x'.repeat(201), 'Acme', '10', ENTER, ENTER, ENTER, ENTER, ...Array(8).fill(NOBODY), 'write']);
    expect(run.prompter.refused[0]?.problem).toBe('at most 200 characters (this is 201)');
  });

  it('pre-fills every answer from --template: Enter everywhere gives the template back', async () => {
    const template = readTemplate('medium');
    // Enter for the 7 organization questions (24x7 monitoring asks for seats), twice for each role
    // held (keep, no one else), once for each role nobody holds ("Nobody"), and once to write.
    const held = new Set(template.members.flatMap((m) => m.roles)).size;
    const run = await init(Array<ScriptedAnswer>(7 + 2 * held + (8 - held) + 1).fill(ENTER), { template: 'medium' });
    const written = parse(run.file());
    expect(written).toEqual({ ...template, organization: { ...template.organization } });
    const keep = run.prompter.asked.find((a) => a.message === 'Who holds Security Analyst?');
    expect(keep).toMatchObject({ default: 'keep', choices: ['keep', 'done', 'new', 'existing'] });
    expect(run.prompter.asked[0]).toMatchObject({ message: 'Organization name', default: 'Harbor Logistics' });
  });

  it('lets --name and --employees replace the template\'s answers, and each answer be changed', async () => {
    const run = await init(
      [
        ENTER, ENTER, ENTER, 'hybrid', ENTER, ENTER, ENTER,
        'keep', 'done', // ciso
        NOBODY, // cio
        'new', 'Lena Fischer', ENTER, ENTER, false, ENTER, ENTER, 'done', // security-manager: the template's lena is not kept, so the id is free
        'keep', 'done', // security-engineer
        'done', // security-analyst: nobody, so aisha, ravi and the MDR go
        'keep', 'done', 'keep', 'done', 'keep', 'done',
        'write',
      ],
      { template: 'medium', name: 'Acme', employees: '300' },
    );
    const written = parse(run.file());
    expect(written.organization).toEqual({ name: 'Acme', employees: 300, soc: 'hybrid', monitoring: '24x7', seats: 1, response: 'business-hours' });
    expect(written.members.map((m: { id: string }) => m.id)).toEqual(['vciso', 'lena', 'tom', 'grace', 'jonas', 'mei', 'sam']);
    // tom reported to the template's lena; the new Lena is someone else, so that line is dropped.
    expect(written.members.find((m: { id: string }) => m.id === 'tom').reportsTo).toBeUndefined();
    expect(written.members.find((m: { id: string }) => m.id === 'jonas').reportsTo).toBe('grace');
    expect(checkTeam(run.file()).findings.filter((f) => VALIDITY_RULES.includes(f.ruleId))).toEqual([]);
  });

  it('keeps ids of template people still to come free for them', async () => {
    const run = await init(
      [
        ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, ENTER,
        'new', 'Aisha Khan', ENTER, ENTER, false, ENTER, 'done', // ciso: "aisha" belongs to the template's analyst
        NOBODY, // the medium template has no CIO
        ...Array(6).fill(null).flatMap(() => ['keep', 'done']),
        'write',
      ],
      { template: 'medium' },
    );
    const idQuestion = run.prompter.asked.find((a) => a.message.startsWith('Id'));
    expect(idQuestion?.default).toBe('aisha-khan');
    const ids = parse(run.file()).members.map((m: { id: string }) => m.id);
    expect(ids).toContain('aisha');
    expect(ids).toContain('aisha-khan');
  });

  it('shows a preview of the team and the findings of the real check before asking to write', async () => {
    const run = await init(TOUR);
    const out = run.io.out();
    const preview = out.slice(out.indexOf('The team (3 members):'));
    expect(preview).toMatch(/│ id +│ name +│ roles +│ notes +│/);
    expect(preview).toMatch(/│ dana +│ Dana Reyes +│ ciso +│/);
    expect(preview).toMatch(/external: Bastion & Co:/);
    expect(preview).toMatch(/Roles nobody holds \(4 of 8\): cio, it-operations-manager,/);
    expect(preview).toMatch(/What `secops-team check` will report on this team:\n/);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const confirm = run.prompter.asked.at(-1);
    expect(confirm).toMatchObject({ message: 'Write team.yaml?', default: 'write', choices: ['write', 'change', 'quit'] });
  });

  it('ends by offering the plan for the new team: no by default, the plan when asked', async () => {
    const declined = await init([...TOUR, ENTER]);
    expect(declined.prompter.asked.at(-1)).toMatchObject({ kind: 'confirm', message: PLAN_OFFER, default: false });
    expect(declined.io.out()).not.toContain('coverage now:');
    const shown = await init([...TOUR, true]);
    const out = shown.io.out();
    expect(out).toMatch(/coverage now: \d+ covered/);
    expect(out).toMatch(/\n {2}1\. /);
  });

  it('shows the report of the real check pipeline, before writing and after', async () => {
    const run = await init(TOUR);
    const report = stylish(collect([checkTeam(run.file(), { file: 'team.yaml' })]), { color: false, width: 80 });
    const out = run.io.out();
    const preview = out.indexOf(`What \`secops-team check\` will report on this team:\n${report}`);
    const after = out.indexOf(`roles.\n\n${report}\nNext:`);
    expect(preview).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(preview);
  });

  it('after the file is written, prints the report of the file on disk and what to do next', async () => {
    const run = await init(TOUR);
    const out = run.io.out();
    const after = out.slice(out.lastIndexOf('Wrote team.yaml'));
    const report = stylish(collect([checkTeam(run.file(), { file: 'team.yaml' })]), { color: false, width: 80 });
    expect(after.startsWith(`Wrote team.yaml: Acme Health, 3 members holding 4 of 8 roles.\n\n${report}\nNext:\n`)).toBe(true);
    expect(after).toMatch(/check the file:\n {6}secops-team check team\.yaml\n/);
  });

  it('"change some answers" asks again with the answers given as defaults', async () => {
    const run = await init([
      ...TOUR.slice(0, -1),
      'change',
      ENTER, '2000', ENTER, ENTER, ENTER, ENTER,
      'keep', 'done', NOBODY, 'keep', 'done', 'keep', 'done', 'keep', 'done',
      ...Array(3).fill(NOBODY),
      [],
      'write',
    ]);
    const second = run.prompter.asked.slice(run.prompter.asked.findIndex((a) => a.message === 'Write team.yaml?') + 1);
    expect(second[0]).toMatchObject({ message: 'Organization name', default: 'Acme Health' });
    expect(second[1]).toMatchObject({ default: '180' });
    expect(second[2]).toMatchObject({ default: 'large' });
    expect(second[3]).toMatchObject({ default: 'outsourced' });
    const written = parse(run.file());
    expect(written.organization.employees).toBe(2000);
    expect(written.members.map((m: { id: string; roles: string[] }) => [m.id, m.roles])).toEqual([
      ['dana', ['ciso', 'security-manager', 'security-analyst']],
      ['ana.l', ['security-engineer']],
      ['ravi', ['security-analyst']],
    ]);
  });

  it('"quit without writing" writes nothing and exits 130', async () => {
    const dir = tempDir();
    const io = memoryIo(dir);
    const prompter = new ScriptedPrompter([...TOUR.slice(0, -1), 'quit']);
    await expect(runInit(undefined, {}, io, { prompter: async () => prompter })).rejects.toThrow(InterruptedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('escapes control characters typed at the prompts in everything it prints', async () => {
    const evil = 'Eve\u001b]0;owned\u0007\u001b[2J';
    const run = await init([evil, '10', ENTER, ENTER, ENTER, ENTER, 'new', evil, ENTER, evil, true, evil, ENTER, 'done', ...Array(7).fill(NOBODY), 'write']);
    expect(run.io.out()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.io.out()).toContain('Eve\\x1b]0;owned\\x07');
    const member = parse(run.file()).members[0];
    expect(member).toMatchObject({ id: 'eve', name: evil, title: evil, provider: evil });
  });
});

describe('interrupting init', () => {
  it('at any prompt leaves the folder as it was, and nothing else behind', async () => {
    const full = new ScriptedPrompter(TOUR);
    await runInit(undefined, {}, memoryIo(tempDir()), { prompter: async () => full });
    const prompts = full.asked.length;
    expect(prompts).toBeGreaterThan(30);
    for (let at = 0; at < prompts; at++) {
      const dir = tempDir();
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      const answers: ScriptedAnswer[] = [...TOUR.slice(0, at), INTERRUPT];
      const prompter = new ScriptedPrompter(answers);
      const error = await runInit(undefined, {}, memoryIo(dir), { prompter: async () => prompter }).catch((e: unknown) => e);
      expect(error, `prompt ${at}`).toBeInstanceOf(InterruptedError);
      expect((error as InterruptedError).exitCode).toBe(130);
      expect(readdirSync(dir)).toEqual(['notes.txt']);
    }
  });

  it('with --force leaves the existing file untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), 'keep me');
    const prompter = new ScriptedPrompter([...ORG, INTERRUPT]);
    await expect(runInit(undefined, { force: true }, memoryIo(dir), { prompter: async () => prompter })).rejects.toThrow(InterruptedError);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['team.yaml']);
  });
});

describe('init before any question', () => {
  const refuse = async (options: InitCommandOptions, path?: string, io = memoryIo(tempDir())) => {
    const prompter = new ScriptedPrompter([]);
    const error = await runInit(path, options, io, { prompter: async () => prompter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect(prompter.asked).toEqual([]);
    return (error as CliError).message;
  };

  it('needs a terminal, or --yes, and says how to run without prompts', async () => {
    const message = await refuse({}, undefined, memoryIo(tempDir(), { tty: false }));
    expect(message).toMatch(/standard input is not (a terminal|one).*secops-team init --yes --name .* --employees/);
    expect(message).not.toContain('\n');
  });

  it('refuses to overwrite an existing file without --force, before asking anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), 'mine');
    expect(await refuse({}, undefined, memoryIo(dir))).toBe('"team.yaml" already exists; use --force to replace it, or choose another path');
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe('mine');
  });

  it.each([
    [{ employees: '12.5' }, '--employees "12.5" is not a whole number from 1 to 10,000,000'],
    [{ employees: '0' }, '--employees "0" is not a whole number from 1 to 10,000,000'],
    [{ name: '  ' }, '--name: an answer is needed'],
    [{ template: 'huge' }, 'unknown template "huge"; use one of: small, medium, large, enterprise'],
  ])('refuses bad flags: %j', async (options, message) => {
    expect(await refuse(options)).toBe(message);
  });

  it('refuses a folder that does not exist', async () => {
    expect(await refuse({}, 'nowhere/team.yaml')).toBe('cannot write "nowhere/team.yaml": the folder "nowhere" does not exist; create it first');
  });

  it('writes team.yaml inside a folder given as the path', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'security'));
    const run = await init(['Acme', '10', ENTER, ENTER, ENTER, ENTER, ...Array(8).fill(NOBODY), 'write'], {}, dir, 'security');
    expect(run.io.out()).toMatch(/Wrote security\/team\.yaml/);
    expect(readdirSync(join(dir, 'security'))).toEqual(['team.yaml']);
  });
});

describe('init --yes', () => {
  it('accepts the template chosen from --employees, with --name', async () => {
    const dir = tempDir();
    const io = memoryIo(dir, { tty: false });
    expect(await runInit(undefined, { yes: true, name: 'Acme', employees: '4000' }, io)).toBe(0);
    const written = parse(readFileSync(join(dir, 'team.yaml'), 'utf8'));
    const large = readTemplate('large');
    expect(written).toEqual({ ...large, organization: { ...large.organization, name: 'Acme', employees: 4000 } });
    expect(io.out()).toMatch(/^Wrote team\.yaml: Acme, 16 members holding 8 of 8 roles\.\n/);
  });

  it('uses the small template when neither --template nor --employees is given', async () => {
    const dir = tempDir();
    expect(await runInit(undefined, { yes: true }, memoryIo(dir, { tty: false }))).toBe(0);
    expect(parse(readFileSync(join(dir, 'team.yaml'), 'utf8'))).toEqual(readTemplate('small'));
  });

  it('replaces a file only with --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), 'old');
    await expect(runInit(undefined, { yes: true }, memoryIo(dir, { tty: false }))).rejects.toThrow(/already exists/);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe('old');
    expect(await runInit(undefined, { yes: true, force: true }, memoryIo(dir, { tty: false }))).toBe(0);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
    expect(readdirSync(dir)).toEqual(['team.yaml']);
  });
});

describe('the schema modeline', () => {
  it('points at the published schema when secops-team is not installed near the file', () => {
    expect(schemaLocation(join(tempDir(), 'team.yaml'))).toBe(SCHEMA_ID);
  });

  it('points at the installed package, relative to the file, when it is in node_modules there or above', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules', 'secops-team', 'schemas'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'secops-team', 'schemas', 'team.schema.json'), '{}');
    mkdirSync(join(dir, 'security', 'teams'), { recursive: true });
    expect(schemaLocation(join(dir, 'team.yaml'))).toBe('node_modules/secops-team/schemas/team.schema.json');
    expect(schemaLocation(join(dir, 'security', 'teams', 'team.yaml'))).toBe('../../node_modules/secops-team/schemas/team.schema.json');
    await runInit('security/teams/acme.yaml', { yes: true }, memoryIo(dir, { tty: false }));
    expect(readFileSync(join(dir, 'security', 'teams', 'acme.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/secops-team/schemas/team.schema.json',
    );
  });
});

describe('the prompt library', () => {
  it('is imported by src/cli/prompts.ts alone, and only on demand', () => {
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const users = files.filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes('@inquirer/'));
    expect(users).toEqual([join('cli', 'prompts.ts')]);
    const source = readFileSync(join(ROOT, 'src', 'cli', 'prompts.ts'), 'utf8');
    expect(source).not.toMatch(/^import .*@inquirer/m);
    expect(source).toMatch(/await import\('@inquirer\/prompts'\)/);
  });
});

describe('init asks whom each new person reports to, and their part-time share', () => {
  it('offers the people entered so far, takes shares as decimals or percentages, and writes both', async () => {
    const run = await init([
      ...ORG,
      'new', 'Dana Reyes', ENTER, ENTER, false, ENTER, 'done', // ciso: full time, nobody to report to yet
      NOBODY,
      'new', 'Lee Park', ENTER, ENTER, false, '0', '1.5', 'half', '60%', 'dana', 'done', // security-manager: 0.6, reports to Dana
      NOBODY,
      'new', 'Ravi Menon', ENTER, ENTER, ENTER, false, '0,5', ENTER, 'done', // security-analyst: half time, nobody chosen
      NOBODY, NOBODY, NOBODY,
      'write',
    ]);
    const reportQuestions = run.prompter.asked.filter((a) => a.message.startsWith('Whom does'));
    expect(reportQuestions.map((a) => [a.message, a.default, a.choices])).toEqual([
      ['Whom does Lee Park report to?', '', ['', 'dana']],
      ['Whom does Ravi Menon report to?', '', ['', 'dana', 'lee']],
    ]);
    expect(run.prompter.refused.map((r) => [r.answer, r.problem])).toEqual([
      ['0', 'enter a share above 0 and at most 1, such as 0.5 for half time'],
      ['1.5', 'enter a share above 0 and at most 1, such as 0.5 for half time'],
      ['half', 'enter a share above 0 and at most 1, such as 0.5 for half time'],
    ]);
    const members = parse(run.file()).members;
    expect(members.map((m: { id: string; fte?: number; reportsTo?: string }) => [m.id, m.fte, m.reportsTo])).toEqual([
      ['dana', undefined, undefined],
      ['lee', 0.6, 'dana'],
      ['ravi', 0.5, undefined],
    ]);
    expect(checkTeam(run.file()).findings.filter((f) => VALIDITY_RULES.includes(f.ruleId))).toEqual([]);
  });
});

describe('init asks about monitoring hours, seats, on-call and providers\' hours', () => {
  const STAFFED: ScriptedAnswer[] = [
    'Acme', '600', ENTER, 'hybrid', '24x7',
    '0', 'two', '2', // seats: refused twice, then two analysts on duty at once
    '24x7-on-call',
    'new', 'Dana Reyes', ENTER, ENTER, false, true, ENTER, 'done', // ciso: internal, in the rotation
    NOBODY, NOBODY, NOBODY,
    'new', 'Night SOC', ENTER, ENTER, 0, true, 'Acme MDR', ENTER, ENTER, ENTER, 'done', // security-analyst: a provider, hours as suggested
    NOBODY, NOBODY, NOBODY,
    'write',
  ];

  it('writes seats, the response model, the rotation and the provider\'s hours', async () => {
    const run = await init(STAFFED);
    const written = parse(run.file());
    expect(written.organization).toEqual({ name: 'Acme', employees: 600, soc: 'hybrid', monitoring: '24x7', seats: 2, response: '24x7-on-call' });
    expect(written.members).toEqual([
      { id: 'dana', name: 'Dana Reyes', title: 'Chief Information Security Officer', roles: ['ciso'], onCall: true },
      { id: 'night', name: 'Night SOC', title: 'Security Analyst', roles: ['security-analyst'], provider: 'Acme MDR', hours: 'off-hours' },
    ]);
    expect(run.prompter.refused.map((r) => [r.answer, r.problem])).toEqual([
      ['0', 'enter a whole number from 1 to 1000'],
      ['two', 'enter a whole number from 1 to 1000'],
    ]);
    expect(run.file()).toMatch(/seats: 2 # analysts on duty at once during those hours/);
    expect(run.file()).toMatch(/response: 24x7-on-call # incidents out of hours/);
  });

  it('offers off-hours for a hybrid SOC\'s provider and 24x7 for an outsourced one', async () => {
    const hybrid = await init(STAFFED);
    expect(hybrid.prompter.asked.find((a) => a.message.startsWith('Which monitoring hours'))).toMatchObject({ default: 'off-hours', choices: ['off-hours', '24x7', 'business-hours'] });
    const outsourced = await init(STAFFED.map((a) => (a === 'hybrid' ? 'outsourced' : a)));
    expect(outsourced.prompter.asked.find((a) => a.message.startsWith('Which monitoring hours'))).toMatchObject({ default: '24x7' });
    expect(parse(outsourced.file()).members[1].hours).toBe('24x7');
  });

  it('asks seats only past business hours, and on-call only with a 24x7 rotation', async () => {
    const run = await init(TOUR);
    const messages = run.prompter.asked.map((a) => a.message);
    expect(messages).toContain('Who responds to incidents outside business hours?');
    expect(messages.filter((m) => /seats|on-call rotation\?|monitoring hours does/.test(m))).toEqual([]);
    expect(parse(run.file()).organization.seats).toBe(1);
  });

  it('keeps a template\'s staffing fields with --yes', async () => {
    const dir = tempDir();
    const io = memoryIo(dir);
    expect(await runInit(undefined, { yes: true, template: 'large', name: 'Acme', employees: '4200' }, io)).toBe(0);
    const written = parse(readFileSync(join(dir, 'team.yaml'), 'utf8'));
    expect(written.organization).toMatchObject({ monitoring: '24x7', seats: 1, response: '24x7-on-call' });
    expect(written.members.filter((m: { onCall?: boolean }) => m.onCall === true)).toHaveLength(8);
    const small = readTemplate('small');
    expect(small.members.find((m) => m.provider !== undefined)?.hours).toBe('24x7');
  });
});
