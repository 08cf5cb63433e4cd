import { PLAN_FORMATTERS, isPlanFormatName } from '../../format/plan/index.js';
import { stylish } from '../../format/stylish.js';
import { checkBytesModelled, collect } from '../../lint.js';
import { resolve } from 'node:path';
import { buildPlan } from '../../plan/plan.js';
import { PlanWriteError, withOpenPositions } from '../../plan/to-yaml.js';
import { writeFileSafely } from '../write.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';
import { readInput, resolveInputs, resolveOutputs, writeOutput } from '../resolve.js';

export interface PlanCommandOptions {
  format: string;
  output?: string;
  budget: number;
  write?: string;
  force?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

export async function runPlan(path: string, options: PlanCommandOptions, io: Io): Promise<number> {
  const format = options.format;
  if (!isPlanFormatName(format)) throw new CliError(`unknown format ${JSON.stringify(format)}; use one of: ${Object.keys(PLAN_FORMATTERS).join(', ')}`);
  const sources = await resolveInputs([path], options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}, io);
  const outputs = [{ option: '-o', file: options.output ?? '-' }];
  if (options.write !== undefined) outputs.push({ option: '--write', file: options.write });
  const [target, writeTarget] = resolveOutputs(outputs, sources, io);
  const [source] = sources;
  if (!source || !target) throw new CliError('name a team file, or - for standard input');
  const input = await readInput(source, io);
  const { result, model } = checkBytesModelled(input.bytes, { file: input.name });
  if (!model || result.findings.some((f) => f.ruleId === 'duplicate-member')) {
    // The rules cannot run on this file: show why, on stderr, and fail like check.
    io.stderr.write(stylish(collect([result]), { color: useColor(options.color, io) }));
    io.stderr.write(`secops-team: cannot plan for ${JSON.stringify(input.name)}: fix the findings above first\n`);
    return 1;
  }
  const plan = buildPlan(model, input.name, { budget: options.budget });
  if (writeTarget?.kind === 'file') {
    let text: string;
    try {
      text = withOpenPositions(new TextDecoder().decode(input.bytes), plan);
    } catch (error) {
      if (error instanceof PlanWriteError) throw new CliError(`cannot write ${JSON.stringify(writeTarget.file)}: ${error.message}`);
      throw error;
    }
    writeFileSafely(resolve(io.cwd, writeTarget.file), text, { overwrite: options.force === true, shown: writeTarget.file });
  }
  writeOutput(target, PLAN_FORMATTERS[format](plan, { color: useColor(options.color, io, target.kind === 'stdout') }), io, { report: true });
  return 0;
}
