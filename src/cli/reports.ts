/**
 * Where the reports of one run go: the main output (-f/-o) and any number of
 * `--report <format>=<file>`.
 */
import { resolve } from 'node:path';
import { FORMATTERS, isFormatName, type FormatName } from '../format/index.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { writeFileSafely } from './write.js';

export interface ReportTarget {
  format: FormatName;
  file: string;
}

export function formatNamed(name: string, where: string): FormatName {
  if (!isFormatName(name)) {
    throw new CliError(`unknown format ${JSON.stringify(name)}${where}; use one of: ${Object.keys(FORMATTERS).join(', ')}`);
  }
  return name;
}

/** Parses the `--report` values and refuses two outputs to one file. */
export function reportTargets(values: readonly string[], output: string | undefined, io: Io): ReportTarget[] {
  const targets = values.map((value): ReportTarget => {
    const eq = value.indexOf('=');
    if (eq < 0) throw new CliError(`--report ${JSON.stringify(value)} needs the form <format>=<file>, for example --report sarif=results.sarif`);
    const file = value.slice(eq + 1);
    if (file === '') throw new CliError(`--report ${JSON.stringify(value)} names no file; for example --report sarif=results.sarif`);
    return { format: formatNamed(value.slice(0, eq), ' in --report'), file };
  });
  const seen = new Set<string>(output === undefined ? [] : [resolve(io.cwd, output)]);
  for (const { file } of targets) {
    const full = resolve(io.cwd, file);
    if (seen.has(full)) throw new CliError(`two outputs would write ${JSON.stringify(file)}; give each report its own file`);
    seen.add(full);
  }
  return targets;
}

/**
 * Writes a report file through a temporary file and a rename. The file in
 * $GITHUB_STEP_SUMMARY is the exception: GitHub collects what each step adds
 * to it, so a report there is appended and what the step wrote before stays.
 */
export function writeReport(file: string, text: string, io: Io): void {
  const summary = io.env.GITHUB_STEP_SUMMARY;
  const append = summary !== undefined && summary !== '' && resolve(io.cwd, file) === resolve(io.cwd, summary);
  writeFileSafely(file, text, { overwrite: true, append, sync: false });
}
