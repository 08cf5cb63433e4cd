/**
 * Microsoft's SARIF Multitool, with its SARIF and GitHub rule sets, finds no
 * error and no warning in what `check -f sarif` writes. The tool is a .NET
 * program published on npm; it is installed on demand into
 * node_modules/.cache/sarif-multitool (not a dependency of the package, scripts
 * not run). Where it cannot be installed (offline, an unsupported platform)
 * the test is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const VERSION = '5.7.0';
const CACHE = join(ROOT, 'node_modules', '.cache', 'sarif-multitool');
const BINARY = join(CACHE, 'node_modules', '@microsoft', `sarif-multitool-${process.platform}`, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');

/** The Multitool's path, installing it first where needed; a reason when it cannot be had. */
function multitool(): { path: string } | { skip: string } {
  if (!existsSync(BINARY)) {
    mkdirSync(CACHE, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--prefix', CACHE, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `@microsoft/sarif-multitool@${VERSION}`], { encoding: 'utf8', timeout: 240_000 });
    if (install.status !== 0 || !existsSync(BINARY)) return { skip: `the SARIF Multitool could not be installed (${(install.stderr || install.error?.message || 'no binary for this platform').trim().split('\n').at(-1)})` };
  }
  // npm does not keep the executable bit of a file in a tarball it installed without scripts.
  if (process.platform !== 'win32') chmodSync(BINARY, 0o755);
  return { path: BINARY };
}

let tool: { path: string } | { skip: string };
beforeAll(() => {
  tool = multitool();
}, 300_000);

describe('SARIF Multitool validation', () => {
  it('finds no error or warning under its SARIF and GitHub rules', (context) => {
    if ('skip' in tool) {
      console.warn(`skipped: ${tool.skip}`);
      context.skip(tool.skip);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-sarif-'));
    // A syntax error, a schema error and a team with gap findings: every kind of result, with every rule described.
    writeFileSync(join(dir, 'broken.yaml'), 'version: 1\norganization:\n  name: "Acme\n');
    writeFileSync(join(dir, 'empty.yaml'), 'version: 1\n');
    const run = runCli(['check', 'broken.yaml', 'empty.yaml', join(ROOT, 'templates', 'small.yaml'), join(ROOT, 'templates', 'large.yaml'), '-f', 'sarif', '-o', 'out.sarif'], { cwd: dir });
    expect(run.status).toBe(1);
    const validate = spawnSync(tool.path, ['validate', join(dir, 'out.sarif'), '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning', '-o', join(dir, 'validation.sarif'), '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
    const problems = validate.stdout.split('\n').filter((line) => /: (error|warning) [A-Z]+\d+: /.test(line));
    expect(problems).toEqual([]);
    expect(validate.stdout).toContain('Analysis completed successfully');
    expect(validate.status).toBe(0);
  }, 180_000);
});
