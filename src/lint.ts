/**
 * The pipeline, top to bottom: load → validate → model → rules → findings.
 * This is also the library API; it returns data and never prints or exits.
 */
import { compareFindings, summarize, type CheckResult, type CoverageEntry, type FileResult, type Finding } from './findings.js';
import { loadBytes, loadText, type LoadedFile, type Reader } from './load/load.js';
import { buildTeam, type Team } from './model/team.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/types.js';
import { validate } from './validate/validate.js';

export interface CheckOptions {
  /** The name to report the file under. */
  file?: string;
  /** Today's date (YYYY-MM-DD), for exception expiry; defaults to the current UTC date. */
  today?: string;
  /** Which YAML reader to use (default `auto`); `yaml` forces the yaml package, to compare the two. */
  reader?: Reader;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function runRules(team: Team, loaded: LoadedFile, coverage: CoverageEntry[], today: string): Finding[] {
  const context: RuleContext = { team, coverage, today };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = rule.configurable ? team.rules[rule.id] : undefined;
    if (setting === 'off') continue;
    for (const problem of rule.check(context)) {
      findings.push({
        ruleId: rule.id,
        severity: setting ?? problem.severity ?? rule.severity[team.organization.size],
        message: problem.message,
        path: problem.pointer,
        ...loaded.locator.locate(problem.pointer, problem.anchor),
        ...(problem.role !== undefined ? { role: problem.role } : {}),
        ...(problem.responsibility !== undefined ? { responsibility: problem.responsibility } : {}),
        ...(problem.members !== undefined ? { members: problem.members } : {}),
      });
    }
  }
  return findings;
}

function analyse(loaded: LoadedFile, file: string, options: CheckOptions): FileResult {
  const result: FileResult = { file, findings: [...loaded.findings], suppressed: [], coverage: [] };
  if (!loaded.ok) return result;
  const validation = validate(loaded.data, loaded.locator);
  if (!validation.valid) {
    result.findings.push(...validation.findings);
    result.findings.sort(compareFindings);
    return result;
  }
  const team = buildTeam(validation.team);
  const coverage: CoverageEntry[] = [];
  result.findings.push(...runRules(team, loaded, coverage, options.today ?? todayUtc()));
  result.findings.sort(compareFindings);
  result.coverage = coverage;
  return result;
}

/** Checks one team file given as text. */
export function checkTeam(text: string, options: CheckOptions = {}): FileResult {
  return analyse(loadText(text, options.reader), options.file ?? 'team.yaml', options);
}

/** Checks one team file given as bytes (reports invalid UTF-8 as a finding). */
export function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): FileResult {
  return analyse(loadBytes(bytes, options.reader), options.file ?? 'team.yaml', options);
}

export function collect(files: FileResult[]): CheckResult {
  return { version: 1, files, summary: summarize(files) };
}
