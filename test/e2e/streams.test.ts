import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, CI_MARKER, RAW_CONTROL, ROOT, runCli, STACK_TRACE } from '../helpers.js';

const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'secops-team-streams-'));
}

/** A team with many findings: its report is larger than a pipe's buffer. */
function noisyTeam(dir: string): string {
  const lines = ['version: 1', 'organization:', '  name: Acme', '  employees: 120', 'members:'];
  for (let i = 0; i < 3000; i++) lines.push(`  - {id: m${i}, name: M, roles: [cisco]}`);
  const file = join(dir, 'noisy.yaml');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** A valid team with a finding per member: megabytes of JSON, more than any pipe buffers. */
function unknownLeads(dir: string): string {
  const lines = ['version: 1', 'organization:', '  name: Acme', '  employees: 120', 'members:'];
  for (let i = 0; i < 3000; i++) lines.push(`  - {id: m${i}, name: M, roles: [security-analyst], reportsTo: nobody}`);
  const file = join(dir, 'unknown-leads.yaml');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * A preload that makes decoding fail for one file only (its text holds a
 * marker that this module spells in base64), to prove how a bug in
 * secops-team surfaces without shipping a hook for it.
 */
const FAULT = `data:text/javascript,${encodeURIComponent(
  `const decode = TextDecoder.prototype.decode; const marker = atob('${Buffer.from('trigger-an-internal-error').toString('base64')}');` +
    `TextDecoder.prototype.decode = function (...args) { const text = decode.apply(this, args); if (text.includes(marker)) throw new TypeError('injected failure'); return text; };`,
)}`;

describe('standard streams and internal errors (built binary)', () => {
  it('escapes control characters in paths quoted on standard error', () => {
    const run = runCli(['check', 'team\x1b]0;pwned\x07\u202e.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^secops-team: cannot read "team\\u001b\]0;pwned\\u0007\\u202e\.yaml": no such file/);
    expect(run.stderr.trimEnd()).not.toMatch(RAW_CONTROL);
  });

  it('escapes control characters and CI markers in an unknown option', () => {
    const run = runCli(['check', '--x\x1b[2J##[error]pwned', 'templates/small.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(CI_MARKER);
  });

  it('stops quietly when the reader of standard output goes away (| head)', async () => {
    const file = noisyTeam(tempDir());
    const child = spawn(process.execPath, [BIN, 'check', file], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('writes the same whole report to a file as to a pipe', () => {
    const dir = tempDir();
    const file = unknownLeads(dir);
    const args = [BIN, 'check', '-f', 'json', file];
    const viaPipe = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(viaPipe.stdout.length).toBeGreaterThan(1024 * 1024);

    const out = join(dir, 'out.txt');
    const fd = openSync(out, 'w');
    try {
      const viaFile = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(viaFile.status).toBe(1);
      expect(viaFile.stderr).toBe('');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out, 'utf8')).toBe(viaPipe.stdout);
  });

  // A pipe set non-blocking by whoever shares it (as some shells and runners do): writes that would wait fail with EAGAIN.
  it.skipIf(spawnSync('python3', ['--version']).status !== 0)('writes the whole report to a non-blocking pipe whose reader is slow', () => {
    const dir = tempDir();
    const file = unknownLeads(dir);
    const args = [BIN, 'check', '-f', 'json', file];
    const expected = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.buffer.write(data)',
      'sys.exit(child.wait())',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, process.execPath, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(expected);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 2 with one line when standard output cannot be written (a full disk)', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'check', 'templates/small.yaml'], { cwd: ROOT, env: ENV, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^secops-team: cannot write to standard output: ENOSPC/);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      closeSync(fd);
    }
  });

  it('reports a bug as one line naming the command and asking for a report, exit 2, no stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), '# trigger-an-internal-error\nversion: 1\n');
    const run = spawnSync(process.execPath, ['--import', FAULT, BIN, 'check', 'team.yaml'], { cwd: dir, env: ENV, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'secops-team check: internal error: injected failure. This is a bug in secops-team: please report it with the input that caused it (run again with --debug for the stack trace)\n',
    );
  });

  it('prints the stack trace of a bug with --debug, before or after the command', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), '# trigger-an-internal-error\nversion: 1\n');
    for (const args of [['--debug', 'check', 'team.yaml'], ['check', 'team.yaml', '--debug']]) {
      const run = spawnSync(process.execPath, ['--import', FAULT, BIN, ...args], { cwd: dir, env: ENV, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^secops-team check: internal error: injected failure\. This is a bug in secops-team: please report it with the input that caused it\n/);
      expect(run.stderr).toMatch(STACK_TRACE);
      expect(run.stderr).toMatch(/at checkBytes/);
    }
  });
});
