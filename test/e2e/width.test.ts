/**
 * At 80 columns, and in a 60-column terminal, the matrix, explain and diff
 * stay readable: every line fits, wrapped or abbreviated with a legend.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/catalog/index.js';
import { run } from '../../src/cli/main.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';

/** Runs the CLI in-process with standard output a terminal of `columns` columns. */
async function terminal(columns: number, args: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const status = await run({
    argv: ['node', 'secops-team', ...args],
    env: { NO_COLOR: '1' },
    cwd: ROOT,
    stdout: { write: (t) => void (stdout += t), isTTY: true, columns },
    stderr: { write: () => undefined },
    stdin: { isTTY: false, read: async () => Buffer.from('') },
  });
  return { status, stdout };
}

/** The lines longer than the terminal, by their width in characters. */
const tooLong = (text: string, columns: number) => text.split('\n').filter((line) => [...line].length > columns);

const TEAMS = ['templates/small.yaml', 'templates/medium.yaml', 'templates/large.yaml', 'templates/enterprise.yaml', 'test/fixtures/teams/security-division.yaml'];
const DIFFS = readdirSync(join(ROOT, 'test', 'fixtures', 'diff'));
const IDS = [...ALL_RULES.map((r) => r.id), ...ROLES.map((r) => r.id), ...ROLES.flatMap((r) => r.responsibilities.map((d) => d.id))];

describe.each([80, 60])('at %i columns', (columns) => {
  it.each(TEAMS)('matrix %s fits, with a legend for its status letters', async (team) => {
    const { status, stdout } = await terminal(columns, ['matrix', team]);
    expect(status).toBe(0);
    expect(tooLong(stdout, columns)).toEqual([]);
    expect(stdout).toMatch(/^Status: C covered, E external, A absorbed/);
    // Every duty of the catalog is still listed, by its short name under its role.
    for (const role of ROLES.filter((r) => r.responsibilities.length > 0)) expect(stdout).toMatch(new RegExp(`^${role.id}$`, 'm'));
  });

  it('explain fits for every rule, role and responsibility, and the list of rules', async () => {
    for (const id of [...IDS, undefined]) {
      const { status, stdout } = await terminal(columns, id === undefined ? ['explain'] : ['explain', id]);
      expect(status).toBe(0);
      expect(tooLong(stdout, columns), id ?? 'the list').toEqual([]);
    }
  });

  it.each(DIFFS)('diff %s fits', async (name) => {
    const dir = join('test', 'fixtures', 'diff', name);
    const { stdout } = await terminal(columns, ['diff', join(dir, 'before.yaml'), join(dir, 'after.yaml')]);
    expect(stdout).toContain('→');
    expect(tooLong(stdout, columns)).toEqual([]);
  });
});

describe('wide terminals and files keep the full layouts', () => {
  it('draws the matrix as a table from 100 columns', async () => {
    expect((await terminal(100, ['matrix', 'templates/small.yaml'])).stdout).toMatch(/^┌─+┬/);
  });
});
