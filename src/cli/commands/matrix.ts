import { COMPACT_CHARS } from '../table.js';
import { stylish } from '../../format/stylish.js';
import { isMatrixFormat, matrixCsv, matrixJson, matrixMarkdown, matrixRows, MATRIX_FORMATS } from '../../format/matrix.js';
import { collect, checkBytes } from '../../lint.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { readInput, resolveInputs } from '../resolve.js';

export async function runMatrix(path: string, options: { format: string; stdinFilename?: string; color?: boolean }, io: Io): Promise<number> {
  const format = options.format;
  if (!isMatrixFormat(format)) throw new CliError(`unknown format ${JSON.stringify(format)}; use one of: ${MATRIX_FORMATS.join(', ')}`);
  const [source] = await resolveInputs([path], options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}, io);
  if (!source) throw new CliError('name a team file, or - for standard input');
  const input = await readInput(source, io);
  const file = checkBytes(input.bytes, { file: input.name });
  if (file.coverage.length === 0) {
    // The file did not pass the schema: show why, on stderr, and fail like check.
    io.stderr.write(stylish(collect([file]), { color: useColor(options.color, io) }));
    return 1;
  }
  if (format === 'json') io.stdout.write(matrixJson(file));
  else if (format === 'csv') io.stdout.write(matrixCsv(file));
  else if (format === 'markdown') io.stdout.write(matrixMarkdown(file));
  else {
    const { default: Table } = await import('cli-table3');
    const width = Math.max(70, Math.min(io.stdout.columns, 160));
    const table = new Table({
      head: ['responsibility', 'status', 'who'],
      colWidths: [50, 16, Math.max(14, width - 50 - 16 - 4)],
      wordWrap: true,
      style: { head: [], border: [] },
      chars: COMPACT_CHARS,
    });
    for (const row of matrixRows(file)) table.push(row);
    io.stdout.write(table.toString() + '\n');
  }
  return 0;
}
