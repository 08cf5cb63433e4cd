/**
 * The hostile-input corpus (test/fixtures/hostile/cases.yaml): its cases, the
 * generators of the large ones, and the table check that runs one case
 * through the built binary. Shared by the fast lane (committed files, paths,
 * command lines: test/e2e/hostile.test.ts) and the slow lane (large generated
 * files: test/e2e/hostile-large.slow.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, type ExpectStatic, type TestContext } from 'vitest';
import { compareFindings, type Finding } from '../src/findings.js';
import { decodeText } from '../src/load/load.js';
import { ROOT, spawnCli, STACK_TRACE, type ChildRun } from './helpers.js';
import { formatProblems, isDocumentedOutput, outputProblems, positionProblems, shapeProblems } from './robustness.js';

export interface Case {
  file?: string;
  generate?: string;
  path?: string;
  note: string;
  exit: 0 | 1 | 2;
  rule?: string;
  message?: string;
  at?: [number, number];
  heapMb?: number;
  /** At most this many findings: hostile input must not buy unbounded output. */
  maxFindings?: number;
}

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
export const CASES = parse(readFileSync(join(FIXTURES, 'cases.yaml'), 'utf8')) as Case[];
/** A hang guard, not a timing: the slowest case takes seconds today. */
export const HANG_GUARD_MS = 60_000;
export const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };

export const ORG = 'version: 1\norganization:\n  name: Acme Health\n  employees: 5000\nmembers:\n';

/** Members m0 … m(n-1), each reporting to the next; the last one reports to `top`. */
export function chain(count: number, top: string): string {
  const parts: string[] = [ORG];
  for (let i = 0; i < count; i++) {
    parts.push(`  - id: m${i}\n    name: Member ${i}\n    roles: [security-analyst]\n    reportsTo: ${i === count - 1 ? top : `m${i + 1}`}\n`);
  }
  return parts.join('');
}

/** Generators of the large cases: name → [file name, content]. */
export const GENERATORS: Record<string, () => [string, string]> = {
  'long-line': () => ['long-line.yaml', `${ORG}  - id: dana\n    name: "${'x'.repeat(1024 * 1024)}"\n    roles: [ciso]\n`],
  'deep-flow-nesting': () => ['deep-flow.yaml', `version: 1\norganization: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
  'deep-block-nesting': () => ['deep-block.yaml', `version: 1\norganization:\n  ${'- '.repeat(10_000)}x\n`],
  'reporting-chain': () => ['chain.yaml', chain(100_000, 'ceo')],
  'empty-members-30k': () => ['empty-members.yaml', `${ORG.replace('members:\n', 'members: ')}[${Array(30_000).fill('{}').join(', ')}]\n`],
  'file-50mb': () => {
    // Whole members up to 50 MB: what a generated organization chart might weigh.
    const member = (i: number) => `  - id: m${i}\n    name: Member ${i}\n    roles: [security-analyst]\n`;
    const parts = [ORG];
    let size = ORG.length;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const text = member(i);
      parts.push(text);
      size += text.length;
    }
    return ['team-50mb.yaml', parts.join('')];
  },
};

export interface Prepared {
  cwd: string;
  path: string;
  /** The bytes of the file, where there is one to compare positions with. */
  bytes?: Buffer;
  uid?: number;
  gid?: number;
  skip?: string;
}


/** Writes a generated case into `scratch` and points at it. */
export function prepareGenerated(c: Case, scratch: string): Prepared {
  const generate = GENERATORS[c.generate ?? ''];
  if (!generate) throw new Error(`no generator for ${c.generate}`);
  const [name, text] = generate();
  const bytes = Buffer.from(text);
  writeFileSync(join(scratch, name), bytes);
  return { cwd: scratch, path: name, bytes };
}

export type Run = ChildRun;

/** Runs `check --format json` in a child with a heap limit and a hang guard, without blocking other tests. */
export function runCheck(prepared: Prepared, heapMb: number): Promise<Run> {
  return spawnCli(['check', prepared.path, '--format', 'json'], {
    cwd: prepared.cwd,
    env: ENV,
    timeout: HANG_GUARD_MS,
    node: [`--max-old-space-size=${heapMb}`],
    ...(prepared.uid !== undefined ? { uid: prepared.uid, gid: prepared.gid } : {}),
  });
}

export function label(c: Case): string {
  return `${c.file ?? c.generate ?? `path: ${c.path}`}: ${c.note}`;
}

export async function checkCase(c: Case, prepare: (c: Case) => Prepared, context: TestContext): Promise<void> {
  const prepared = prepare(c);
  if (prepared.skip) context.skip(prepared.skip);
  const expect: ExpectStatic = context.expect;
  const run = await runCheck(prepared, c.heapMb ?? 512);
  expect(run.signal, `killed by ${run.signal}: a hang (over ${HANG_GUARD_MS / 1000} s) or a crash`).toBeNull();
  expect({ status: run.status, stderr: run.stderr.slice(0, 500) }).toMatchObject({ status: c.exit });
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  expect(outputProblems(run.stdout)).toEqual([]);
  expect(outputProblems(run.stderr)).toEqual([]);

  if (c.exit === 2) {
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n') && run.stderr.split('\n').length === 2, `one line on stderr: ${run.stderr}`).toBe(true);
    expect(run.stderr.trimEnd()).toMatch(new RegExp(c.message ?? '.'));
    return;
  }
  expect(run.stderr).toBe('');
  const result: unknown = JSON.parse(run.stdout);
  expect(shapeProblems(result)).toEqual([]);
  if (!isDocumentedOutput(result)) return;
  const file = result.files[0];
  expect(file?.file).toBe(prepared.path);
  const findings = file?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  // The exit code agrees with the findings.
  expect(result.summary.errors > 0 ? 1 : 0).toBe(c.exit);
  if (prepared.bytes) expect(positionProblems(decodeText(prepared.bytes).text, findings)).toEqual([]);
  // In order of position, to the column.
  expect(findings.every((f, i) => i === 0 || compareFindings(findings[i - 1] as Finding, f) <= 0)).toBe(true);
  if (c.maxFindings !== undefined) expect(findings.length).toBeLessThanOrEqual(c.maxFindings);
  expect(formatProblems(result, prepared.cwd)).toEqual([]);

  if (c.exit === 1) {
    const found = errors.find((f) => f.ruleId === c.rule && (c.message === undefined || new RegExp(c.message).test(f.message)));
    expect(found, `an error finding of ${c.rule} matching /${c.message ?? ''}/ among:\n${errors.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`).join('\n')}`).toBeDefined();
    if (c.at) expect([found?.line, found?.column]).toEqual(c.at);
  }
}


export const named = (cases: Case[]) => cases.map((c) => ({ name: label(c), c }));

/**
 * A scratch folder for the test file that calls this (made before its tests,
 * removed after them); the returned function gives its path.
 */
export function useScratch(): () => string {
  let scratch = '';
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'secops-team-hostile-'));
    chmodSync(scratch, 0o755);
  });
  afterAll(() => {
    // The folder may hold tens of megabytes, and files other users made (permission cases).
    if (scratch) spawnSync(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(scratch)}, { recursive: true, force: true })`]);
  });
  return () => scratch;
}
