import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionRunner, ROOT, runCli, runCliAs, STACK_TRACE } from '../helpers.js';

const TEMPLATE = join(ROOT, 'templates', 'small.yaml');

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-write-'));
  chmodSync(dir, 0o755); // readable by an unprivileged child, see permissionRunner
  return dir;
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_TRACE);
}

const permissions = permissionRunner();

describe('writing reports (built binary)', () => {
  it('exits 2 with one line, and leaves nothing behind, when the folder does not exist', () => {
    const dir = tempDir();
    const run = runCli(['check', TEMPLATE, '-f', 'json', '-o', join(dir, 'missing', 'report.json')]);
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^secops-team: cannot write ".*report\.json": no such file or directory/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(permissions.skip !== undefined)(`keeps the old report when the folder is read-only, and exits 2${permissions.skip ? ` (skipped: ${permissions.skip})` : ''}`, () => {
    const dir = tempDir();
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const report = join(folder, 'report.json');
    writeFileSync(report, 'the previous report');
    chmodSync(report, 0o666);
    chmodSync(folder, 0o555);
    try {
      const run = runCliAs(['check', TEMPLATE, '-f', 'json', '-o', report], permissions);
      expect(run.status).toBe(2);
      expectOneLine(run.stderr, /^secops-team: cannot write ".*report\.json": permission denied/);
      expect(readFileSync(report, 'utf8')).toBe('the previous report');
      expect(readdirSync(folder)).toEqual(['report.json']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it.each([
    ['the same path', (dir: string) => join(dir, 'team.yaml')],
    ['another spelling of the path', (dir: string) => join(dir, '.', 'sub', '..', 'team.yaml')],
    ['a symbolic link to it', (dir: string) => join(dir, 'link.yaml')],
  ])('never writes the report over the team file being checked: %s', (_what, output) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const team = readFileSync(TEMPLATE, 'utf8');
    writeFileSync(join(dir, 'team.yaml'), team);
    symlinkSync(join(dir, 'team.yaml'), join(dir, 'link.yaml'));
    const run = runCli(['check', 'team.yaml', '-f', 'json', '-o', output(dir)], { cwd: dir });
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^secops-team: cannot write the report to ".*": it is one of the team files being read; choose another path/);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe(team);
  });

  it.each([
    ['report', (dir: string) => ['report', 'team.yaml', '-o', join(dir, 'team.yaml')]],
    ['diff, over the version before', (_dir: string) => ['diff', 'team.yaml', 'after.yaml', '-o', 'team.yaml']],
    ['diff, over the version after', (_dir: string) => ['diff', 'after.yaml', 'team.yaml', '-f', 'json', '-o', './team.yaml']],
  ])('never writes %s output over a team file it reads', (_what, args) => {
    const dir = tempDir();
    const team = readFileSync(TEMPLATE, 'utf8');
    writeFileSync(join(dir, 'team.yaml'), team);
    writeFileSync(join(dir, 'after.yaml'), team);
    const run = runCli(args(dir), { cwd: dir });
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /^secops-team: cannot write the report to ".*": it is one of the team files being read; choose another path/);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe(team);
  });

  it('writes through a symbolic link to the file it points to, keeping the link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    const run = runCli(['check', TEMPLATE, '-f', 'json', '-o', join(dir, 'link.json')]);
    expect(run.status).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).version).toBe(1);
  });

  it('writes a report whose name is near the file-system limit (the temporary name stays within it)', () => {
    const dir = tempDir();
    const name = `${'r'.repeat(240)}.json`;
    const run = runCli(['check', TEMPLATE, '-f', 'json', '-o', join(dir, name)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });
});
