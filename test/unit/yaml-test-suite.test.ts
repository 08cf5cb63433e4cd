/**
 * Every input of the official YAML test suite (valid and invalid YAML alike;
 * none is a valid team file) must give error findings with positions inside
 * the file: never an exception, a hang or an unsafe output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, collect } from '../../src/lint.js';
import { decodeText } from '../../src/load/load.js';
import { BIN, STACK_TRACE, YAML_TEST_SUITE } from '../helpers.js';
import { formatProblems, outputProblems, positionProblems, shapeProblems } from '../robustness.js';

const SUITE = YAML_TEST_SUITE;

/** Each case's in.yaml; cases with several variants keep them in numbered subfolders. */
function inputs(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) return [];
      const input = join(path, 'in.yaml');
      return existsSync(input) ? [input, ...inputs(path)] : inputs(path);
    });
}

const CASES = inputs(SUITE);

describe('the YAML test suite', () => {
  it('has its inputs where the tests expect them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(352);
  });

  it('gives error findings with positions inside the file for every input, and safe output in every format', () => {
    const failures: string[] = [];
    for (const file of CASES) {
      const name = relative(SUITE, file);
      const bytes = readFileSync(file);
      let problems: string[];
      try {
        const result = checkBytes(bytes, { file: name });
        const all = collect([result]);
        problems = [
          ...(result.findings.some((f) => f.severity === 'error') ? [] : ['no error finding']),
          ...positionProblems(decodeText(bytes).text, result.findings),
          ...shapeProblems(JSON.parse(JSON.stringify(all))),
          ...formatProblems(all, SUITE),
        ];
      } catch (error) {
        problems = [`threw ${String(error)}`];
      }
      for (const p of problems) failures.push(`${name}: ${p}`);
    }
    expect(failures).toEqual([]);
  });

  // A handful through the binary: the same outcome as a process, with a hang guard.
  it.each(['2JQS', '4ABK', '6BCT', 'CVW2', 'S4JQ', 'ZWK4'])('exits 1 with findings through the binary: %s', (id) => {
    const run = spawnSync(process.execPath, [BIN, 'check', join(id, 'in.yaml'), '--format', 'json'], {
      cwd: SUITE,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_TRACE);
    expect(outputProblems(run.stdout)).toEqual([]);
    const output: unknown = JSON.parse(run.stdout);
    expect(shapeProblems(output)).toEqual([]);
  });
});
