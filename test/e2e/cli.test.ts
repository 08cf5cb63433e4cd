import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { runCli, STACK_TRACE } from '../helpers.js';

const BAD = [
  'version: 1',
  'organization:',
  '  name: Acme',
  '  employees: 120',
  'members:',
  '  - id: dana',
  '    name: Dana',
  '    roles: [cisco]',
  '',
].join('\n');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-e2e-'));
}

describe('secops-team check (built binary)', () => {
  it.each(['small', 'medium', 'large', 'enterprise'])('passes templates/%s.yaml with exit 0', (size) => {
    const run = runCli(['check', `templates/${size}.yaml`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('reports a schema error with file, line, column and rule, and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), BAD);
    const run = runCli(['check', 'team.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('team.yaml\n');
    expect(run.stdout).toMatch(/ {2}8:13 {2}error {4}unknown role "cisco"; did you mean "ciso"\? use a catalog role, or declare your own under roles: \(secops-team roles lists them\) {2}schema\n/);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 infos\) in 1 file/);
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it('reads standard input with -, named by --stdin-filename', () => {
    const run = runCli(['check', '-', '--stdin-filename', 'teams/acme.yaml', '--format', 'json'], { input: BAD });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.files[0].file).toBe('teams/acme.yaml');
    expect(json.files[0].findings[0]).toMatchObject({ ruleId: 'schema', line: 8, column: 13, endLine: 8, endColumn: 18, path: '/members/0/roles/0' });
  });

  it('prints the documented JSON shape', () => {
    const run = runCli(['check', '--format', 'json', 'templates/small.yaml']);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['version', 'files', 'summary']);
    expect(json.version).toBe(1);
    expect(Object.keys(json.files[0])).toEqual(['file', 'findings', 'suppressed', 'coverage', 'checks']);
    // The team as read is in the library's results, not in the JSON output.
    const team = checkTeam(readFileSync('templates/small.yaml', 'utf8')).team;
    expect(team?.organization).toEqual({ name: 'Northwind Dental Group', employees: 120, size: 'small', soc: 'outsourced', monitoring: '24x7', seats: 1, response: 'business-hours', scope: 'security-and-it' });
    expect(team?.members[3]).toEqual({
      id: 'sentinel-soc',
      name: 'Sentinel Managed SOC',
      roles: ['security-analyst'],
      reportsTo: 'dana',
      fte: 1,
      provider: 'Sentinel Security Services',
      hours: '24x7',
    });
    expect(Object.keys(json.summary)).toEqual(['files', 'errors', 'warnings', 'infos']);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const run = runCli(['check', 'templates/small.yaml', '-f', 'json', '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.files).toBe(1);
  });

  it.each([
    ['a missing file', ['check', 'no-such-team.yaml'], /^secops-team: cannot read "no-such-team.yaml": no such file or directory; check the path\n$/],
    ['a directory', ['check', 'templates'], /^secops-team: cannot read "templates": it is a directory; name a team file/],
    ['an unknown option', ['check', '--frobnicate', 'templates/small.yaml'], /^secops-team: unknown option '--frobnicate'/],
    ['an unknown format', ['check', '-f', 'xml', 'templates/small.yaml'], /^secops-team: unknown format "xml"; use one of: /],
    ['an unknown command', ['chekc', 'team.yaml'], /^secops-team: unknown command 'chekc'.*Did you mean check\?/],
    ['no command at all', [], /Usage: secops-team/],
    ['an empty path', ['check', ''], /^secops-team: an empty path was given/],
    ['--stdin-filename without -', ['check', 'templates/small.yaml', '--stdin-filename', 'x.yaml'], /^secops-team: --stdin-filename names standard input, but no "-" was given/],
  ])('exits 2 with one line on stderr for %s', (_what, args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    if (args.length > 0) expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('colours stylish output with --color and never with NO_COLOR alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), BAD);
    expect(runCli(['check', '--color', 'team.yaml'], { cwd: dir }).stdout).toMatch(/\x1b\[31m/);
    expect(runCli(['check', 'team.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/); // NO_COLOR=1 wins
    expect(runCli(['check', '-f', 'json', '--color', 'team.yaml'], { cwd: dir }).stdout).not.toMatch(/\x1b\[/);
  });

  it('escapes control characters from the file in terminal output', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), BAD.replace('[cisco]', '["\\e]0;pwned\\a\\e[2J"]'));
    const run = runCli(['check', 'team.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(run.stdout).toContain('pwned');
  });

  it('checks several files in one run with one summary', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'teams'));
    writeFileSync(join(dir, 'teams', 'bad.yaml'), BAD);
    const run = runCli(['check', join('templates', 'small.yaml'), join(dir, 'teams', 'bad.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/in 2 files/);
  });
});

describe('other commands', () => {
  it('prints the version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it.each([[['--help']], [['check', '--help']], [['roles', '--help']], [['schema', '--help']]])('shows help with examples: %j', (args) => {
    const run = runCli(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: secops-team/);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ secops-team /);
  });

  it('lists the role catalog and shows one role', () => {
    expect(runCli(['roles']).stdout).toMatch(/security-manager/);
    const one = runCli(['roles', 'security-analyst']);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/PD-WRL-003 Incident Response/);
    expect(one.stdout).toMatch(/Cyber Incident Responder/);
    expect(one.stdout).toMatch(/security-analyst\.alert-monitoring/);
    const json = JSON.parse(runCli(['roles', '--format', 'json']).stdout);
    expect(json.map((r: { kind: string }) => r.kind)).toEqual([...Array(8).fill('role'), ...Array(12).fill('specialist')]);
  });

  it('suggests the closest role id for a typo', () => {
    const run = runCli(['roles', 'cisco']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/did you mean "ciso"/);
  });

  it('prints the committed schema', () => {
    expect(runCli(['schema']).stdout).toBe(readFileSync('schemas/team.schema.json', 'utf8'));
  });

  it('never writes over a file it was not asked to replace', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'keep me');
    const run = runCli(['check', 'templates/small.yaml', '-f', 'json', '-o', out]);
    // -o names the report file: replacing it is what the user asked for.
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/"version": 1/);
  });
});
