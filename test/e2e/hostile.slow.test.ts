/**
 * The heavy hostile shapes, through the built binary: 150,000 members in
 * check, matrix and diff (no stack overflow), a symbolic-link fan-out of
 * 65,536 paths to one file (not walked), and a million and four million `[`
 * (refused early, in constant memory: the run gets a heap of 64 MB). The
 * invariants of the corpus hold in each; times are for `npm run bench`.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTeam } from '../../scripts/bench/generate.mjs';
import { manyMembers } from '../../scripts/bench/hostile.mjs';
import { spawnCli, STACK_TRACE, type ChildRun } from '../helpers.js';
import { outputProblems } from '../robustness.js';

const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
/** A hang guard, not a timing. */
const HANG_GUARD_MS = 240_000;

type Run = ChildRun;

function run(args: readonly string[], cwd: string, node: readonly string[] = []): Promise<Run> {
  return spawnCli(args, { cwd, env: ENV, timeout: HANG_GUARD_MS, node });
}

function holds(r: Run): void {
  expect(r.signal, 'a hang or a crash').toBeNull();
  expect([0, 1, 2]).toContain(r.status);
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
  expect(outputProblems(r.stderr)).toEqual([]);
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'secops-team-hostile-slow-'));
  // All reporting to one manager: the shape that overflowed the stack (a list of 150,000 spread into a call).
  writeFileSync(join(dir, 'members-150k.yaml'), manyMembers(150_000));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('150,000 members: no call spreads or recursion in proportion to the input', () => {
  it.each([
    ['check', ['check', '-f', 'json', 'members-150k.yaml']],
    ['matrix', ['matrix', '-f', 'json', 'members-150k.yaml']],
    ['diff', ['diff', '-f', 'json', 'members-150k.yaml', 'members-150k.yaml']],
  ])('%s', { timeout: HANG_GUARD_MS + 10_000 }, async (_command, args) => {
    const r = await run(args, dir);
    holds(r);
    expect(r.status).not.toBe(2);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

describe('a symbolic-link fan-out: 8 folders of 4 links each to the next, 65,536 paths to one file', () => {
  it('is not walked: the glob finds the one real file', { timeout: HANG_GUARD_MS + 10_000 }, async () => {
    const fan = join(dir, 'fan');
    for (let level = 0; level < 8; level++) mkdirSync(join(fan, `d${level}`), { recursive: true });
    for (let level = 0; level < 7; level++) for (let link = 0; link < 4; link++) symlinkSync(join('..', `d${level + 1}`), join(fan, `d${level}`, `l${link}`));
    writeFileSync(join(fan, 'd7', 'team.yaml'), generateTeam(30));
    const r = await run(['check', '-f', 'json', 'fan/**/*.yaml'], dir);
    holds(r);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['fan/d7/team.yaml']);
  });
});

describe('a million and four million `[` after members:', () => {
  it.each([1_000_000, 4_000_000])('%i: refused at the 100th level, with a position, in a 64 MB heap', { timeout: HANG_GUARD_MS + 10_000 }, async (depth) => {
    const name = `nest-${depth}.yaml`;
    writeFileSync(join(dir, name), `version: 1\norganization:\n  name: Acme\n  employees: 50\nmembers: ${'['.repeat(depth)}\n`);
    const r = await run(['check', '-f', 'json', name], dir, ['--max-old-space-size=64']);
    holds(r);
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 5, column: 10 + 99 });
    expect(findings[0].message).toMatch(/more than 100 levels deep/);
  });
});
