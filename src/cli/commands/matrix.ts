import { COMPACT_CHARS } from '../table.js';
import { stylish } from '../../format/stylish.js';
import { matrixFormat, matrixCsv, matrixJson, matrixMarkdown, matrixNarrow, matrixRows, MATRIX_FORMATS } from '../../format/matrix.js';
import { collect, checkBytes } from '../../lint.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { readInput, resolveInputs, resolveOutputs, writeOutput } from '../resolve.js';

/** Below this many columns the three-column table no longer fits: the narrow layout takes over. */
const NARROW = 100;

export async function runMatrix(path: string, options: { format: string; output?: string; stdinFilename?: string; color?: boolean }, io: Io): Promise<number> {
  const format = matrixFormat(options.format);
  if (format === undefined) throw new CliError(`unknown format ${JSON.stringify(options.format)}; use one of: ${MATRIX_FORMATS.join(', ')}`);
  const sources = await resolveInputs([path], options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}, io);
  const [target] = resolveOutputs([{ option: '-o', file: options.output ?? '-' }], sources, io);
  const [source] = sources;
  if (!source || !target) throw new CliError('name a team file, or - for standard input');
  const input = await readInput(source, io);
  const file = checkBytes(input.bytes, { file: input.name });
  if (file.coverage.length === 0) {
    // The file did not pass the schema: show why, on stderr, and fail like check.
    io.stderr.write(stylish(collect([file]), { color: useColor(options.color, io) }));
    return 1;
  }
  if (format === 'json') writeOutput(target, matrixJson(file), io, { report: true });
  else if (format === 'csv') writeOutput(target, matrixCsv(file), io, { report: true });
  else if (format === 'markdown') writeOutput(target, matrixMarkdown(file), io, { report: true });
  else if (target.kind === 'stdout' && io.stdout.columns < NARROW) writeOutput(target, matrixNarrow(file, Math.max(40, io.stdout.columns)), io);
  else {
    const { default: Table } = await import('cli-table3');
    // A file gets the width of a wide terminal; standard output, the terminal's.
    const width = Math.max(70, Math.min(target.kind === 'file' ? 100 : io.stdout.columns, 160));
    const table = new Table({
      head: ['responsibility', 'status', 'who'],
      colWidths: [50, 16, Math.max(14, width - 50 - 16 - 4)],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: COMPACT_CHARS,
    });
    for (const row of matrixRows(file)) table.push(row);
    writeOutput(target, table.toString() + '\n', io, { report: true });
  }
  return 0;
}
