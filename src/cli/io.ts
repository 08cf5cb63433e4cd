import * as fs from 'node:fs';
import { escapeControl } from '../format/escape.js';

/**
 * What commands may use of the outside world. Only src/cli/ touches process;
 * tests pass their own Io.
 */
export interface Io {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): void; isTTY: boolean; columns: number };
  /** `isTTY`: whether a person is likely reading standard error (absent: no). */
  stderr: { write(text: string): void; isTTY?: boolean };
  /** `read(limit)` may stop once more than `limit` bytes have arrived: the caller refuses such input anyway. */
  stdin: { isTTY: boolean; read(limit?: number): Promise<Buffer> };
}

/**
 * Errors on the standard streams arrive as events, after the report is
 * written: a reader that went away (`secops-team check … | head`) ends the
 * output quietly; any other failure is one line and exit 2, not a crash.
 * Attached on first use, so a run that writes only files never sets up
 * standard output at all.
 */
let guarded = false;
function guardStreams(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    stdoutFailed(error);
  });
  process.stderr.on('error', () => {
    process.exitCode = 2;
  });
}

function stdoutFailed(error: NodeJS.ErrnoException): void {
  process.exitCode = 2;
  process.stderr.write(`secops-team: cannot write to standard output: ${escapeControl(error.message)}\n`);
}

/**
 * Whether standard output is surely no terminal: a file, a pipe, a socket or
 * /dev/null. Asked of the file descriptor, because process.stdout loads
 * Node.js's stream modules, a tenth of what a check of a small file costs.
 */
function stdoutIsNoTerminal(): boolean {
  try {
    const stat = fs.fstatSync(1);
    return !stat.isCharacterDevice() || stat.rdev === fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/**
 * Writes to standard output. Where it is no terminal, straight to the file
 * descriptor; a pipe whose reader went away ends the output quietly, and one
 * that would block (a reader that set it non-blocking) hands the rest to
 * process.stdout, which waits for the reader.
 */
let direct: boolean | undefined;
let stdoutClosed = false;
function writeStdout(text: string): void {
  if (stdoutClosed) return;
  direct ??= stdoutIsNoTerminal();
  if (direct) {
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += fs.writeSync(1, bytes, written);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        stdoutClosed = true;
        return;
      }
      if (code !== 'EAGAIN') {
        stdoutClosed = true;
        stdoutFailed(error as NodeJS.ErrnoException);
        return;
      }
      direct = false;
      text = bytes.subarray(written).toString();
    }
  }
  guardStreams();
  process.stdout.write(text);
}

function stdinIsDirectory(): boolean {
  try {
    return fs.fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

export function processIo(): Io {
  return {
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
    stdout: {
      write: writeStdout,
      get isTTY() {
        direct ??= stdoutIsNoTerminal();
        return !direct && process.stdout.isTTY === true;
      },
      get columns() {
        return process.stdout.columns || 100;
      },
    },
    stderr: {
      write: (text) => {
        guardStreams();
        process.stderr.write(text);
      },
      get isTTY() {
        return process.stderr.isTTY === true;
      },
    },
    stdin: {
      get isTTY() {
        return process.stdin.isTTY === true;
      },
      read: async (limit = Number.POSITIVE_INFINITY) => {
        // A folder redirected to standard input (`< teams/`) reads as nothing at all: say what it is.
        if (stdinIsDirectory()) throw Object.assign(new Error('standard input is a folder'), { code: 'EISDIR' });
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of process.stdin) {
          const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          chunks.push(bytes);
          size += bytes.length;
          if (size > limit) break;
        }
        return Buffer.concat(chunks);
      },
    },
  };
}

/** `--color`/`--no-color` win, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, io: Io, toTerminal = true): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return toTerminal && io.stdout.isTTY;
}
