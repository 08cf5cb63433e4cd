/**
 * Errors that mean "could not run": they print one line and exit 2. Anything
 * else that escapes a command is a bug in secops-team.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The user interrupted a prompt (Ctrl-C, Escape). */
export class InterruptedError extends CliError {
  constructor(message = 'cancelled; nothing was written') {
    super(message, 130);
    this.name = 'InterruptedError';
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory; check the path',
  EACCES: 'permission denied; check the file\'s permissions',
  EPERM: 'operation not permitted; check the file\'s permissions',
  EISDIR: 'it is a directory; name a team file, or a glob such as "teams/**/*.yaml"',
  ELOOP: 'too many symbolic links (a link loop?); point it at a real file',
  ENAMETOOLONG: 'the path is too long',
  ENOTDIR: 'a part of the path is not a directory; check the path',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files; check fewer files at once',
};

function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Turns a file-system error into the one line a user needs. */
export function fileError(action: string, path: string, error: unknown): CliError {
  const code = errorCode(error);
  const reason = (code && FS_REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new CliError(`cannot ${action} ${JSON.stringify(path)}: ${reason}`);
}
