/**
 * The library's types as a consumer sees them: a TypeScript project that has
 * installed secops-team type-checks against dist/index.d.ts. Slow lane: it
 * runs the TypeScript compiler, seconds of work.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);

describe("the library API, imported as 'secops-team'", () => {
  it('is typed: a TypeScript consumer type-checks against dist/index.d.ts', () => {
    // A project that has installed secops-team: node_modules/secops-team links to this package.
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-api-types-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'secops-team'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'api', 'consumer.ts'), join(dir, 'consumer.ts'));
    const tsc = require.resolve('typescript/bin/tsc');
    const run = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'consumer.ts'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 90_000);
});
