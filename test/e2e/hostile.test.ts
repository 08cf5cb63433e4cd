/**
 * The hostile-input corpus (test/fixtures/hostile/cases.yaml) through the
 * built binary and in-process: the committed files, paths that are not plain
 * files, hostile text in the terminal. The large generated inputs (a 50 MB
 * file, a 100,000-member chain…) are in hostile-large.slow.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/lint.js';
import { decodeText } from '../../src/load/load.js';
import { BIN } from '../helpers.js';
import { CASES, checkCase, ENV, FIXTURES, GENERATORS, HANG_GUARD_MS, label, named, prepareFile, preparePath, type Run, useScratch } from '../hostile.js';
import { outputProblems, positionProblems } from '../robustness.js';

useScratch();

describe('the hostile corpus', () => {
  it('lists every fixture, with at least 40 committed files, each with a note and an expected outcome', () => {
    const listed = CASES.flatMap((c) => (c.file ? [c.file] : []));
    const files = readdirSync(FIXTURES).filter((f) => f !== 'cases.yaml');
    expect(listed.slice().sort()).toEqual(files.slice().sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) {
      expect([c.file, c.generate, c.path].filter((x) => x !== undefined), label(c)).toHaveLength(1);
      expect(c.note.length, label(c)).toBeGreaterThan(10);
      expect([0, 1, 2], label(c)).toContain(c.exit);
      if (c.exit === 1) expect(c.rule, label(c)).toBeDefined();
      if (c.exit === 2) expect(c.message, label(c)).toBeDefined();
      if (c.generate) expect(GENERATORS[c.generate], label(c)).toBeDefined();
    }
  });
});

describe.concurrent('hostile files (built binary, JSON output, every format)', () => {
  it.for(named(CASES.filter((c) => c.file)))('$name', async ({ c }, context) => {
    await checkCase(c, prepareFile, context);
    // Nothing ran from a tag: the python payload would have created this file.
    context.expect(existsSync(join(FIXTURES, 'pwned'))).toBe(false);
  });
});

describe('hostile files in-process', () => {
  it.for(named(CASES.filter((c) => c.file)))('$name', ({ c }) => {
    const bytes = readFileSync(join(FIXTURES, c.file ?? ''));
    const result = checkBytes(bytes, { file: c.file ?? '' });
    expect(result.findings.some((f) => f.severity === 'error')).toBe(c.exit === 1);
    expect(positionProblems(decodeText(bytes).text, result.findings)).toEqual([]);
    expect((globalThis as Record<string, unknown>).secopsTagRan).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe.concurrent('paths that are not plain files (built binary)', () => {
  it.for(named(CASES.filter((c) => c.path)))('$name', async ({ c }, context) => {
    await checkCase(c, preparePath, context);
  });
});

describe.concurrent('hostile text in the terminal (built binary, stylish, with colour)', () => {
  const textCases = ['invisible-characters.yaml', 'ansi-osc-escapes.yaml', 'ansi-in-references.yaml', 'workflow-commands-schema.yaml', 'workflow-commands-references.yaml', 'control-in-key.yaml'];
  it.for(textCases)('%s', async (file, context) => {
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'check', '--color', file], { cwd: FIXTURES, env: ENV, timeout: HANG_GUARD_MS });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    });
    context.expect(run.status).toBe(1);
    context.expect(run.stderr).toBe('');
    context.expect(run.stdout).toMatch(/\x1b\[31m/); // coloured, so the check below strips only stylish's own codes
    context.expect(outputProblems(run.stdout, { coloured: true })).toEqual([]);
  });
});
