/**
 * The reports of one run: the main output (-f/-o) and any number of
 * `--report <format>=<file>`.
 */
import { FORMATTERS, isFormatName, type FormatName } from '../format/index.js';
import { CliError } from './errors.js';
import { closest } from '../util/suggest.js';

export interface ReportTarget {
  format: FormatName;
  file: string;
}

export function formatNamed(name: string, where: string): FormatName {
  if (!isFormatName(name)) {
    const names = Object.keys(FORMATTERS);
    const guess = closest(name, names);
    throw new CliError(`unknown format ${JSON.stringify(name)}${where}; ${guess ? `did you mean "${guess}"? ` : ''}use one of: ${names.join(', ')}`);
  }
  return name;
}

/** Parses the `--report` values; src/cli/resolve.ts checks where they go. */
export function reportTargets(values: readonly string[]): ReportTarget[] {
  const targets = values.map((value): ReportTarget => {
    const eq = value.indexOf('=');
    if (eq < 0) throw new CliError(`--report ${JSON.stringify(value)} needs the form <format>=<file>, for example --report sarif=results.sarif`);
    const file = value.slice(eq + 1);
    if (file === '') throw new CliError(`--report ${JSON.stringify(value)} names no file; for example --report sarif=results.sarif`);
    return { format: formatNamed(value.slice(0, eq), ' in --report'), file };
  });
  return targets;
}
