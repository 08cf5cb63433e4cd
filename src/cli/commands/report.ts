import { isComparable } from '../../diff/diff.js';
import { renderReport } from '../../format/report/index.js';
import { stylish } from '../../format/stylish.js';
import { checkBytes, collect, todayUtc } from '../../lint.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { version } from '../main.js';
import { readStdin, readTeamFile } from '../read.js';
import { refuseToOverwriteInputs, writeFileSafely } from '../write.js';

export interface ReportCommandOptions {
  output?: string;
  stdinFilename?: string;
  color?: boolean;
}

/** The report's date: today, or SOURCE_DATE_EPOCH (seconds) where a build asks for reproducible output. */
export function reportDate(env: Io['env'], now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return todayUtc(now);
  if (!/^\d{1,12}$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH=${JSON.stringify(epoch)} is not a number of seconds since 1970; unset it or fix it`);
  return todayUtc(new Date(Number(epoch) * 1000));
}

export async function runReport(path: string, options: ReportCommandOptions, io: Io): Promise<number> {
  // -o names where the page goes, never the team file it draws.
  if (options.output !== undefined) refuseToOverwriteInputs(options.output, [path]);
  const date = reportDate(io.env);
  const input = path === '-' ? await readStdin(io, options.stdinFilename ?? '<stdin>') : readTeamFile(path);
  const file = checkBytes(input.bytes, { file: input.name, today: date });
  if (!isComparable(file)) {
    // Nothing to draw: show why, on stderr, and fail like check. No file is written.
    io.stderr.write(stylish(collect([file]), { color: useColor(options.color, io) }));
    io.stderr.write(`secops-team: no report: ${JSON.stringify(file.file)} does not pass the schema, or repeats a member id; fix the findings above first\n`);
    return 1;
  }
  const html = renderReport(file, { date, version: version() });
  if (options.output !== undefined) writeFileSafely(options.output, html, { overwrite: true });
  else io.stdout.write(html);
  return 0;
}
