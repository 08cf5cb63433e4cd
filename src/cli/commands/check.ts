import { collect, checkBytes } from '../../lint.js';
import { FORMATTERS } from '../../format/index.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { expandPaths, readStdin, readTeamFile, type InputFile } from '../read.js';
import { formatNamed, reportTargets, writeReport } from '../reports.js';

export interface CheckCommandOptions {
  format: string;
  output?: string;
  /** `<format>=<file>` values of the repeatable --report option. */
  report?: string[];
  stdinFilename?: string;
  color?: boolean;
}

export async function runCheck(paths: readonly string[], options: CheckCommandOptions, io: Io): Promise<number> {
  const format = formatNamed(options.format, '');
  const reports = reportTargets(options.report ?? [], options.output, io);
  if (paths.filter((p) => p === '-').length > 1) throw new CliError('"-" (standard input) can be given only once');

  const inputs: InputFile[] = [];
  for (const path of await expandPaths(paths, io.cwd)) {
    inputs.push(path === '-' ? await readStdin(io, options.stdinFilename ?? '<stdin>') : readTeamFile(path, io.cwd));
  }
  const result = collect(inputs.map((input) => checkBytes(input.bytes, { file: input.name })));
  const text = FORMATTERS[format](result, { color: useColor(options.color, io, options.output === undefined), cwd: io.cwd });
  if (options.output !== undefined) writeReport(options.output, text, io);
  else io.stdout.write(text);
  // Report files are coloured only when --color asks for it.
  for (const report of reports) writeReport(report.file, FORMATTERS[report.format](result, { color: options.color === true, cwd: io.cwd }), io);
  return result.summary.errors > 0 ? 1 : 0;
}
