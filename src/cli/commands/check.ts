import type { CheckResult } from '../../findings.js';
import { collect, checkBytes } from '../../lint.js';
import { FORMATTERS } from '../../format/index.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { expandPaths, readStdin, readTeamFile, type InputFile } from '../read.js';
import { formatNamed, reportTargets, writeReport } from '../reports.js';
import { refuseToOverwriteInputs } from '../write.js';

export interface CheckCommandOptions {
  format: string;
  output?: string;
  /** `<format>=<file>` values of the repeatable --report option. */
  report?: string[];
  stdinFilename?: string;
  color?: boolean;
  /** Report errors only. */
  quiet?: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
}

/** Keeps only errors in the listing; the summary and the exit code still count everything. */
function errorsOnly(result: CheckResult): CheckResult {
  return { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
}

export async function runCheck(paths: readonly string[], options: CheckCommandOptions, io: Io): Promise<number> {
  const format = formatNamed(options.format, '');
  const reports = reportTargets(options.report ?? [], options.output, io);
  if (paths.filter((p) => p === '-').length > 1) throw new CliError('"-" (standard input) can be given only once');
  if (options.stdinFilename !== undefined && !paths.includes('-')) throw new CliError('--stdin-filename names standard input, but no "-" was given; add - to read the team from standard input');
  const names = await expandPaths(paths, io.cwd);
  // -o and --report name where reports go, never a team file to replace.
  for (const target of [...(options.output !== undefined ? [options.output] : []), ...reports.map((r) => r.file)]) refuseToOverwriteInputs(target, names);

  const inputs: InputFile[] = [];
  for (const path of names) {
    inputs.push(path === '-' ? await readStdin(io, options.stdinFilename ?? '<stdin>') : readTeamFile(path, io.cwd));
  }
  const result = collect(inputs.map((input) => checkBytes(input.bytes, { file: input.name })));
  const shown = options.quiet ? errorsOnly(result) : result;
  const toTerminal = options.output === undefined && io.stdout.isTTY;
  const text = FORMATTERS[format](shown, { color: useColor(options.color, io, options.output === undefined), cwd: io.cwd, ...(toTerminal ? { width: io.stdout.columns } : {}) });
  if (options.output !== undefined) writeReport(options.output, text, io);
  else io.stdout.write(text);
  // Reports are for machines and reviewers: they carry every finding, --quiet or not,
  // and are coloured only when --color asks for it.
  for (const report of reports) writeReport(report.file, FORMATTERS[report.format](result, { color: options.color === true, cwd: io.cwd }), io);
  const warnings = result.summary.warnings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings && result.summary.errors === 0) {
    io.stderr.write(`secops-team: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
  }
  return exitCode(result, options.maxWarnings);
}

export function exitCode(result: CheckResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}
