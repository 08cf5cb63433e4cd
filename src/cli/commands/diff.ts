import { diffTeams, isComparable } from '../../diff/diff.js';
import { DIFF_FORMATTERS, isDiffFormatName } from '../../format/diff/index.js';
import { stylish } from '../../format/stylish.js';
import { checkBytes, collect } from '../../lint.js';
import { CliError } from '../errors.js';
import { isGitSpec, readGitFile } from '../git.js';
import { useColor, type Io } from '../io.js';
import { readStdin, readTeamFile, type InputFile } from '../read.js';
import { refuseToOverwriteInputs, writeFileSafely } from '../write.js';

export interface DiffCommandOptions {
  format: string;
  output?: string;
  failOnRegression?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

async function readInput(argument: string, io: Io, stdinName: string): Promise<InputFile> {
  if (argument === '-') return readStdin(io, stdinName);
  if (isGitSpec(argument)) return readGitFile(argument, io);
  return readTeamFile(argument);
}

export async function runDiff(beforeArg: string, afterArg: string, options: DiffCommandOptions, io: Io): Promise<number> {
  const format = options.format;
  if (!isDiffFormatName(format)) throw new CliError(`unknown format ${JSON.stringify(format)}; use one of: ${Object.keys(DIFF_FORMATTERS).join(', ')}`);
  if (beforeArg === '-' && afterArg === '-') throw new CliError('"-" (standard input) can be given only once');
  if (options.stdinFilename !== undefined && beforeArg !== '-' && afterArg !== '-') throw new CliError('--stdin-filename names standard input, but no "-" was given; use - for the version on standard input');
  // -o names where the comparison goes, never one of the versions compared.
  if (options.output !== undefined) refuseToOverwriteInputs(options.output, [beforeArg, afterArg].filter((a) => !isGitSpec(a)));
  const stdinName = options.stdinFilename ?? '<stdin>';
  const check = async (argument: string) => {
    const input = await readInput(argument, io, stdinName);
    return checkBytes(input.bytes, { file: input.name });
  };
  const before = await check(beforeArg);
  const after = await check(afterArg);

  if (!isComparable(before) || !isComparable(after)) {
    // Nothing sensible to compare: show why, on stderr, and fail like check.
    const broken = [before, after].filter((f) => !isComparable(f));
    io.stderr.write(stylish(collect(broken), { color: useColor(options.color, io) }));
    const names = broken.map((f) => JSON.stringify(f.file)).join(' and ');
    const what = broken.length === 1 ? 'does not pass the schema, or repeats a member id' : 'do not pass the schema, or repeat member ids';
    io.stderr.write(`secops-team: cannot compare: ${names} ${what}; fix the findings above first\n`);
    return 1;
  }

  const diff = diffTeams(before, after);
  const text = DIFF_FORMATTERS[format](diff, { color: useColor(options.color, io, options.output === undefined) });
  if (options.output !== undefined) writeFileSafely(options.output, text, { overwrite: true });
  else io.stdout.write(text);
  return options.failOnRegression && diff.regression.regressed ? 1 : 0;
}
