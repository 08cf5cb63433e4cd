import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, fileError } from './errors.js';

export interface WriteOptions {
  /** Replace an existing file. */
  overwrite: boolean;
}

/**
 * Writes through a temporary file in the same folder and a rename, so a
 * failed or interrupted write never leaves a half-written or lost file.
 * Special files (a FIFO, /dev/stdout, a CI summary pipe) are written in place:
 * they cannot be renamed over.
 */
export function writeFileSafely(requested: string, text: string, options: WriteOptions): void {
  let path = requested;
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(requested);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new CliError(`cannot write ${JSON.stringify(requested)}: it is a directory; name a file`);
  if (existing && !existing.isFile()) {
    try {
      const fd = openSync(requested, 'w');
      try {
        writeFileSync(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw fileError('write', requested, error);
    }
    return;
  }
  if (existing && !options.overwrite) {
    throw new CliError(`${JSON.stringify(requested)} already exists; use --force to replace it, or choose another path`);
  }
  try {
    // Through a symbolic link, replace the file it points to, not the link.
    if (existing) path = realpathSync(path);
  } catch (error) {
    throw fileError('write', requested, error);
  }
  // A shortened name keeps the temporary file's name within file-system limits.
  const tmp = join(dirname(path), `.${basename(path).slice(0, 64)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', existing ? existing.mode & 0o777 : 0o644);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw fileError('write', requested, error);
  }
}

/**
 * Refuses to write a report over one of the files being checked: `-o` names
 * where the report goes, never a team file to replace.
 */
export function refuseToOverwriteInputs(output: string, inputs: readonly string[]): void {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const target = real(output);
  if (inputs.some((input) => input !== '-' && real(input) === target)) {
    throw new CliError(`cannot write the report to ${JSON.stringify(output)}: it is one of the files being checked; choose another path`);
  }
}
