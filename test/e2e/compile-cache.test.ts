/**
 * The CLI's bundles run with a V8 code cache in a private folder of the
 * temporary directory; the cache never changes what a run prints, and is
 * not used where another user could have written it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function run(tmp: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, 'check', '--format', 'json', 'templates/medium.yaml'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...extra },
  });
}

const cacheName = `secops-team-compile-cache${typeof process.getuid === 'function' ? `-${process.getuid()}` : ''}`;

describe('the code cache', () => {
  it('is written on the first run and gives the same output on the next', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cache-test-'));
    folders.push(tmp);
    const first = run(tmp);
    const entries = readdirSync(join(tmp, cacheName));
    expect(entries.some((e) => e.startsWith('main.cjs-'))).toBe(true);
    expect(entries.some((e) => e.startsWith('check.cjs-'))).toBe(true);
    const second = run(tmp);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(join(tmp, cacheName)).sort()).toEqual(entries.sort());
  });

  it('is not used in a folder that others can write to', () => {
    if (typeof process.getuid !== 'function') return;
    const tmp = mkdtempSync(join(tmpdir(), 'cache-test-'));
    folders.push(tmp);
    const shared = join(tmp, cacheName);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(run(tmp).status).toBe(0);
    expect(readdirSync(shared)).toEqual([]);
  });

  it('never runs a changed bundle from the entry of the old one, even of the same length and date', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cache-test-'));
    folders.push(tmp);
    const bundle = join(tmp, 'bundle.cjs');
    const load = () =>
      spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(join(ROOT, 'dist', 'cli', 'compile-cache.cjs'))}).loadBundle(${JSON.stringify(bundle)}).value))`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      }).stdout;
    const write = (value: number, hash: string) => {
      writeFileSync(bundle, `module.exports = { value: ${value} };\n//# secops-team-bundle=${hash}\n`);
      utimesSync(bundle, 499162500, 499162500);
    };
    write(1, 'aaaaaaaaaaaaaaaaaaaa');
    expect(load()).toBe('1');
    expect(load()).toBe('1');
    write(2, 'bbbbbbbbbbbbbbbbbbbb');
    expect(load()).toBe('2');
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cache-test-'));
    folders.push(tmp);
    expect(run(tmp, { NODE_DISABLE_COMPILE_CACHE: '1' }).status).toBe(0);
    expect(existsSync(join(tmp, cacheName))).toBe(false);
  });
});
