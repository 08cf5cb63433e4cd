import type { CheckResult } from '../../findings.js';
import { collect, checkBytes } from '../../lint.js';
import { FORMATTERS, isFormatName } from '../../format/index.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { readStdin, readTeamFile, type InputFile } from '../read.js';
import { writeFileSafely } from '../write.js';

export interface CheckCommandOptions {
  format: string;
  output?: string;
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
  const format = options.format;
  if (!isFormatName(format)) {
    throw new CliError(`unknown format ${JSON.stringify(format)}; use one of: ${Object.keys(FORMATTERS).join(', ')}`);
  }
  if (paths.filter((p) => p === '-').length > 1) throw new CliError('"-" (standard input) can be given only once');

  const inputs: InputFile[] = [];
  for (const path of paths) {
    inputs.push(path === '-' ? await readStdin(io, options.stdinFilename ?? '<stdin>') : readTeamFile(path));
  }
  const result = collect(inputs.map((input) => checkBytes(input.bytes, { file: input.name })));
  const shown = options.quiet ? errorsOnly(result) : result;
  const text = FORMATTERS[format](shown, { color: useColor(options.color, io, options.output === undefined), cwd: io.cwd });
  if (options.output !== undefined) writeFileSafely(options.output, text, { overwrite: true });
  else io.stdout.write(text);
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
