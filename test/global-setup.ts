/**
 * Gives each test run a temporary folder of its own, inside the system's,
 * and removes it with everything in it when the run ends: tests and the
 * processes they start make scratch folders with os.tmpdir(), and a run must
 * leave nothing behind, even when a test fails before its own clean-up.
 * Workers start after this runs, so they inherit TMPDIR.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  const folder = mkdtempSync(join(tmpdir(), 'secops-team-test-'));
  // Like the system's own: tests that run the tool as another user (see permissionRunner) reach their folders through it.
  chmodSync(folder, 0o1777);
  process.env.TMPDIR = folder;
  process.env.TMP = folder;
  process.env.TEMP = folder;
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  };
}
