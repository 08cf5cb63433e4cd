import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** A project that has installed secops-team: node_modules/secops-team links to this package. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-api-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'secops-team'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  mkdirSync(join(dir, 'teams', 'emea'), { recursive: true });
  copyFileSync(join(ROOT, 'templates', 'small.yaml'), join(dir, 'teams', 'hq.yaml'));
  writeFileSync(join(dir, 'teams', 'emea', 'berlin.yaml'), 'version: 1\norganization:\n  name: Berlin\n  employees: 80\nmembers:\n  - id: dana\n    name: Dana\n    roles: [cisco]\n');
  return dir;
}

function node(dir: string, file: string) {
  return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '' } });
}

/** The library example of docs/api.md, verbatim. */
function apiPageExample(): string {
  const page = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
  const match = /# Library API[\s\S]*?```js\n([\s\S]*?)```/.exec(page);
  if (!match?.[1]) throw new Error('docs/api.md has no ```js block under "# Library API"');
  return match[1];
}

describe("the library API, imported as 'secops-team'", () => {
  it('runs the example of docs/api.md against the built package', () => {
    const dir = project();
    writeFileSync(join(dir, 'example.mjs'), apiPageExample());
    const run = node(dir, 'example.mjs');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('teams/emea/berlin.yaml:8:13 error unknown role "cisco"');
    expect(run.stdout).toMatch(/{ files: 2, errors: 1, warnings: \d+, infos: \d+ }/);
    expect(run.stdout).toMatch(/^ciso, cio, security-manager/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('teams/emea/berlin.yaml');
  });

  it('returns the same result as the CLI, and throws InputError for a glob that matches nothing', () => {
    const dir = project();
    writeFileSync(
      join(dir, 'same.mjs'),
      [
        "import { checkFiles, InputError } from 'secops-team';",
        "import { execFileSync } from 'node:child_process';",
        "const api = await checkFiles(['teams/**/*.yaml']);",
        "let cli = '';",
        "try { execFileSync(process.execPath, ['node_modules/secops-team/bin/secops-team.js', 'check', 'teams/**/*.yaml', '-f', 'json'], { encoding: 'utf8' }); }",
        'catch (error) { cli = error.stdout; }',
        "const missing = await checkFiles(['nothing/*.yaml']).catch((error) => error);",
        // The JSON output is the API's result without the team as read.
        'const withoutTeam = { ...api, files: api.files.map(({ team, ...file }) => file) };',
        'console.log(JSON.stringify({ same: JSON.stringify(withoutTeam, null, 2) + "\\n" === cli, input: missing instanceof InputError, message: missing.message }));',
      ].join('\n'),
    );
    const run = node(dir, 'same.mjs');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, input: true, message: 'no files match "nothing/*.yaml" (from the current folder); check the pattern, or name the files' });
  });


  it('declares the entry and its types in the exports map, and ships them', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(existsSync(join(ROOT, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'index.d.ts'))).toBe(true);
    expect(pkg.files).toContain('dist');
  });
});
