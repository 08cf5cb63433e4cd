/**
 * Reads an old version of a team file from git, for `diff git:<rev>:<path>`.
 * Nothing from the argument can become a git option: the revision may not
 * start with "-", and `--end-of-options` ends git's option parsing anyway.
 */
import { spawnSync } from 'node:child_process';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { MAX_FILE_BYTES, type InputFile } from '../input/files.js';

export const GIT_PREFIX = 'git:';

export interface GitSpec {
  rev: string;
  path: string;
}

export function isGitSpec(argument: string): boolean {
  return argument.startsWith(GIT_PREFIX);
}

/** Splits `git:<rev>:<path>` at the first colon after the prefix: revisions like origin/main have none, paths may. */
export function parseGitSpec(argument: string): GitSpec {
  const rest = argument.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  const rev = colon < 0 ? rest : rest.slice(0, colon);
  const path = colon < 0 ? '' : rest.slice(colon + 1);
  const shown = JSON.stringify(argument);
  if (rev === '' || path === '') throw new CliError(`${shown} is not of the form git:<revision>:<path>, e.g. git:origin/main:team.yaml`);
  if (rev.startsWith('-')) throw new CliError(`${shown}: a revision cannot start with "-"; name a branch, tag or commit, e.g. git:origin/main:team.yaml`);
  if (/[\0\n\r]/.test(argument)) throw new CliError(`${shown}: a revision or path cannot contain NUL or line breaks`);
  return { rev, path };
}

/** The one line a user needs for what git said on standard error. */
function gitFailure(argument: string, spec: GitSpec, stderr: string): CliError {
  const shown = JSON.stringify(argument);
  const rev = JSON.stringify(spec.rev);
  if (/not a git repository/i.test(stderr)) return new CliError(`cannot read ${shown}: ${JSON.stringify(spec.path)} is to be read from git, but this is not inside a git repository; run from the repository, or compare two files`);
  if (/does not exist in|exists on disk, but not in/i.test(stderr)) {
    return new CliError(`cannot read ${shown}: ${JSON.stringify(spec.path)} does not exist in revision ${rev}; the path is from the repository's root (start it with ./ for one relative to the current folder)`);
  }
  if (/invalid object name|unknown revision|bad revision|ambiguous argument|not a valid object name/i.test(stderr)) {
    return new CliError(`cannot read ${shown}: revision ${rev} not found in this repository; fetch it first (in GitHub Actions, actions/checkout with fetch-depth: 0)`);
  }
  const first = stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^fatal:\s*/, '') ?? 'git failed';
  return new CliError(`cannot read ${shown}: git: ${first}`);
}

function revisionExists(rev: string, io: Pick<Io, 'cwd' | 'env'>): boolean {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{object}`], {
    cwd: io.cwd,
    env: { ...io.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'ignore'],
    windowsHide: true,
  });
  return result.status === 0;
}

/** Runs `git show <rev>:<path>` in the working directory and returns the file's bytes. */
export function readGitFile(argument: string, io: Pick<Io, 'cwd' | 'env'>): InputFile {
  const spec = parseGitSpec(argument);
  // The trailing "--" makes git read the argument as an object name only, never as a pathspec
  // (HEAD:team*.yaml would otherwise match files by glob); which part was wrong is asked after.
  const result = spawnSync('git', ['show', '--no-textconv', '--end-of-options', `${spec.rev}:${spec.path}`, '--'], {
    cwd: io.cwd,
    env: { ...io.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    maxBuffer: MAX_FILE_BYTES + 1,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (result.error) {
    const code = 'code' in result.error ? result.error.code : undefined;
    if (code === 'ENOENT') throw new CliError(`cannot read ${JSON.stringify(argument)}: git is not installed or not on the PATH; install git, or compare two files`);
    if (code === 'ENOBUFS') throw new CliError(`cannot read ${JSON.stringify(argument)}: it is above the ${MAX_FILE_BYTES / 1048576} MB limit for a team file`);
    throw new CliError(`cannot read ${JSON.stringify(argument)}: could not run git: ${result.error.message}`);
  }
  const stderr = result.stderr.toString('utf8');
  if (result.status !== 0) {
    // "bad revision" says nothing of which half is missing: a revision that exists means the path does not.
    if (/bad revision/i.test(stderr) && revisionExists(spec.rev, io)) {
      throw new CliError(`cannot read ${JSON.stringify(argument)}: ${JSON.stringify(spec.path)} does not exist in revision ${JSON.stringify(spec.rev)}; the path is from the repository's root (start it with ./ for one relative to the current folder)`);
    }
    throw gitFailure(argument, spec, stderr);
  }
  const bytes = result.stdout;
  // For a folder, `git show` lists it, starting with a "tree <rev>:<path>" line.
  if (bytes.subarray(0, 5).toString('latin1') === 'tree ' && bytes.toString('utf8').startsWith(`tree ${spec.rev}:${spec.path}\n`)) {
    throw new CliError(`cannot read ${JSON.stringify(argument)}: ${JSON.stringify(spec.path)} is a folder in revision ${JSON.stringify(spec.rev)}; name a team file`);
  }
  return { name: argument, bytes };
}
