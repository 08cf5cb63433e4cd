import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

/** Runs the CLI in-process, with standard error a terminal or not. */
async function check(args: string[], stderrIsTerminal: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-summary-'));
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv: ['node', 'secops-team', 'check', join(ROOT, 'templates', 'small.yaml'), join(ROOT, 'test', 'fixtures', 'teams', 'security-division.yaml'), ...args],
    env: { NO_COLOR: '1' },
    cwd: dir,
    stdout: { write: (t) => void (stdout += t), isTTY: false, columns: 100 },
    stderr: { write: (t) => void (stderr += t), isTTY: stderrIsTerminal },
    stdin: { isTTY: false, read: async () => Buffer.from('') },
  });
  return { status, stdout, stderr, dir };
}

describe('check -o: one summary line for a person at a terminal', () => {
  it('tells a terminal what happened when the report goes to a file', async () => {
    const run = await check(['-f', 'json', '-o', 'out.json', '--report', 'sarif=out.sarif'], true);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('secops-team: 3 problems (0 errors, 0 warnings, 3 infos) in 2 files; wrote out.json, out.sarif\n');
    expect(existsSync(join(run.dir, 'out.json'))).toBe(true);
  });

  it('keeps CI logs quiet unless --summary asks, and --no-summary silences a terminal', async () => {
    expect((await check(['-f', 'json', '-o', 'out.json'], false)).stderr).toBe('');
    expect((await check(['-f', 'json', '-o', 'out.json', '--summary'], false)).stderr).toBe('secops-team: 3 problems (0 errors, 0 warnings, 3 infos) in 2 files; wrote out.json\n');
    expect((await check(['-f', 'json', '-o', 'out.json', '--no-summary'], true)).stderr).toBe('');
  });

  it('adds nothing when the report itself goes to the terminal', async () => {
    expect((await check([], true)).stderr).toBe('');
  });
});
