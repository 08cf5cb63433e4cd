import { isComparable } from '../../diff/diff.js';
import { renderReport } from '../../format/report/index.js';
import { stylish } from '../../format/stylish.js';
import { checkBytes, collect, todayUtc } from '../../lint.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { version } from '../main.js';
import { readInput, resolveInputs, resolveOutputs, writeOutput } from '../resolve.js';

export interface ReportCommandOptions {
  format?: string;
  output?: string;
  stdinFilename?: string;
  color?: boolean;
}

/** 9999-12-31T23:59:59Z. */
const MAX_EPOCH_SECONDS = 253_402_300_799;

/** The report's date: today, or SOURCE_DATE_EPOCH (seconds) where a build asks for reproducible output. */
export function reportDate(env: Io['env'], now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return todayUtc(now);
  // Up to the year 9999: a date past that has no YYYY-MM-DD form (and JavaScript's dates end in 275760).
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS) {
    throw new CliError(`SOURCE_DATE_EPOCH=${JSON.stringify(epoch)} is not a number of seconds since 1970 up to the year 9999 (at most ${MAX_EPOCH_SECONDS}); unset it or fix it`);
  }
  return todayUtc(new Date(Number(epoch) * 1000));
}

export async function runReport(path: string, options: ReportCommandOptions, io: Io): Promise<number> {
  if (options.format !== undefined && options.format !== 'html') throw new CliError(`unknown format ${JSON.stringify(options.format)}; use html (check -f writes the other formats)`);
  const sources = await resolveInputs([path], options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}, io);
  // -o names where the page goes, never the team file it draws.
  const [target] = resolveOutputs([{ option: '-o', file: options.output ?? '-' }], sources, io);
  const date = reportDate(io.env);
  const [source] = sources;
  if (!source || !target) throw new CliError('name a team file, or - for standard input');
  const input = await readInput(source, io);
  const file = checkBytes(input.bytes, { file: input.name, today: date });
  if (!isComparable(file)) {
    // Nothing to draw: show why, on stderr, and fail like check. No file is written.
    io.stderr.write(stylish(collect([file]), { color: useColor(options.color, io) }));
    io.stderr.write(`secops-team: no report: ${JSON.stringify(file.file)} does not pass the schema, or repeats a member id; fix the findings above first\n`);
    return 1;
  }
  const html = renderReport(file, { date, version: version() });
  writeOutput(target, html, io);
  return 0;
}
