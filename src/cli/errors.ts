import { fsReason } from '../util/fs-errors.js';

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

/** Turns a file-system error into the one line a user needs. */
export function fileError(action: string, path: string, error: unknown): CliError {
  return new CliError(`cannot ${action} ${JSON.stringify(path)}: ${fsReason(error)}`);
}
