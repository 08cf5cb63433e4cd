import type { CheckResult } from '../../findings.js';
import { collect, checkBytes } from '../../lint.js';
import { FORMATTERS } from '../../format/index.js';
import { summaryText } from '../../format/stylish.js';
import { escapeControl, plural } from '../../format/text.js';
import { useColor, type Io } from '../io.js';
import { formatNamed, reportTargets } from '../reports.js';
import { readInput, resolveInputs, resolveOutputs, writeOutput, type InputFile } from '../resolve.js';

export interface CheckCommandOptions {
  format: string;
  output?: string;
  /** `<format>=<file>` values of the repeatable --report option. */
  report?: string[];
  stdinFilename?: string;
  color?: boolean;
  /** Report errors only. */
  quiet?: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** One summary line on standard error: true or false as asked; by default only with -o and a terminal on standard error. */
  summary?: boolean;
}

/** Formats whose output goes to CI logs, code scanning and pull requests. */
const PUBLIC_FORMATS = new Set<string>(['github', 'sarif', 'junit', 'markdown']);

/** Keeps only errors in the listing; the summary and the exit code still count everything. */
function errorsOnly(result: CheckResult): CheckResult {
  return { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
}

export async function runCheck(paths: readonly string[], options: CheckCommandOptions, io: Io): Promise<number> {
  const format = formatNamed(options.format, '');
  const reports = reportTargets(options.report ?? []);
  // Reports that land in CI logs and pull requests never read a link out of the working folder.
  const isPublic = [format, ...reports.map((r) => r.format)].some((f) => PUBLIC_FORMATS.has(f));
  const sources = await resolveInputs(paths, { globs: true, public: isPublic, ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}) }, io);
  // -o and --report name where reports go, never a team file to replace.
  const [main, ...others] = resolveOutputs(
    [{ option: '-o', file: options.output ?? '-' }, ...reports.map((r) => ({ option: '--report', file: r.file }))],
    sources,
    io,
  );

  const inputs: InputFile[] = [];
  for (const source of sources) inputs.push(await readInput(source, io));
  const result = collect(inputs.map((input) => checkBytes(input.bytes, { file: input.name })));
  const shown = options.quiet ? errorsOnly(result) : result;
  const toStdout = main?.kind !== 'file';
  const toTerminal = toStdout && io.stdout.isTTY;
  const text = FORMATTERS[format](shown, { color: useColor(options.color, io, toStdout), cwd: io.cwd, ...(toTerminal ? { width: io.stdout.columns } : {}) });
  writeOutput(main ?? { kind: 'stdout' }, text, io, { report: true });
  // Reports are for machines and reviewers: they carry every finding, --quiet or not,
  // and are coloured only when --color asks for it.
  reports.forEach((report, i) => {
    const target = others[i];
    if (target) writeOutput(target, FORMATTERS[report.format](result, { color: options.color === true, cwd: io.cwd }), io, { report: true });
  });
  // With the report in a file, a person at a terminal would see nothing at all: tell them in one line.
  // CI logs (standard error not a terminal) stay quiet unless --summary asks.
  if (options.summary ?? (main?.kind === 'file' && io.stderr.isTTY === true)) {
    const written = [main, ...others].flatMap((t) => (t?.kind === 'file' ? [escapeControl(t.file)] : []));
    io.stderr.write(`secops-team: ${summaryText(result)}${written.length > 0 ? `; wrote ${written.join(', ')}` : ''}\n`);
  }
  const warnings = result.summary.warnings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings && result.summary.errors === 0) {
    io.stderr.write(`secops-team: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows\n`);
  }
  return exitCode(result, options.maxWarnings);
}

export function exitCode(result: CheckResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}
