import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

// Node.js's compile cache exists from Node.js 22.1; on Node.js 20 the program runs without one.
const HAS_CACHE = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) {
    chmodSync(folder, 0o700);
    rmSync(folder, { recursive: true, force: true });
  }
});

function home(): string {
  const folder = mkdtempSync(join(tmpdir(), 'secops-team-cache-'));
  folders.push(folder);
  return folder;
}

function check(homeFolder: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, 'check', '-f', 'json', 'templates/medium.yaml'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: homeFolder, NO_COLOR: '1', ...extra },
    encoding: 'utf8',
  });
}

/** Every file under `folder`. */
function files(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('compile cache', () => {
  it.skipIf(HAS_CACHE)('is not used where Node.js has none (Node.js 20): nothing is written', () => {
    const folder = home();
    const run = check(folder);
    expect(run.status).toBe(0);
    expect(existsSync(join(folder, '.cache'))).toBe(false);
  });

  it.skipIf(!HAS_CACHE)('lives in a private folder of the user, and a damaged entry never changes the result', () => {
    const folder = home();
    const plain = check(folder, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(plain.status).toBe(0);
    // Turned off, it is not even created.
    expect(existsSync(join(folder, '.cache'))).toBe(false);

    const first = check(folder);
    expect(first.stdout).toBe(plain.stdout);
    const cache = join(folder, '.cache', 'secops-team', 'compile-cache');
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const entries = files(cache);
    expect(entries.length).toBeGreaterThan(0);

    // Every entry damaged: truncated, or its bytes turned over.
    entries.forEach((entry, i) => {
      const bytes = readFileSync(entry);
      writeFileSync(entry, i % 2 === 0 ? bytes.subarray(0, bytes.length >> 1) : Buffer.from(bytes.map((b) => b ^ 0xa5)));
    });
    for (let run = 0; run < 2; run++) {
      const again = check(folder);
      expect(again.stderr).toBe('');
      expect(again.status).toBe(0);
      expect(again.stdout).toBe(plain.stdout);
    }
  });

  it.skipIf(!HAS_CACHE)('is not used from a folder that others can write', () => {
    const folder = home();
    const cache = join(folder, '.cache', 'secops-team', 'compile-cache');
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    const run = check(folder);
    expect(run.status).toBe(0);
    expect(files(cache)).toEqual([]);
  });
});
