/**
 * The library API: the same pipeline as the `check` command, returning data.
 *
 *   import { checkFiles, formatters } from 'secops-team';
 *   const result = await checkFiles(['teams/**\/*.yaml']);
 *   process.stdout.write(formatters.sarif(result, { color: false, cwd: process.cwd() }));
 */
export { checkBytes, checkFiles, checkTeam, collect, type CheckFilesOptions, type CheckOptions } from './lint.js';
export { expandPaths, InputError, MAX_FILE_BYTES, readTeamFile, type ExpandOptions, type InputFile } from './input/files.js';
export * as catalog from './catalog/index.js';
export { ALL_RULES as rules, findRule, type RuleDocs, type RuleInfo } from './rules/index.js';
export { FORMATTERS as formatters, isFormatName, type Formatter, type FormatName, type FormatOptions } from './format/index.js';
export {
  COVERAGE_STATUSES,
  SEVERITIES,
  type CheckResult,
  type CoverageEntry,
  type CoverageStatus,
  type FileResult,
  type OpenPosition,
  type Finding,
  type Range,
  type Severity,
  type Summary,
  type SuppressedFinding,
  type TeamMemberSummary,
  type TeamSummary,
} from './findings.js';

import { FORMATTERS, type FormatName, type FormatOptions } from './format/index.js';
import type { CheckResult } from './findings.js';

/** Formats a result by format name; options default to no colour and file names as given. */
export function format(result: CheckResult, name: FormatName, options: Partial<FormatOptions> = {}): string {
  return FORMATTERS[name](result, { color: false, ...options });
}
