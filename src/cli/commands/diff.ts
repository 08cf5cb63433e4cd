import { diffTeams, isComparable } from '../../diff/diff.js';
import { DIFF_FORMATTERS, isDiffFormatName } from '../../format/diff/index.js';
import { stylish } from '../../format/stylish.js';
import { checkBytes, collect } from '../../lint.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { readInput, resolveInputs, resolveOutputs, writeOutput } from '../resolve.js';

export interface DiffCommandOptions {
  format: string;
  output?: string;
  failOnRegression?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

export async function runDiff(beforeArg: string, afterArg: string, options: DiffCommandOptions, io: Io): Promise<number> {
  const format = options.format;
  if (!isDiffFormatName(format)) throw new CliError(`unknown format ${JSON.stringify(format)}; use one of: ${Object.keys(DIFF_FORMATTERS).join(', ')}`);
  const sources = await resolveInputs([beforeArg, afterArg], { git: true, ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}) }, io);
  // -o names where the comparison goes, never one of the versions compared.
  const [target] = resolveOutputs([{ option: '-o', file: options.output ?? '-' }], sources, io);
  const [beforeSource, afterSource] = sources;
  if (!beforeSource || !afterSource || !target) throw new CliError('diff compares two versions: name both');
  const check = async (source: typeof beforeSource) => {
    const input = await readInput(source, io);
    return checkBytes(input.bytes, { file: input.name });
  };
  const before = await check(beforeSource);
  const after = await check(afterSource);

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
  const toTerminal = target.kind === 'stdout' && io.stdout.isTTY;
  const text = DIFF_FORMATTERS[format](diff, { color: useColor(options.color, io, target.kind === 'stdout'), ...(toTerminal ? { width: io.stdout.columns } : {}) });
  writeOutput(target, text, io);
  return options.failOnRegression && diff.regression.regressed ? 1 : 0;
}
