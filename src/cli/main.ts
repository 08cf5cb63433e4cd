/**
 * The command-line program: the only layer that touches process, the standard
 * streams and exit codes. Commands load their heavy modules when they run, so
 * `--help` and `--version` stay close to bare Node's start-up time.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { escapeControl } from '../format/text.js';
import { CliError } from './errors.js';
import { processIo, type Io } from './io.js';

const EXAMPLES = {
  check: [
    'secops-team check team.yaml',
    'secops-team check --format json -o results.json team.yaml',
    "secops-team check 'teams/**/*.yaml'",
    'secops-team check team.yaml --report sarif=results.sarif --report junit=junit.xml',
    'cat team.yaml | secops-team check - --stdin-filename team.yaml',
    'secops-team check --quiet --max-warnings 0 team.yaml',
  ],
  explain: ['secops-team explain', 'secops-team explain absorbed-duties', 'secops-team explain security-manager.incident-response-plan'],
  matrix: ['secops-team matrix team.yaml', 'secops-team matrix -f csv -o coverage.csv team.yaml', 'secops-team matrix -f markdown team.yaml > coverage.md'],
  roles: ['secops-team roles', 'secops-team roles security-manager', 'secops-team roles --team team.yaml', 'secops-team roles --nice', 'secops-team roles --format json'],
  schema: ['secops-team schema > team.schema.json'],
  init: [
    'secops-team init',
    'secops-team init --template medium teams/acme.yaml',
    'secops-team init --yes --name "Acme" --employees 120',
  ],
  diff: [
    'secops-team diff old-team.yaml team.yaml',
    'secops-team diff git:origin/main:team.yaml team.yaml --format markdown > diff.md',
    'secops-team diff git:HEAD~1:team.yaml team.yaml --fail-on-regression',
  ],
  report: ['secops-team report team.yaml -o report.html', 'secops-team report team.yaml > report.html'],
  plan: [
    'secops-team plan team.yaml',
    'secops-team plan team.yaml --budget 3 --format markdown -o plan.md',
    'secops-team plan team.yaml --write team-planned.yaml',
  ],
};

/** Each command's exit codes, listed in its help: scripts and CI branch on them. */
const EXIT_CODES = {
  check: ['0  no errors (and no more warnings than --max-warnings)', '1  errors found (YAML syntax and schema errors included), or too many warnings', '2  could not run: a missing file, a bad option, a report that cannot be written'],
  matrix: ['0  the matrix was written', '1  the file does not pass the schema (the findings go to standard error)', '2  could not run: a missing file, a bad option, an output that cannot be written'],
  explain: ['0  explained', '2  no rule, role or responsibility has that id, or a bad option'],
  roles: ['0  listed', '1  the file given with --team does not pass the schema (its findings are on standard error)', '2  no role has that id, a missing file, or a bad option'],
  schema: ['0  printed'],
  init: ['0  the team file was written', '2  could not write it (it exists and --force is absent, a bad option)', '130  cancelled (Ctrl-C, Escape or "quit"): nothing was written'],
  diff: ['0  compared (and, with --fail-on-regression, nothing got worse)', '1  with --fail-on-regression: a duty is covered less well or a new error appeared', '2  could not run: a missing file or revision, a bad option'],
  plan: ['0  the plan was written', '1  the file does not pass the schema, or repeats a member id: nothing to plan (the findings go to standard error)', '2  could not run: a missing file, a bad option, an output that cannot be written'],
  report: ['0  the report was written', '1  the file does not pass the schema: nothing was written (the findings go to standard error)', '2  could not run: a missing file, a bad option, an output that cannot be written'],
};

function examples(list: readonly string[], exitCodes?: readonly string[]): string {
  const codes = exitCodes ? `\nExit codes:\n${exitCodes.map((l) => `  ${l}`).join('\n')}\n` : '';
  return `\nExamples:\n${list.map((l) => `  $ ${l}`).join('\n')}\n${codes}`;
}

/** The program's help: one short example per command, then the exit codes every command shares. */
const OVERVIEW = [
  'secops-team init team.yaml',
  'secops-team check team.yaml',
  'secops-team check team.yaml -f sarif -o results.sarif',
  'secops-team matrix team.yaml',
  'secops-team explain absorbed-duties',
  'secops-team roles security-manager',
  'secops-team diff git:origin/main:team.yaml team.yaml',
  'secops-team report team.yaml -o report.html',
  'secops-team plan team.yaml --budget 3',
  'secops-team schema > team.schema.json',
];
const OVERVIEW_EXIT_CODES = ['0  success', '1  findings that fail the run (check, matrix, report, plan, roles --team; diff with --fail-on-regression)', '2  could not run: bad option, missing file, internal error', '130  init was cancelled', 'secops-team <command> --help lists each command\'s own.'];

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
    .addHelpText('after', examples(OVERVIEW, OVERVIEW_EXIT_CODES));

  program
    .command('check')
    .description('validate team files and report the gaps in each team')
    .argument('<files...>', 'team files or globs (quote them: \'teams/**/*.yaml\'); - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit or markdown').default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--report <format=file>', 'also write a report in another format to a file; repeatable', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--summary', 'print one summary line on standard error (the default with -o when standard error is a terminal)')
    .option('--no-summary', 'never print the summary line on standard error')
    .addHelpText('after', examples(EXAMPLES.check, EXIT_CODES.check))
    .action(async (files: string[], options: { format: string; output?: string; report?: string[]; stdinFilename?: string; quiet?: boolean; maxWarnings?: number; summary?: boolean }) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck(files, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('matrix')
    .description('show who carries each documented responsibility: covered, absorbed, external or uncovered')
    .argument('<file>', 'a team file; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, markdown or csv').default('stylish'))
    .option('-o, --output <file>', 'write the matrix to a file instead of standard output')
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .addHelpText('after', examples(EXAMPLES.matrix, EXIT_CODES.matrix))
    .action(async (file: string, options: { format: string; output?: string; stdinFilename?: string }) => {
      const { runMatrix } = await import('./commands/matrix.js');
      setExit(await runMatrix(file, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('explain')
    .description('explain a rule, a role or a responsibility id; without an id, list the rules')
    .argument('[id]', 'a rule, role or responsibility id')
    .addOption(new Option('-f, --format <name>', 'output format: stylish or json').default('stylish'))
    .addHelpText('after', examples(EXAMPLES.explain, EXIT_CODES.explain))
    .action(async (id: string | undefined, options: { format: string }) => {
      const { runExplain } = await import('./commands/explain.js');
      setExit(runExplain(id, options, io));
    });

  program
    .command('roles')
    .description('list the role catalog (documented and specialist roles), or show one role with its responsibilities')
    .argument('[role-id]', 'a role id, e.g. security-manager')
    .addOption(new Option('-f, --format <name>', 'output format: stylish or json').default('stylish'))
    .addOption(new Option('--team <file>', "also list a team file's own roles (its roles: section)"))
    .addOption(new Option('--nice', 'list the NICE Framework v2.0.0 work roles, for nice: in own roles'))
    .addHelpText('after', examples(EXAMPLES.roles, EXIT_CODES.roles))
    .action(async (roleId: string | undefined, options: { format: string; team?: string; nice?: boolean }) => {
      const { runRoles } = await import('./commands/roles.js');
      setExit(await runRoles(roleId, options, io));
    });

  program
    .command('init')
    .description('write a starting team file: a wizard on a terminal, or a template with --yes')
    .argument('[path]', 'the file to write; a folder gets team.yaml', 'team.yaml')
    .addOption(new Option('-t, --template <size>', 'start from a template').choices(['small', 'medium', 'large', 'enterprise']))
    .option('--name <organization>', "the organization's name")
    .option('--employees <count>', 'the number of employees (with --yes, picks the template when --template is absent)')
    .option('-y, --yes', 'ask nothing: accept the template, with --name and --employees')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', examples(EXAMPLES.init, EXIT_CODES.init))
    .action(async (path: string, options: { template?: string; name?: string; employees?: string; yes?: boolean; force?: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(path, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('diff')
    .description('show what a change to a team file does: members, coverage and findings before and after')
    .argument('<before>', 'the old version: a file, git:<revision>:<path> (e.g. git:origin/main:team.yaml), or - for standard input')
    .argument('<after>', 'the new version: a file, git:<revision>:<path>, or -')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json or markdown').default('stylish'))
    .option('-o, --output <file>', 'write the diff to a file instead of standard output')
    .option('--fail-on-regression', 'exit 1 when a responsibility is worse covered or a new error appears')
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .addHelpText('after', examples(EXAMPLES.diff, EXIT_CODES.diff))
    .action(async (before: string, after: string, options: { format: string; output?: string; failOnRegression?: boolean; stdinFilename?: string }) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(before, after, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('report')
    .description('write a self-contained HTML report of a team: org chart, coverage heat map and findings')
    .argument('<file>', 'a team file; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format: html').default('html'))
    .option('-o, --output <file>', 'write the report to a file (replacing it) instead of standard output')
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .addHelpText('after', examples(EXAMPLES.report, EXIT_CODES.report))
    .action(async (file: string, options: { format: string; output?: string; stdinFilename?: string }) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport(file, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('plan')
    .description('rank the hires (or contracts) that close the most severe findings per FTE, within a budget')
    .argument('<file>', 'a team file; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json or markdown').default('stylish'))
    .option('-o, --output <file>', 'write the plan to a file instead of standard output')
    .option('--budget <fte>', 'FTE the plan may add', parseFte, 5)
    .option('--write <file>', "write the team file with the plan's hires added as open positions (vacancy: true)")
    .option('--force', 'let --write replace an existing file')
    .option('--stdin-filename <name>', 'the name to report standard input under')
    .addHelpText('after', examples(EXAMPLES.plan, EXIT_CODES.plan))
    .action(async (file: string, options: { format: string; output?: string; budget: number; write?: string; force?: boolean; stdinFilename?: string }) => {
      const { runPlan } = await import('./commands/plan.js');
      setExit(await runPlan(file, { ...options, ...colorOption(globals()) }, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of team files')
    .addHelpText('after', examples(EXAMPLES.schema, EXIT_CODES.schema))
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(runSchema(io));
    });

  return program;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}

function parseFte(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 1000) throw new InvalidArgumentError('expected a number of FTE from 0 to 1000, e.g. 3 or 2.5');
  return Number(value);
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

export async function main(): Promise<void> {
  const code = await run(processIo());
  // A stream error may already have set 2; never lower it.
  process.exitCode = Math.max(code, typeof process.exitCode === 'number' ? process.exitCode : 0);
}
