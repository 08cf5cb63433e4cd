import { appendFileSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, fileError } from './errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  overwrite: boolean;
  /**
   * Flush the data to disk before the rename (default true). A report that
   * every run writes anew can skip it: the rename alone keeps readers from
   * ever seeing half a file, and a flush can take longer than the check.
   */
  sync?: boolean;
  /**
   * Add to the end of the file instead (for files a CI system collects, such
   * as $GITHUB_STEP_SUMMARY). What the file held stays as it was.
   */
  append?: boolean;
  /** The name to give in messages, where it differs from the path written. */
  shown?: string;
}

/** writeSync may write less than asked (a full disk, a file-size limit): keep going until all is written or it fails. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function endsWithNewline(path: string, size: number): boolean {
  const last = Buffer.alloc(1);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so a
 * failed or interrupted write never leaves a half-written or lost file.
 * Special files (a FIFO, /dev/stdout, a CI summary pipe) are written in place:
 * they cannot be renamed over.
 */
export function writeFileSafely(target: string, text: string, options: WriteOptions): void {
  const requested = options.shown ?? target;
  let path = target;
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new CliError(`cannot write ${JSON.stringify(requested)}: it is a directory; name a file`);
  if (options.append) {
    try {
      // Start on a line of our own when what is there does not end with one.
      appendFileSync(path, existing && existing.size > 0 && !endsWithNewline(path, existing.size) ? `\n${text}` : text);
    } catch (error) {
      throw fileError('write', requested, error);
    }
    return;
  }
  if (existing && !existing.isFile()) {
    try {
      const fd = openSync(path, 'w');
      try {
        writeAll(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw fileError('write', requested, error);
    }
    return;
  }
  if (existing && !options.overwrite) {
    throw alreadyExists(requested);
  }
  try {
    // Through a symbolic link, replace the file it points to, not the link.
    if (existing) path = realpathSync(path);
  } catch (error) {
    throw fileError('write', requested, error);
  }
  // A shortened name keeps the temporary file's name within file-system limits.
  const tmp = join(dirname(path), `.${basename(path).slice(0, 64)}.${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    try {
      writeAll(fd, text);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) renameSync(tmp, path);
    else placeExclusively(tmp, path, text, requested);
  } catch (error) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    if (error instanceof CliError) throw error;
    throw fileError('write', requested, error);
  }
}

function alreadyExists(shown: string): CliError {
  return new CliError(`${JSON.stringify(shown)} already exists; use --force to replace it, or choose another path`);
}

/**
 * Without --force, the file appears whole and only if no other process made
 * it first: a hard link from the finished temporary file fails when the name
 * exists, where a rename would replace it (two `init` at the same moment
 * would both succeed). Where hard links are not supported, the file is
 * created with O_EXCL ("wx") and written in place.
 */
function placeExclusively(tmp: string, path: string, text: string, shown: string): void {
  try {
    linkSync(tmp, path);
    rmSync(tmp, { force: true });
    return;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EEXIST') throw alreadyExists(shown);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw error;
  }
  rmSync(tmp, { force: true });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw alreadyExists(shown);
    throw error;
  }
  try {
    writeAll(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
