/**
 * Team files from disk: glob expansion and bounded reading. Library code: it
 * throws `InputError` (could not read the input) and never touches process.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { fsReason } from '../util/fs-errors.js';

/** The input could not be read: a missing file, a directory, a glob that matches nothing. One line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface InputFile {
  /** The name findings are reported under. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Team files above this size are refused before reading: no team needs it
 * (100,000 members take about 10 MB), and it bounds time and memory.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** `-` stands for standard input; callers that can read it handle it. */
export const STDIN = '-';

export interface ExpandOptions {
  /** The folder relative paths and globs start from; defaults to the process's working directory. */
  cwd?: string;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** On Windows a backslash separates folders; in a glob it would escape the next character. */
function toGlob(pattern: string): string {
  return sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
}

/** What identifies a file however it is named: device and inode (a link, another spelling, a hard link), else the resolved path. */
function identity(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return resolve(path);
  }
}

/**
 * Expands globs into file names, in the order the patterns were given; the
 * matches of one glob are sorted. A path that exists is taken as it is, even
 * if it contains glob characters. Globs skip dot files and anything under
 * node_modules (unless the glob names node_modules), and each file is listed
 * once however many patterns, links or spellings lead to it. Globs do not
 * follow symbolic links, to folders or to files: a link fanning out to folders
 * would make a walk of millions of paths (and a loop, an endless one); a link
 * named on the command line is read. A glob that matches no file
 * is an error: a typo must not pass as "nothing to check".
 */
export async function expandPaths(patterns: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? '.';
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const key = name === STDIN ? STDIN : identity(resolve(cwd, name));
    if (seen.has(key)) return;
    seen.add(key);
    names.push(name);
  };
  for (const pattern of patterns) {
    if (pattern === STDIN || pattern === '' || exists(resolve(cwd, pattern)) || !isDynamicPattern(toGlob(pattern))) {
      add(pattern);
      continue;
    }
    const globbed = toGlob(pattern);
    let matches: string[];
    try {
      matches = await glob([globbed], {
        cwd,
        expandDirectories: false,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: /(^|\/)node_modules(\/|$)/.test(globbed) ? [] : ['**/node_modules/**'],
      });
    } catch (error) {
      throw new InputError(`cannot expand the glob ${JSON.stringify(pattern)}: ${fsReason(error)}`);
    }
    if (matches.length === 0) {
      throw new InputError(
        `no files match ${JSON.stringify(pattern)} (from ${isAbsolute(globbed) ? 'the root' : 'the current folder'}); check the pattern, or name the files`,
      );
    }
    // An absolute glob reports absolute names, a relative one names relative to cwd, as a shell would.
    const named = isAbsolute(globbed) ? matches.map((m) => resolve(cwd, m)) : matches;
    named.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of named) add(name);
  }
  return names;
}

/** Reads one team file, refusing directories, special files and files above MAX_FILE_BYTES. */
export function readTeamFile(path: string, options: ExpandOptions = {}): InputFile {
  if (path === '') throw new InputError('an empty path was given; name a team file, or - for standard input');
  const full = resolve(options.cwd ?? '.', path);
  const fail = (reason: string) => new InputError(`cannot read ${JSON.stringify(path)}: ${reason}`);
  let size: number;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw fail('not a regular file (a pipe, socket or device); save the team to a file, or pipe it to "-"');
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail(fsReason(error));
  }
  if (size > MAX_FILE_BYTES) {
    throw fail(`it is ${Math.round(size / 1048576)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit for a team file; check that it is the right file`);
  }
  try {
    const fd = openSync(full, 'r');
    try {
      // Read by the descriptor's own size: the path may have changed since stat.
      const actual = fstatSync(fd).size;
      const bytes = Buffer.allocUnsafe(Math.min(actual, MAX_FILE_BYTES));
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, read);
        if (n === 0) break;
        read += n;
      }
      return { name: path, bytes: bytes.subarray(0, read) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fail(fsReason(error));
  }
}
