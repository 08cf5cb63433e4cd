import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runInProcess, STACK_TRACE } from '../helpers.js';

const FIXTURES = join('test', 'fixtures', 'diff');
const CASES = readdirSync(join(ROOT, FIXTURES)).sort();
const FORMATS = [
  ['stylish', 'diff.txt'],
  ['json', 'diff.json'],
  ['markdown', 'diff.md'],
] as const;

/** Regression verdicts of the fixture pairs: `--fail-on-regression` exits 1 exactly for these. */
const REGRESSES: Record<string, boolean> = {
  'grow-to-medium': true,
  'hire-ciso': false,
  'remove-analysts': true,
  reorganize: false,
};

describe('secops-team diff: golden files', () => {
  it('has a verdict for every fixture pair', () => {
    expect(CASES).toEqual(Object.keys(REGRESSES).sort());
  });

  // Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change; review the git diff.
  describe.each(CASES)('%s', (name) => {
    const before = join(FIXTURES, name, 'before.yaml');
    const after = join(FIXTURES, name, 'after.yaml');

    it.each(FORMATS)('--format %s matches %s', async (format, golden) => {
      const run = await runInProcess(['diff', before, after, '--format', format]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const path = join(ROOT, FIXTURES, name, golden);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, run.stdout);
      expect(run.stdout).toBe(readFileSync(path, 'utf8'));
    });

    it(`--fail-on-regression exits ${REGRESSES[name] ? 1 : 0}`, async () => {
      const run = await runInProcess(['diff', before, after, '--fail-on-regression']);
      expect(run.status).toBe(REGRESSES[name] ? 1 : 0);
      expect(JSON.parse((await runInProcess(['diff', before, after, '-f', 'json'])).stdout).regression.regressed).toBe(REGRESSES[name]);
    });
  });

  it('prints the documented, versioned JSON shape', async () => {
    const run = await runInProcess(['diff', join(FIXTURES, 'hire-ciso', 'before.yaml'), join(FIXTURES, 'hire-ciso', 'after.yaml'), '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['version', 'before', 'after', 'organization', 'members', 'coverage', 'findings', 'regression']);
    expect(json.version).toBe(1);
    expect(Object.keys(json.before)).toEqual(['file', 'organization', 'members', 'coverage', 'summary']);
    expect(Object.keys(json.members)).toEqual(['added', 'removed', 'changed']);
    expect(Object.keys(json.coverage[0])).toEqual(['responsibility', 'role', 'change', 'before', 'after']);
    expect(Object.keys(json.findings)).toEqual(['added', 'removed', 'changed']);
    expect(Object.keys(json.regression)).toEqual(['regressed', 'worse', 'newErrors']);
  });
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-diff-'));
}

const TEAM = (employees: number, extra = '') =>
  [
    'version: 1',
    'organization:',
    '  name: Acme',
    `  employees: ${employees}`,
    'members:',
    '  - {id: dana, name: Dana, roles: [security-manager]}',
    '  - {id: omar, name: Omar, roles: [it-operations-manager]}',
    '  - {id: ana, name: Ana, roles: [security-analyst], reportsTo: dana}',
    extra,
  ].join('\n') + '\n';

describe('secops-team diff: inputs and errors', () => {
  it('writes to --output, never to stdout', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), TEAM(120));
    writeFileSync(join(dir, 'b.yaml'), TEAM(120, '  - {id: sam, name: Sam, roles: [system-administrator]}'));
    const run = runCli(['diff', 'a.yaml', 'b.yaml', '-f', 'markdown', '-o', 'diff.md'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'diff.md'), 'utf8')).toContain('| ➕ added | sam | Sam |');
  });

  it('reads one side from standard input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.yaml'), TEAM(120));
    const run = runCli(['diff', '-', 'b.yaml', '--stdin-filename', 'old.yaml'], { cwd: dir, input: TEAM(120, '  - {id: sam, name: Sam, roles: [system-administrator]}') });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^old\.yaml → b\.yaml\n/);
    expect(run.stdout).toMatch(/ {2}- {2}sam {2}Sam: system-administrator\n/);
  });

  it('refuses to compare a file that does not pass the schema: its findings on stderr, exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), TEAM(120));
    writeFileSync(join(dir, 'bad.yaml'), TEAM(120).replace('roles: [security-manager]', 'roles: [cisco]'));
    for (const args of [
      ['good.yaml', 'bad.yaml'],
      ['bad.yaml', 'good.yaml'],
    ]) {
      const run = runCli(['diff', ...args], { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('bad.yaml\n');
      expect(run.stderr).toMatch(/6:\d+ +error +unknown role "cisco"; did you mean "ciso"\?/);
      expect(run.stderr).toContain('secops-team: cannot compare: "bad.yaml" does not pass the schema, or repeats a member id; fix the findings above first\n');
    }
  });

  it.each([
    [['diff', 'a.yaml'], /missing required argument 'after'/],
    [['diff', 'a.yaml', 'missing.yaml'], /cannot read "missing\.yaml": no such file or directory/],
    [['diff', 'a.yaml', 'a.yaml', '-f', 'sarif'], /unknown format "sarif"; use one of: json, markdown, stylish/],
    [['diff', '-', '-'], /"-" \(standard input\) can be given only once/],
  ])('exits 2 with one line: %j', (args, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), TEAM(120));
    const run = runCli(args, { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

const HAS_GIT = spawnSync('git', ['--version']).status === 0;

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A repository with team.yaml committed twice: 120 employees, then 420 (a regression: errors at medium size). */
function repository(): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'team.yaml'), TEAM(120));
  mkdirSync(join(dir, 'teams'));
  writeFileSync(join(dir, 'teams', 'other.yaml'), TEAM(120));
  git(dir, 'add', 'team.yaml', 'teams');
  git(dir, 'commit', '-q', '-m', 'first');
  writeFileSync(join(dir, 'team.yaml'), TEAM(420));
  return dir;
}

describe.skipIf(!HAS_GIT)('secops-team diff git:<rev>:<path>', () => {
  it('reads the old version from git', () => {
    const dir = repository();
    const run = runCli(['diff', 'git:HEAD:team.yaml', 'team.yaml', '--fail-on-regression'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^git:HEAD:team\.yaml → team\.yaml\n/);
    expect(run.stdout).toContain('employees 120 → 420');
    expect(run.status).toBe(1);
    git(dir, 'commit', '-q', '-am', 'second');
    const again = runCli(['diff', 'git:HEAD~1:team.yaml', 'git:main:team.yaml', '-f', 'json'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).organization[0]).toEqual({ field: 'employees', before: 120, after: 420 });
  });

  it('takes paths from the repository root, or relative with ./', () => {
    const dir = repository();
    mkdirSync(join(dir, 'sub'));
    expect(runCli(['diff', 'git:HEAD:team.yaml', '../team.yaml'], { cwd: join(dir, 'sub') }).status).toBe(0);
    expect(runCli(['diff', 'git:HEAD:../team.yaml', '../team.yaml'], { cwd: join(dir, 'sub') }).status).toBe(0);
  });

  it.each([
    ['git:nope:team.yaml', /cannot read "git:nope:team\.yaml": revision "nope" not found in this repository; fetch it first/],
    ['git:HEAD:other.yaml', /cannot read "git:HEAD:other\.yaml": "other\.yaml" does not exist in revision "HEAD"/],
    ['git:HEAD:teams', /"teams" is a folder in revision "HEAD"; name a team file/],
    ['git:--output=leak.txt:team.yaml', /a revision cannot start with "-"/],
    ['git:-p:team.yaml', /a revision cannot start with "-"/],
    ['git::team.yaml', /is not of the form git:<revision>:<path>/],
    ['git:HEAD', /is not of the form git:<revision>:<path>/],
  ])('%s: exit 2 with one line', (spec, message) => {
    const dir = repository();
    const run = runCli(['diff', spec, 'team.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'leak.txt'))).toBe(false);
  });

  it('says so outside a repository', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), TEAM(120));
    const run = runCli(['diff', 'git:HEAD:team.yaml', 'team.yaml'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/this is not inside a git repository; run from the repository, or compare two files\n$/);
  });
});

describe('secops-team diff without git installed', () => {
  it('says git is missing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), TEAM(120));
    // An empty PATH: node is started by its full path, git cannot be found.
    const run = runCli(['diff', 'git:HEAD:team.yaml', 'team.yaml'], { cwd: dir, env: { PATH: join(dir, 'no-bin') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('secops-team: cannot read "git:HEAD:team.yaml": git is not installed or not on the PATH; install git, or compare two files\n');
  });
});
