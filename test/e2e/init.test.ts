import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, STACK_TRACE } from '../helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-init-e2e-'));
}

describe('secops-team init without prompts (built binary)', () => {
  it('init --yes --template small --name "Acme" --employees 120 writes a file check passes; a second run exits 2 and keeps it', () => {
    const dir = tempDir();
    const first = runCli(['init', '--yes', '--template', 'small', '--name', 'Acme', '--employees', '120'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Wrote team\.yaml: Acme, 4 members holding 4 of 8 roles\.\n/);
    expect(first.stdout).toMatch(/Next:\n/);
    expect(readdirSync(dir)).toEqual(['team.yaml']);
    const written = readFileSync(join(dir, 'team.yaml'));
    const mtime = statSync(join(dir, 'team.yaml')).mtimeMs;
    expect(written.toString('utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/secops-team/schemas/team.schema.json');
    expect(parse(written.toString('utf8')).organization).toMatchObject({ name: 'Acme', employees: 120 });

    const check = runCli(['check', 'team.yaml'], { cwd: dir });
    expect(check.status).toBe(0);

    const second = runCli(['init', '--yes', '--template', 'small', '--name', 'Acme', '--employees', '120'], { cwd: dir });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe('secops-team: "team.yaml" already exists; use --force to replace it, or choose another path\n');
    expect(second.stdout).toBe('');
    expect(readFileSync(join(dir, 'team.yaml')).equals(written)).toBe(true);
    expect(statSync(join(dir, 'team.yaml')).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['team.yaml']);
  });

  it('without a terminal and without --yes, exits 2 with one line saying how to run without prompts', () => {
    const dir = tempDir();
    const run = runCli(['init'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^secops-team: init asks its questions on a terminal.*secops-team init --yes --name "Your Org" --employees 120/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [['init', '--yes', '--template', 'huge'], /argument 'huge' is invalid. Allowed choices are small, medium, large, enterprise/],
    [['init', '--yes', '--employees', 'lots'], /--employees "lots" is not a whole number from 1 to 10,000,000/],
    [['init', '--yes', 'no/such/folder/team.yaml'], /the folder "no\/such\/folder" does not exist; create it first/],
  ])('exits 2 with one line for %j', (args, message) => {
    const dir = tempDir();
    const run = runCli(args, { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('shows help with examples', () => {
    const run = runCli(['init', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--template <size>/);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ secops-team init\n/);
  });
});

// ---------------------------------------------------------------------------
// In a pseudo-terminal: `script` (util-linux) gives the command a real tty.

const SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' });
const HAS_SCRIPT = SCRIPT.status === 0 && /util-linux/.test(SCRIPT.stdout + SCRIPT.stderr);
if (!HAS_SCRIPT) {
  console.warn('secops-team: skipping the pseudo-terminal tests of init: `script` from util-linux is not on PATH (install util-linux to run them)');
}

const KEY = { enter: '\r', down: '\u001b[B', escape: '\u001b', ctrlC: '\u0003' };

/** Strips the cursor movement and colour sequences a prompt draws with. */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '').replace(/\r/g, '');
}

interface Session {
  /** Waits until the screen shows `pattern` after what was already matched. */
  see(pattern: RegExp): Promise<void>;
  type(keys: string): void;
  exit(): Promise<number | null>;
  output(): string;
}

function startInPty(args: string, cwd: string): Session {
  const command = `stty cols 80 rows 30; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SHELL: '/bin/sh', TERM: 'xterm', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let seen = 0;
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const guard = setTimeout(() => child.kill('SIGKILL'), 25_000);
  void exited.then(() => clearTimeout(guard));

  return {
    see: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const text = plain(raw);
          const match = pattern.exec(text.slice(seen));
          if (!match) return false;
          seen += match.index + match[0].length;
          waiters.delete(onChange);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const onChange = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(onChange);
          reject(new Error(`the screen never showed ${pattern}; it shows:\n${plain(raw).slice(-1500)}`));
        }, 10_000);
        waiters.add(onChange);
        check();
      }),
    type: (keys) => void child.stdin.write(keys),
    exit: async () => {
      const code = await exited;
      child.stdin.end();
      return code;
    },
    output: () => plain(raw),
  };
}

describe.skipIf(!HAS_SCRIPT)('secops-team init in a pseudo-terminal (needs `script` from util-linux)', () => {
  it('answers the prompts, writes the team and prints the report', async () => {
    const dir = tempDir();
    const s = startInPty('init', dir);
    await s.see(/Organization name/);
    s.type('Acme Pty\r');
    await s.see(/Number of employees/);
    s.type('42\r');
    await s.see(/❯ small: 1–249 employees \(42 employees\)/);
    s.type(KEY.enter);
    await s.see(/Who runs your security operations center/);
    s.type(KEY.enter);
    await s.see(/When are security alerts watched/);
    s.type(KEY.enter);
    await s.see(/Who responds to incidents outside business hours/);
    s.type(KEY.enter);
    await s.see(/Role 1 of 8: Chief Information Security Officer \(ciso\)\n {2}Owns the security posture/);
    await s.see(/❯ Nobody/);
    s.type(KEY.down);
    await s.see(/❯ A new person/);
    s.type(KEY.enter);
    await s.see(/Name/);
    s.type('Dana Reyes\r');
    await s.see(/Id \(edit it, or press Enter\) dana/);
    s.type(KEY.enter);
    await s.see(/Job title \(optional\)/);
    s.type('Head of Security\r');
    await s.see(/Is this person external/);
    s.type(KEY.enter);
    await s.see(/Anyone else holding Chief Information Security Officer\?/);
    s.type(KEY.enter);
    for (const title of ['Chief Information Officer', 'Security Manager', 'Security Engineer', 'Security Analyst', 'IT Operations Manager', 'System Administrator', 'System Analyst']) {
      await s.see(new RegExp(`Who holds ${title}\\?`));
      s.type(KEY.enter);
    }
    await s.see(/The team \(1 member\):/);
    await s.see(/│ dana +│ Dana Reyes +│ ciso +│ Head of Security +│/);
    await s.see(/Roles nobody holds \(7 of 8\)/);
    await s.see(/What `secops-team check` will report on this team:/);
    await s.see(/Write team\.yaml\?/);
    s.type(KEY.enter);
    await s.see(/Wrote team\.yaml: Acme Pty, 1 member holding 1 of 8 roles\./);
    await s.see(/Next:/);
    // The last question offers the plan; Enter declines it.
    await s.see(/Show what to hire next \(secops-team plan\) for this team\?/);
    s.type(KEY.enter);
    expect(await s.exit()).toBe(0);

    expect(readdirSync(dir)).toEqual(['team.yaml']);
    const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(parse(text)).toEqual({
      version: 1,
      organization: { name: 'Acme Pty', employees: 42, soc: 'none', monitoring: 'business-hours', seats: 1, response: 'business-hours' },
      members: [{ id: 'dana', name: 'Dana Reyes', title: 'Head of Security', roles: ['ciso'] }],
    });
    // Gaps are for the report; the file itself must pass the schema and the reference checks.
    const check = JSON.parse(runCli(['check', '--format', 'json', 'team.yaml'], { cwd: dir }).stdout);
    const invalid = check.files[0].findings.filter((f: { ruleId: string }) => ['yaml-syntax', 'schema', 'duplicate-member', 'unknown-member', 'reporting-cycle'].includes(f.ruleId));
    expect(invalid).toEqual([]);
  });

  it('Ctrl-C at a prompt: one line, exit 130, nothing written', async () => {
    const dir = tempDir();
    const s = startInPty('init', dir);
    await s.see(/Organization name/);
    s.type('Acm');
    await s.see(/Acm/);
    s.type(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(s.output()).toMatch(/secops-team: cancelled; nothing was written\n/);
    expect(s.output()).not.toMatch(/ExitPromptError|\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Escape at a prompt: one line, exit 130, nothing written, an existing file kept with --force', async () => {
    const dir = tempDir();
    runCli(['init', '--yes'], { cwd: dir });
    const before = readFileSync(join(dir, 'team.yaml'));
    const s = startInPty('init --force --template medium', dir);
    await s.see(/Organization name \(Harbor Logistics\)/);
    s.type(KEY.enter);
    await s.see(/Number of employees \(640\)/);
    s.type(KEY.enter);
    await s.see(/Organization size/);
    s.type(KEY.escape);
    expect(await s.exit()).toBe(130);
    expect(s.output()).toMatch(/secops-team: cancelled; nothing was written\n/);
    expect(readdirSync(dir)).toEqual(['team.yaml']);
    expect(readFileSync(join(dir, 'team.yaml')).equals(before)).toBe(true);
  });
});
