/**
 * What commands may use of the outside world. Only src/cli/ touches process;
 * tests pass their own Io.
 */
export interface Io {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): void; isTTY: boolean; columns: number };
  stderr: { write(text: string): void };
  stdin: { isTTY: boolean; read(): Promise<Buffer> };
}

export function processIo(): Io {
  return {
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
    // Getters: Node.js sets up a standard stream on first use, which costs
    // start-up time that a command writing to a file never needs.
    stdout: {
      write: (text) => void process.stdout.write(text),
      get isTTY() {
        return process.stdout.isTTY === true;
      },
      get columns() {
        return process.stdout.columns || 100;
      },
    },
    stderr: { write: (text) => void process.stderr.write(text) },
    stdin: {
      get isTTY() {
        return process.stdin.isTTY === true;
      },
      read: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
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
