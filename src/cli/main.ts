/**
 * The command-line program: the only layer that touches process, the standard
 * streams and exit codes. Commands load their heavy modules when they run, so
 * `--help` and `--version` stay close to bare Node's start-up time.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { escapeControl } from '../format/text.js';
import { CliError } from './errors.js';
import { processIo, type Io } from './io.js';

const EXAMPLES = {
  check: [
    'secops-team check team.yaml',
    'secops-team check --format json -o results.json team.yaml',
    'cat team.yaml | secops-team check - --stdin-filename team.yaml',
  ],
  roles: ['secops-team roles', 'secops-team roles security-manager', 'secops-team roles --format json'],
  schema: ['secops-team schema > team.schema.json'],
};

function examples(list: readonly string[]): string {
  return `\nExamples:\n${list.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return pkg !== null && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

interface GlobalOptions {
  color?: boolean;
  debug?: boolean;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('secops-team');
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  program
    .description('Design, review and lint a security-operations team kept as code in team.yaml.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('--debug', 'print stack traces of internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`secops-team: ${escapeControl(s.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim())}; see "secops-team --help"\n`),
    })
    .addHelpText('after', examples(['secops-team check team.yaml', 'secops-team roles', 'secops-team explain ciso']));

  program
    .command('check')
    .description('validate team files and report the gaps in each team')
    .argument('<files...>', 'team files; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format').default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .addHelpText('after', examples(EXAMPLES.check))
    .action(async (files: string[], options: { format: string; output?: string; stdinFilename?: string }) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck(files, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('roles')
    .description('list the role catalog, or show one role with its responsibilities')
    .argument('[role-id]', 'a role id, e.g. security-manager')
    .addOption(new Option('-f, --format <name>', 'output format: table or json').default('table'))
    .addHelpText('after', examples(EXAMPLES.roles))
    .action(async (roleId: string | undefined, options: { format: string }) => {
      const { runRoles } = await import('./commands/roles.js');
      setExit(await runRoles(roleId, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of team files')
    .addHelpText('after', examples(EXAMPLES.schema))
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(runSchema(io));
    });

  return program;
}

function colorOption(options: GlobalOptions): { color?: boolean } {
  return options.color === undefined ? {} : { color: options.color };
}

/** Runs the program and returns the exit code; never throws. */
export async function run(io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  // Global options take no value, so the first word that is not an option names the command.
  const command = io.argv.slice(2).find((arg) => !arg.startsWith('-'));
  try {
    await program.parseAsync([...io.argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // No command given: commander prints the help to stderr; that is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      // Messages may quote paths and text from files: escaped, they stay one inert line.
      io.stderr.write(`secops-team: ${escapeControl(error.message)}\n`);
      return error.exitCode;
    }
    const debug = io.argv.includes('--debug');
    const what = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `secops-team${command ? ` ${escapeControl(command)}` : ''}: internal error: ${escapeControl(what.split('\n')[0] ?? '')}. This is a bug in secops-team: please report it with the input that caused it${debug ? '' : ' (run again with --debug for the stack trace)'}\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

/**
 * Errors on the standard streams arrive as events, after the report is
 * written: a reader that went away (`secops-team check … | head`) ends the
 * output quietly; any other failure is one line and exit 2, not a crash.
 */
function guardStreams(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.exitCode = 2;
    process.stderr.write(`secops-team: cannot write to standard output: ${escapeControl(error.message)}\n`);
  });
  process.stderr.on('error', () => {
    process.exitCode = 2;
  });
}

export async function main(): Promise<void> {
  guardStreams();
  const code = await run(processIo());
  // A stream error may already have set 2; never lower it.
  process.exitCode = Math.max(code, typeof process.exitCode === 'number' ? process.exitCode : 0);
}
