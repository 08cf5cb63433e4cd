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
  const text = FORMATTERS[format](result, { color: useColor(options.color, io, options.output === undefined), cwd: io.cwd });
  if (options.output !== undefined) writeFileSafely(options.output, text, { overwrite: true, sync: false });
  else io.stdout.write(text);
  return result.summary.errors > 0 ? 1 : 0;
}
