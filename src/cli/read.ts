import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { CliError, fileError } from './errors.js';
import type { Io } from './io.js';

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

export function readTeamFile(path: string): InputFile {
  if (path === '') throw new CliError('an empty path was given; name a team file, or - for standard input');
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new CliError(`cannot read ${JSON.stringify(path)}: not a regular file (a pipe, socket or device); save the team to a file, or pipe it to "-"`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fileError('read', path, error);
  }
  if (size > MAX_FILE_BYTES) {
    throw new CliError(`cannot read ${JSON.stringify(path)}: it is ${Math.round(size / 1048576)} MB, above the ${MAX_FILE_BYTES / 1048576} MB limit for a team file; check that it is the right file`);
  }
  try {
    const fd = openSync(path, 'r');
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
    throw fileError('read', path, error);
  }
}

export async function readStdin(io: Io, name: string): Promise<InputFile> {
  const bytes = await io.stdin.read(MAX_FILE_BYTES);
  if (bytes.length > MAX_FILE_BYTES) throw new CliError(`standard input is above the ${MAX_FILE_BYTES / 1048576} MB limit for a team file`);
  return { name, bytes };
}
