import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { checkTeam } from '../src/lint.js';
import type { Finding } from '../src/findings.js';
import type { Io } from '../src/cli/io.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'secops-team.js');
/** Third-party reference data the tests read (origin and licence in each folder's README). */
export const SARIF_SCHEMA = join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
export const YAML_TEST_SUITE = join(ROOT, 'test', 'fixtures', 'yaml-test-suite');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, without colour unless asked. */
export function runCli(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Dedents a template literal so inline YAML in tests reads naturally. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Findings of one inline team, in a compact comparable form. */
export function brief(text: string, today = '2026-06-01'): Pick<Finding, 'ruleId' | 'severity' | 'line' | 'column'>[] {
  return checkTeam(text, { today }).findings.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column }));
}

export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/;

/** A team file from an organization block and member lines, for rule tables. */
export function teamYaml(org: { employees: number; size?: string; soc?: string; monitoring?: string; seats?: number; response?: string }, members: string[], extra = ''): string {
  const lines = ['version: 1', 'organization:', '  name: Acme', `  employees: ${org.employees}`];
  if (org.size) lines.push(`  size: ${org.size}`);
  if (org.soc) lines.push(`  soc: ${org.soc}`);
  if (org.monitoring) lines.push(`  monitoring: ${org.monitoring}`);
  if (org.seats !== undefined) lines.push(`  seats: ${org.seats}`);
  if (org.response) lines.push(`  response: ${org.response}`);
  lines.push('members:', ...members.map((m) => `  - ${m}`));
  return lines.join('\n') + '\n' + extra;
}

/** The findings of one rule, with what rule tables assert. */
export function ruleFindings(text: string, ruleId: string, today = '2026-06-01') {
  return checkTeam(text, { today })
    .findings.filter((f) => f.ruleId === ruleId)
    .map(({ severity, line, column, role, responsibility, members, message }) => ({ severity, line, column, role, responsibility, members, message }));
}

/** Runs the CLI in-process with a captured Io: for tests that would otherwise spawn many processes. */
export async function runInProcess(args: readonly string[], stdin = ''): Promise<CliRun> {
  const { run } = await import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv: ['node', 'secops-team', ...args],
    env: { NO_COLOR: '1' },
    cwd: ROOT,
    stdout: { write: (t) => void (stdout += t), isTTY: false, columns: 100 },
    stderr: { write: (t) => void (stderr += t) },
    stdin: { isTTY: false, read: async () => Buffer.from(stdin) },
  });
  return { status, stdout, stderr };
}

/**
 * Characters that must never reach a terminal or a CI log raw: C0 controls
 * (tab and newline aside: formats lay out their own lines), DEL, C1 controls,
 * bidirectional, zero-width and other invisible characters.
 */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;

/** Markers CI runners execute anywhere in a log line (GitHub's legacy form, Azure Pipelines, TeamCity). */
export const CI_MARKER = /##[a-z]*\[/i;

/** An Io in memory, for running the command-line layer in-process. */
export function memoryIo(args: readonly string[], options: { stdin?: Uint8Array; cwd?: string; write?: (text: string) => void } = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    argv: ['node', 'secops-team', ...args],
    env: { NO_COLOR: '1' },
    cwd: options.cwd ?? ROOT,
    stdout: {
      write: options.write ?? ((text: string) => void (out += text)),
      isTTY: false,
      columns: 100,
    },
    stderr: { write: (text: string) => void (err += text) },
    stdin: { isTTY: false, read: async () => Buffer.from(options.stdin ?? new Uint8Array()) },
    out: () => out,
    err: () => err,
  };
}

/**
 * How to run the binary so that permission bits apply. Root ignores them, as
 * in most CI containers: there the child runs as `nobody` (uid 65534) when
 * that user can run the built tool. `skip` says why the test cannot run.
 */
export function permissionRunner(): { uid?: number; gid?: number; skip?: string } {
  if (process.platform === 'win32') return { skip: 'permission bits are not enforced on Windows' };
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const probe = spawnSync(process.execPath, [BIN, '--version'], { ...nobody, cwd: '/', encoding: 'utf8' });
  if (probe.status === 0) return nobody;
  return { skip: 'running as root, and user nobody (65534) cannot run the built tool here to make permission bits apply' };
}

/** Runs the built binary with spawn options of its own (a user id, other stdio). */
export function runCliAs(args: readonly string[], options: { cwd?: string; uid?: number; gid?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What a child run of the built binary ended with; `signal` is set when it was killed (a hang guard, a crash). */
export interface ChildRun {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built binary in a child without blocking other tests: `node` are
 * Node's own flags (a heap limit), `timeout` a hang guard (never a timing),
 * `uid`/`gid` a user to run as.
 */
export function spawnCli(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; timeout: number; node?: readonly string[]; uid?: number; gid?: number },
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.node ?? []), BIN, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeout,
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
