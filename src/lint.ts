/**
 * The pipeline, top to bottom: load → validate → model → rules → findings.
 * This is also the library API; it returns data and never prints or exits.
 */
import { computeCoverage } from './coverage/coverage.js';
import { compareFindings, summarize, type CheckResult, type CoverageEntry, type FileResult, type Finding, type SuppressedFinding } from './findings.js';
import { expandPaths, InputError, readTeamFile, STDIN } from './input/files.js';
import { loadBytes, loadText, type LoadedFile } from './load/load.js';
import type { Locator } from './load/locate.js';
import { summarizeTeam } from './model/summary.js';
import { buildTeam, isLive, type RawTeam, type Team, type TeamException } from './model/team.js';
import { findRule, RULES } from './rules/index.js';
import { noUsableMember } from './rules/missing-role.js';
import { ruleOptions, type Rule, type RuleContext } from './rules/types.js';
import { validate } from './validate/validate.js';
import { append } from './util/arrays.js';

export interface CheckOptions {
  /** The name to report the file under. */
  file?: string;
  /** Today's date (YYYY-MM-DD), for exception expiry; defaults to the current UTC date. */
  today?: string;
}

export function todayUtc(now: Date | number = Date.now()): string {
  // Civil date from the day count (H. Hinnant's days-to-civil algorithm):
  // Date#toISOString costs most of a millisecond on its first call, a
  // noticeable share of a check's start-up.
  const ms = typeof now === 'number' ? now : now.getTime();
  const z = Math.floor(ms / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function runStage(stage: Rule['stage'], context: Omit<RuleContext, 'options'>, locator: Locator, checks: string[]): Finding[] {
  const { team } = context;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.stage !== stage) continue;
    const setting = rule.configurable ? team.rules[rule.id] : undefined;
    if (setting === 'off') continue;
    checks.push(rule.id);
    for (const problem of rule.check({ ...context, options: ruleOptions(rule, team.ruleOptions[rule.id]) })) {
      findings.push({
        ruleId: rule.id,
        severity: setting ?? problem.severity ?? rule.severity[team.organization.size],
        message: problem.message,
        path: problem.pointer,
        ...locator.locate(problem.pointer, problem.anchor),
        ...(problem.role !== undefined ? { role: problem.role } : {}),
        ...(problem.responsibility !== undefined ? { responsibility: problem.responsibility } : {}),
        ...(problem.responsibilities !== undefined ? { responsibilities: problem.responsibilities } : {}),
        ...(problem.members !== undefined ? { members: problem.members } : {}),
        ...(problem.staffing !== undefined ? { staffing: problem.staffing } : {}),
      });
    }
  }
  return findings;
}

/**
 * The live exceptions by rule and target (`rule` alone for those without a
 * target), in file order: a finding looks up only the keys it could match,
 * instead of every exception, so a large file with many of each stays linear.
 */
function exceptionIndex(exceptions: readonly TeamException[]): Map<string, TeamException> {
  const index = new Map<string, TeamException>();
  for (const e of exceptions) {
    const key = e.target === undefined ? e.rule : `${e.rule}\u0000${e.target}`;
    if (!index.has(key)) index.set(key, e);
  }
  return index;
}

/** The first exception in file order that covers the finding: the rule alone, or the rule and the finding's role, responsibility or a member. */
function matchingException(index: Map<string, TeamException>, finding: Finding): TeamException | undefined {
  let best = index.get(finding.ruleId);
  const consider = (target: string | undefined) => {
    if (target === undefined) return;
    const e = index.get(`${finding.ruleId}\u0000${target}`);
    if (e && (!best || e.index < best.index)) best = e;
  };
  consider(finding.role);
  consider(finding.responsibility);
  for (const member of finding.members ?? []) consider(member);
  return best;
}

/**
 * Moves the findings that a live exception covers to `suppressed`. `used`
 * holds the exceptions that match a finding: the live ones that suppressed
 * it, and the expired ones that would have (an expired exception that matches
 * nothing any more is stale, not due for renewal).
 */
function applyExceptions(team: Team, findings: Finding[], today: string): { kept: Finding[]; suppressed: SuppressedFinding[]; used: Set<number> } {
  const live = exceptionIndex(team.exceptions.filter((e) => isLive(e, today)));
  const expired = team.exceptions.some((e) => !isLive(e, today)) ? exceptionIndex(team.exceptions.filter((e) => !isLive(e, today))) : undefined;
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<number>();
  for (const finding of findings) {
    const configurable = findRule(finding.ruleId)?.configurable === true;
    const exception = configurable ? matchingException(live, finding) : undefined;
    if (!exception) {
      kept.push(finding);
      const stale = configurable && expired ? matchingException(expired, finding) : undefined;
      if (stale) used.add(stale.index);
      continue;
    }
    used.add(exception.index);
    suppressed.push({
      ...finding,
      suppression: {
        reason: exception.reason,
        ...(exception.approvedBy !== undefined ? { approvedBy: exception.approvedBy } : {}),
        ...(exception.expires !== undefined ? { expires: exception.expires } : {}),
        exception: `/exceptions/${exception.index}`,
      },
    });
  }
  return { kept, suppressed, used };
}

/** What the rules say about one modelled team: the pure core of `check`, with no reading or parsing. */
export interface TeamAnalysis {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  coverage: CoverageEntry[];
  /** Ids of the rules that ran, in order. */
  checks: string[];
  /** True when repeated member ids stopped the analysis after the reference rules. */
  stopped: boolean;
}

/**
 * Runs the rules on a team already built from schema-valid data: coverage,
 * reference, team and exception rules, exceptions applied, findings sorted.
 * `plan` calls it on changed copies of a team, so it must stay free of I/O.
 */
export function analyseTeam(team: Team, locator: Locator, today: string): TeamAnalysis {
  const checks: string[] = [];
  const references = runStage('reference', { team, coverage: [], today, usedExceptions: new Set(), suppressed: [] }, locator, checks);
  if (references.some((f) => f.ruleId === 'duplicate-member')) {
    // With two members behind one id, who holds what is ambiguous: stop before the gap analysis.
    return { findings: references.sort(compareFindings), suppressed: [], coverage: [], checks, stopped: true };
  }
  const coverage = computeCoverage(team);
  const teamFindings = runStage('team', { team, coverage, today, usedExceptions: new Set(), suppressed: [] }, locator, checks);
  const { kept, suppressed, used } = applyExceptions(team, teamFindings, today);
  const exceptionFindings = runStage('exceptions', { team, coverage, today, usedExceptions: used, suppressed }, locator, checks);
  const findings = [...references];
  append(findings, [...kept, ...exceptionFindings]);
  return { findings: findings.sort(compareFindings), suppressed: suppressed.sort(compareFindings), coverage, checks, stopped: false };
}

/** A file that passed the schema, modelled: what `plan` starts from. */
export interface ModelledFile {
  team: Team;
  raw: RawTeam;
  locator: Locator;
  today: string;
  /** What the rules said about the file as it is. */
  analysis?: TeamAnalysis;
}

function analyse(loaded: LoadedFile, file: string, options: CheckOptions): { result: FileResult; model?: ModelledFile } {
  const result: FileResult = { file, findings: [...loaded.findings], suppressed: [], coverage: [], checks: ['yaml-syntax'] };
  if (!loaded.ok) {
    // Syntax findings come from several passes (encoding, control characters, the parser): in order of position, too.
    result.findings.sort(compareFindings);
    return { result };
  }
  result.checks.push('schema');
  const validation = validate(loaded.data, loaded.locator);
  if (!validation.valid) {
    append(result.findings, validation.findings);
    const empty = noUsableMember(loaded.data, loaded.locator);
    if (empty) result.findings.push(empty);
    result.findings.sort(compareFindings);
    return { result };
  }
  const team = buildTeam(validation.team);
  result.team = summarizeTeam(team);
  if (team.vacancies.length > 0) {
    result.openPositions = team.vacancies.map((v) => {
      const path = `/members/${v.index}`;
      const { line, column } = loaded.locator.locate(path, 'value');
      return { id: v.id, name: v.name, roles: [...v.roles], fte: v.fte, path, line, column };
    });
  }
  const today = options.today ?? todayUtc();
  const analysis = analyseTeam(team, loaded.locator, today);
  append(result.checks, analysis.checks);
  append(result.findings, analysis.findings);
  result.findings.sort(compareFindings);
  result.suppressed = analysis.suppressed;
  result.coverage = analysis.coverage;
  return { result, model: { team, raw: validation.team, locator: loaded.locator, today, analysis } };
}

/**
 * Checks one team file given as bytes and also returns the modelled team
 * when the file passed the schema (for commands that go on to change it in
 * memory, such as `plan`).
 */
export function checkBytesModelled(bytes: Uint8Array, options: CheckOptions = {}): { result: FileResult; model?: ModelledFile } {
  checkArguments(bytes, 'bytes', options);
  return analyse(loadBytes(bytes), options.file ?? 'team.yaml', options);
}

/** Checks one team file given as text. */
/** Plain JavaScript callers get a clear error for arguments of the wrong kind, not a failure deep inside. */
function checkArguments(input: unknown, kind: 'string' | 'bytes', options: CheckOptions): void {
  if (kind === 'string' ? typeof input !== 'string' : !(input instanceof Uint8Array)) {
    throw new TypeError(kind === 'string' ? 'checkTeam expects the team file as a string' : 'checkBytes expects the team file as a Uint8Array (a Buffer)');
  }
  if (options.today !== undefined && (typeof options.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(options.today))) {
    throw new TypeError('options.today must be a date written YYYY-MM-DD');
  }
}

export function checkTeam(text: string, options: CheckOptions = {}): FileResult {
  checkArguments(text, 'string', options);
  return analyse(loadText(text), options.file ?? 'team.yaml', options).result;
}

/** Checks one team file given as bytes (reports invalid UTF-8 as a finding). */
export function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): FileResult {
  checkArguments(bytes, 'bytes', options);
  return analyse(loadBytes(bytes), options.file ?? 'team.yaml', options).result;
}

export function collect(files: FileResult[]): CheckResult {
  return { version: 1, files, summary: summarize(files) };
}

export interface CheckFilesOptions extends Omit<CheckOptions, 'file'> {
  /** The folder that relative paths and globs start from; defaults to the process's working directory. */
  cwd?: string;
}

/**
 * Checks team files named by paths or globs (`teams/**\/*.yaml`), as the
 * `check` command does, and returns one result across them. Throws
 * `InputError` when a file cannot be read or a glob matches nothing.
 */
export async function checkFiles(patterns: readonly string[], options: CheckFilesOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd === undefined ? {} : { cwd: options.cwd };
  const names = await expandPaths(patterns, cwd);
  if (names.includes(STDIN)) throw new InputError('checkFiles cannot read standard input ("-"); read it yourself and pass the text to checkTeam');
  const files = names.map((name) => {
    const input = readTeamFile(name, cwd);
    return checkBytes(input.bytes, { ...options, file: input.name });
  });
  return collect(files);
}
