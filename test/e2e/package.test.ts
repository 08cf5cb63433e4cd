import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

/** The paths `npm pack` would put in the tarball, without running the build scripts. */
function packedPaths(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [entry] = JSON.parse(out) as { files: { path: string }[] }[];
  return (entry?.files ?? []).map((f) => f.path);
}

describe('package manifest', () => {
  it('ships an MIT LICENSE file that matches package.json', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toContain('Permission is hereby granted, free of charge');
  });

  it('names the canonical repository, its page and its issue tracker', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/secops-team/secops-team.git' });
    expect(pkg.homepage).toBe('https://github.com/secops-team/secops-team#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/secops-team/secops-team/issues' });
  });

  it('packs the binary, the bundles, the schema, the templates, the README and the LICENSE, and no sources or tests', () => {
    const paths = packedPaths();
    for (const needed of ['LICENSE', 'README.md', 'package.json', 'bin/secops-team.js', 'schemas/team.schema.json', 'templates/small.yaml']) expect(paths).toContain(needed);
    expect(paths.some((p) => p.startsWith('dist/'))).toBe(true);
    expect(paths.filter((p) => /^(src|test|scripts|docs|examples)\//.test(p))).toEqual([]);
  });
});
