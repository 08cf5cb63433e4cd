import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
}

/**
 * Writes through a temporary file in the same folder and a rename, so a
 * failed or interrupted write never leaves a half-written or lost file.
 * Special files (a FIFO, /dev/stdout, a CI summary pipe) are written in place:
 * they cannot be renamed over.
 */
export function writeFileSafely(path: string, text: string, options: WriteOptions): void {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new CliError(`cannot write ${JSON.stringify(path)}: it is a directory; name a file`);
  if (existing && !existing.isFile()) {
    try {
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw fileError('write', path, error);
    }
    return;
  }
  if (existing && !options.overwrite) {
    throw new CliError(`${JSON.stringify(path)} already exists; use --force to replace it, or choose another path`);
  }
  // Unique enough, and created exclusively ('wx') below; node:crypto would cost start-up time.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    try {
      writeSync(fd, text);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw fileError('write', path, error);
  }
}
