/**
 * The harness of the hostile-input corpus (test/fixtures/hostile/cases.yaml),
 * run through the built binary as a table: test/e2e/hostile.test.ts runs the
 * committed files and the odd paths, test/e2e/hostile-large.slow.test.ts the
 * large generated inputs. Large inputs are generated into a temporary folder;
 * paths that are not plain files are made there too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, type ExpectStatic, type TestContext } from 'vitest';
import { decodeText } from '../src/load/load.js';
import { BIN, permissionRunner, ROOT, STACK_TRACE } from './helpers.js';
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
}

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
export const CASES = parse(readFileSync(join(FIXTURES, 'cases.yaml'), 'utf8')) as Case[];
/** A hang guard, not a timing: the slowest case takes seconds today. */
export const HANG_GUARD_MS = 60_000;
export const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };

const ORG = 'version: 1\norganization:\n  name: Acme Health\n  employees: 5000\nmembers:\n';

/** Members m0 … m(n-1), each reporting to the next; the last one reports to `top`. */
function chain(count: number, top: string): string {
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

interface Prepared {
  cwd: string;
  path: string;
  /** The bytes of the file, where there is one to compare positions with. */
  bytes?: Buffer;
  uid?: number;
  gid?: number;
  skip?: string;
}

let scratch = '';
const permissions = permissionRunner();

export function prepareFile(c: Case): Prepared {
  const name = c.file ?? '';
  return { cwd: FIXTURES, path: name, bytes: readFileSync(join(FIXTURES, name)) };
}

export function prepareGenerated(c: Case): Prepared {
  const generate = GENERATORS[c.generate ?? ''];
  if (!generate) throw new Error(`no generator for ${c.generate}`);
  const [name, text] = generate();
  const bytes = Buffer.from(text);
  writeFileSync(join(scratch, name), bytes);
  return { cwd: scratch, path: name, bytes };
}

export function preparePath(c: Case): Prepared {
  const dir = mkdtempSync(join(scratch, `${c.path}-`));
  chmodSync(dir, 0o755);
  const team = readFileSync(join(FIXTURES, 'duplicate-member-ids.yaml'));
  const at = (path: string): Prepared => ({ cwd: dir, path });
  switch (c.path) {
    case 'missing':
      return at('missing.yaml');
    case 'directory':
      mkdirSync(join(dir, 'a-folder'));
      return at('a-folder');
    case 'unreadable':
      writeFileSync(join(dir, 'unreadable.yaml'), team);
      chmodSync(join(dir, 'unreadable.yaml'), 0o000);
      return { ...at('unreadable.yaml'), ...permissions };
    case 'fifo': {
      if (process.platform === 'win32') return { ...at('pipe.yaml'), skip: 'Windows has no named pipes in the file system' };
      const made = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
      return made.status === 0 ? at('pipe.yaml') : { ...at('pipe.yaml'), skip: 'mkfifo is not available' };
    }
    case 'device':
      return existsSync('/dev/null') ? at('/dev/null') : { ...at('/dev/null'), skip: 'no /dev/null here' };
    case 'symlink-loop':
      symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
      symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
      return at('loop-a.yaml');
    case 'dangling-symlink':
      symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
      return at('dangling.yaml');
    case 'not-a-directory':
      writeFileSync(join(dir, 'team.yaml'), team);
      return at('team.yaml/team.yaml');
    case 'empty':
      return at('');
    case 'spaces-and-unicode': {
      const folder = join(dir, 'dir with spaces', 'ünïcødé');
      mkdirSync(folder, { recursive: true });
      const path = join('dir with spaces', 'ünïcødé', 'tëam fïle 😀.yaml');
      writeFileSync(join(dir, path), team);
      return { ...at(path), bytes: team };
    }
    default:
      throw new Error(`unknown path kind ${c.path}`);
  }
}

export interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs `check --format json` in a child with a heap limit and a hang guard, without blocking other tests. */
export function runCheck(prepared: Prepared, heapMb: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, 'check', prepared.path, '--format', 'json'], {
      cwd: prepared.cwd,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: HANG_GUARD_MS,
      ...(prepared.uid !== undefined ? { uid: prepared.uid, gid: prepared.gid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
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
  expect(formatProblems(result, prepared.cwd)).toEqual([]);

  if (c.exit === 1) {
    const found = errors.find((f) => f.ruleId === c.rule && (c.message === undefined || new RegExp(c.message).test(f.message)));
    expect(found, `an error finding of ${c.rule} matching /${c.message ?? ''}/ among:\n${errors.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`).join('\n')}`).toBeDefined();
    if (c.at) expect([found?.line, found?.column]).toEqual(c.at);
  }
}

/** Makes the scratch folder before the calling file's tests and removes it after them. */
export function useScratch(): void {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'secops-team-hostile-'));
    chmodSync(scratch, 0o755);
  });

  afterAll(() => {
    // The scratch folder holds up to 60 MB; nothing in it is needed afterwards.
    if (scratch) spawnSync(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(scratch)}, { recursive: true, force: true })`]);
  });
}

export const named = (cases: Case[]) => cases.map((c) => ({ name: label(c), c }));
