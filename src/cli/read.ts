import * as files from '../input/files.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';

export type { InputFile } from '../input/files.js';
export { MAX_FILE_BYTES } from '../input/files.js';

/** Runs a library input step, turning "could not read" into the CLI's exit-2 error. */
export function asCliError<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof files.InputError) throw new CliError(error.message);
    throw error;
  }
}

export function readTeamFile(path: string, cwd?: string): files.InputFile {
  return asCliError(() => files.readTeamFile(path, cwd === undefined ? {} : { cwd }));
}

/** Expands globs (see expandPaths); `-` passes through for standard input. */
export async function expandPaths(patterns: readonly string[], cwd: string): Promise<string[]> {
  try {
    return await files.expandPaths(patterns, { cwd });
  } catch (error) {
    if (error instanceof files.InputError) throw new CliError(error.message);
    throw error;
  }
}

export async function readStdin(io: Io, name: string): Promise<files.InputFile> {
  const bytes = await io.stdin.read(files.MAX_FILE_BYTES);
  if (bytes.length > files.MAX_FILE_BYTES) throw new CliError(`standard input is above the ${files.MAX_FILE_BYTES / 1048576} MB limit for a team file`);
  return { name, bytes };
}
