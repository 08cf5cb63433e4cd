/**
 * Where a run reads and writes: the one place that turns command-line
 * arguments into inputs (files, globs, `-` for standard input, `git:` revisions,
 * links) and outputs (`-o`, `--report`, `-` for standard output), and refuses
 * what must not happen: two standard inputs, an output onto an input or onto
 * another output (through links too), an output that is a pipe, device or
 * dangling link, and, for reports that go to CI logs and pull requests, a
 * team file that is a link out of the working folder. Every command reads
 * and writes through here.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import * as files from '../input/files.js';
import { escapeControl } from '../format/escape.js';
import { CliError } from './errors.js';
import { isGitSpec, readGitFile } from './git.js';
import type { Io } from './io.js';
import { writeFileSafely } from './write.js';

export type InputFile = files.InputFile;

export type InputSource = { kind: 'stdin'; name: string } | { kind: 'file'; path: string } | { kind: 'git'; argument: string };

export interface InputRules {
  /** Expand globs (check); otherwise each argument names one file. */
  globs?: boolean;
  /** Accept git:<revision>:<path> (diff). */
  git?: boolean;
  /** The name standard input is reported under (--stdin-filename). */
  stdinFilename?: string;
  /** Refuse team files that are links out of the working folder: the output goes to a CI log or a pull request. */
  public?: boolean;
}

const shown = (text: string) => JSON.stringify(escapeControl(text));

function statOrUndefined(path: string, follow = true): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` is `folder` or inside it. */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * A team file named through a symbolic link that leads out of the working
 * folder, in a run whose report is public: refused, so a pull request cannot
 * make CI print a file of the runner's (a link to /etc/shadow, say).
 */
function refuseLinkOut(path: string, io: Io): void {
  const full = resolve(io.cwd, path);
  const real = realOrResolved(full);
  if (real === full) return;
  const cwd = realOrResolved(io.cwd);
  if (!inside(cwd, real)) {
    throw new CliError(
      `refusing to read ${shown(path)}: it is a symbolic link to a file outside the working folder, and this report goes to a CI log or a pull request; check the file itself, or copy it into the repository`,
    );
  }
}

/** Turns the arguments of a command into its inputs, in order; globs expand here. */
export async function resolveInputs(args: readonly string[], rules: InputRules, io: Io): Promise<InputSource[]> {
  const stdinCount = args.filter((a) => a === files.STDIN).length;
  if (stdinCount > 1) throw new CliError('"-" (standard input) can be given only once');
  if (rules.stdinFilename !== undefined && stdinCount === 0) {
    throw new CliError('--stdin-filename names standard input, but no "-" was given; add - to read the team from standard input, or drop --stdin-filename');
  }
  const sources: InputSource[] = [];
  const pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const names = rules.globs ? await asCliError(() => files.expandPaths(pending, { cwd: io.cwd })) : pending;
    for (const name of names) sources.push(name === files.STDIN ? { kind: 'stdin', name: rules.stdinFilename ?? '<stdin>' } : { kind: 'file', path: name });
    pending.length = 0;
  };
  for (const arg of args) {
    if (rules.git && isGitSpec(arg)) {
      await flush();
      sources.push({ kind: 'git', argument: arg });
    } else pending.push(arg);
  }
  await flush();
  if (rules.public) for (const source of sources) if (source.kind === 'file') refuseLinkOut(source.path, io);
  return sources;
}

/** Runs a library input step, turning "could not read" into the CLI's exit-2 error. */
async function asCliError<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof files.InputError) throw new CliError(error.message);
    throw error;
  }
}

async function readStdin(io: Io, name: string): Promise<InputFile> {
  let bytes: Buffer;
  try {
    bytes = await io.stdin.read(files.MAX_FILE_BYTES);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EISDIR') throw new CliError('standard input is a folder; redirect a team file into it (< team.yaml), or name the file instead of -');
    throw new CliError(`cannot read standard input: ${escapeControl(error instanceof Error ? error.message : String(error))}`);
  }
  if (bytes.length > files.MAX_FILE_BYTES) throw new CliError(`standard input is above the ${files.MAX_FILE_BYTES / 1048576} MB limit for a team file`);
  return { name, bytes };
}

/** Reads one input: standard input, a file (relative to the working folder) or a file in a git revision. */
export async function readInput(source: InputSource, io: Io): Promise<InputFile> {
  if (source.kind === 'stdin') return readStdin(io, source.name);
  if (source.kind === 'git') return readGitFile(source.argument, io);
  return asCliError(() => files.readTeamFile(source.path, { cwd: io.cwd }));
}

/** Where one output goes: standard output, or a file (with the option that named it, for messages). */
export type OutputTarget = { kind: 'stdout' } | { kind: 'file'; file: string; option: string };

/** What identifies a file, through links: device and inode where it exists, else its resolved path. */
function identity(full: string): string {
  const stat = statOrUndefined(full);
  if (stat) return `${stat.dev}:${stat.ino}`;
  // A file not made yet: its folder's real path and its name.
  return join(realOrResolved(dirname(full)), basename(full));
}

/**
 * Checks the outputs of a run before anything is read or written. `-` is
 * standard output. Refused, each with one line and exit 2: an output that is
 * one of the inputs (by any path or link), two outputs to one file, a dangling
 * link (writing through it would create a file somewhere else), and a pipe,
 * device or socket (a FIFO with no reader would hang the run).
 */
export function resolveOutputs(outputs: readonly { option: string; file: string }[], inputs: readonly InputSource[], io: Io): OutputTarget[] {
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    if (input.kind === 'file') inputIds.set(identity(resolve(io.cwd, input.path)), input.path);
    // Standard input named after a file (--stdin-filename team.yaml) most likely holds that file: never write over it.
    if (input.kind === 'stdin' && input.name !== '<stdin>' && statOrUndefined(resolve(io.cwd, input.name))) inputIds.set(identity(resolve(io.cwd, input.name)), input.name);
  }
  const seen = new Map<string, string>();
  let stdout = false;
  return outputs.map(({ option, file }): OutputTarget => {
    if (file === '-') {
      if (stdout) throw new CliError(`two outputs would go to standard output (${option} -); give each report its own file`);
      stdout = true;
      return { kind: 'stdout' };
    }
    if (file === '') throw new CliError(`${option} names no file; name one, or - for standard output`);
    const full = resolve(io.cwd, file);
    const link = statOrUndefined(full, false);
    const target = statOrUndefined(full);
    if (link?.isSymbolicLink() && !target) {
      throw new CliError(`cannot write ${shown(file)}: it is a symbolic link to nothing, and writing through it would create a file elsewhere; remove the link, or choose another path`);
    }
    const summary = io.env.GITHUB_STEP_SUMMARY;
    const isSummary = summary !== undefined && summary !== '' && resolve(io.cwd, summary) === full;
    if (target && !target.isFile() && !target.isDirectory() && !isSummary) {
      throw new CliError(`cannot write ${shown(file)}: it is not a regular file (a pipe, socket or device); name a file, or - for standard output`);
    }
    if (target?.isDirectory()) throw new CliError(`cannot write ${shown(file)}: it is a directory; name a file`);
    const id = identity(full);
    const input = inputIds.get(id);
    if (input !== undefined) throw new CliError(`cannot write the report to ${shown(file)}: it is one of the team files being read; choose another path`);
    const other = seen.get(id);
    if (other !== undefined) throw new CliError(`two outputs would write ${shown(file)}${resolve(io.cwd, other) === full ? '' : ` (the same file as ${shown(other)})`}; give each report its own file`);
    seen.set(id, file);
    return { kind: 'file', file, option };
  });
}

export interface WriteRules {
  /** Replace without a flush to disk: a report every run writes anew (the rename alone keeps it whole). */
  report?: boolean;
}

/**
 * Writes one output: to standard output, or to a file through a temporary
 * file and a rename. The file in $GITHUB_STEP_SUMMARY is appended to: GitHub
 * collects what each step adds there.
 */
export function writeOutput(target: OutputTarget, text: string, io: Io, rules: WriteRules = {}): void {
  if (target.kind === 'stdout') {
    io.stdout.write(text);
    return;
  }
  const full = resolve(io.cwd, target.file);
  const summary = io.env.GITHUB_STEP_SUMMARY;
  const append = summary !== undefined && summary !== '' && resolve(io.cwd, summary) === full;
  writeFileSafely(full, text, { overwrite: true, append, sync: rules.report !== true, shown: target.file });
}
