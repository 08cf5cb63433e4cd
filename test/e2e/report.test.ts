import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-report-'));
}

const MEDIUM = join(ROOT, 'templates', 'medium.yaml');
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

describe('secops-team report (built binary)', () => {
  it('prints the page to stdout without -o', () => {
    const run = runCli(['report', MEDIUM], { env: { SOURCE_DATE_EPOCH: '1780272000' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(run.stdout).toContain(`Generated 2026-06-01 by secops-team ${VERSION}`);
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes -o, replacing the file -o names, and prints nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    writeFileSync(out, 'old');
    const run = runCli(['report', MEDIUM, '-o', out, '--color']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Harbor Logistics</h1>');
    expect(html).not.toMatch(/\x1b\[/);
  });

  it('reads standard input', () => {
    const run = runCli(['report', '-', '--stdin-filename', 'teams/harbor.yaml'], { input: readFileSync(MEDIUM) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Security-operations team report · teams/harbor.yaml');
  });

  it('writes nothing for a file that does not pass the schema: its findings on stderr, exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\norganization: {name: A, employees: 10}\nmembers:\n  - {id: a, name: A, roles: [cisco]}\n');
    const run = runCli(['report', 'bad.yaml', '-o', 'report.html'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/4:\d+ +error +unknown role "cisco"/);
    expect(run.stderr).toContain('secops-team: no report: "bad.yaml" does not pass the schema, or repeats a member id; fix the findings above first\n');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it.each([
    [['report'], {}, /missing required argument 'file'/],
    [['report', 'missing.yaml'], {}, /cannot read "missing\.yaml": no such file or directory/],
    [['report', MEDIUM, '-o', 'folder'], {}, /cannot write "folder": it is a directory; name a file/],
    [['report', MEDIUM, '--format', 'pdf'], {}, /unknown format "pdf"; use html/],
    [['report', MEDIUM], { SOURCE_DATE_EPOCH: 'yesterday' }, /SOURCE_DATE_EPOCH="yesterday" is not a number of seconds since 1970/],
  ])('exits 2 with one line: %j', (args, env, message) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    const run = runCli(args, { cwd: dir, env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});
