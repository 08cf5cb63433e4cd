/**
 * `secops-team init [path]`: writes a starting team file, by asking questions
 * on a terminal or, with --yes, from a template; then reports its gaps.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROLES, sizeForEmployees } from '../../catalog/index.js';
import { stylish } from '../../format/stylish.js';
import { escapeControl, plural } from '../../format/text.js';
import { checkBytes, checkBytesModelled, collect } from '../../lint.js';
import type { RawTeam } from '../../model/team.js';
import { startFromTeam, teamFromDraft, vacantRoles, type StartingPoint } from '../../init/draft.js';
import { renderTeamFile } from '../../init/render.js';
import { isTemplateName, readTemplate, TEMPLATE_NAMES } from '../../init/templates.js';
import { SCHEMA_ID } from '../../schema/build.js';
import { CliError } from '../errors.js';
import { preview } from '../init/preview.js';
import { EMPLOYEES_HINT, parseEmployees, runWizard, textProblem } from '../init/wizard.js';
import { useColor, type Io } from '../io.js';
import type { Prompter } from '../prompts.js';
import { wrap } from '../../util/wrap.js';
import { writeFileSafely } from '../write.js';

export interface InitCommandOptions {
  template?: string;
  name?: string;
  employees?: string;
  yes?: boolean;
  force?: boolean;
  color?: boolean;
}

export interface InitDependencies {
  /** Makes the prompter; the default asks on the process's terminal. */
  prompter?: (options: { color: boolean }) => Promise<Prompter>;
}

const SCHEMA_IN_PACKAGE = join('node_modules', 'secops-team', 'schemas', 'team.schema.json');

/**
 * Where the modeline points: the schema of a copy of secops-team installed in
 * the target's folder or above it, as a path relative to the file (so the
 * repository works on any machine); otherwise the published schema.
 */
export function schemaLocation(file: string): string {
  const folder = dirname(file);
  for (let dir = folder; ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_IN_PACKAGE);
    if (existsSync(candidate)) return relative(folder, candidate).split(sep).join('/');
    if (dirname(dir) === dir) return SCHEMA_ID;
  }
}

/** A path as a shell would need it typed. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

interface Target {
  /** As the user named it, for messages. */
  shown: string;
  absolute: string;
  exists: boolean;
}

function resolveTarget(path: string, cwd: string, force: boolean): Target {
  if (path === '') throw new CliError('an empty path was given; name the file to write, e.g. team.yaml');
  let shown = path;
  let absolute = resolve(cwd, path);
  let stat = statOrUndefined(absolute);
  if (stat?.isDirectory()) {
    shown = join(path, 'team.yaml');
    absolute = join(absolute, 'team.yaml');
    stat = statOrUndefined(absolute);
  }
  const quoted = JSON.stringify(escapeControl(shown));
  if (stat?.isDirectory()) throw new CliError(`cannot write ${quoted}: it is a directory; name a file`);
  if (stat && !force) throw new CliError(`${quoted} already exists; use --force to replace it, or choose another path`);
  const folder = statOrUndefined(dirname(absolute));
  if (!folder?.isDirectory()) throw new CliError(`cannot write ${quoted}: the folder ${JSON.stringify(escapeControl(dirname(shown)))} does not exist; create it first`);
  return { shown, absolute, exists: stat !== undefined };
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function checkFlags(options: InitCommandOptions): { name?: string; employees?: number; template?: (typeof TEMPLATE_NAMES)[number] } {
  const flags: ReturnType<typeof checkFlags> = {};
  if (options.template !== undefined) {
    if (!isTemplateName(options.template)) throw new CliError(`unknown template ${JSON.stringify(escapeControl(options.template))}; use one of: ${TEMPLATE_NAMES.join(', ')}`);
    flags.template = options.template;
  }
  if (options.employees !== undefined) {
    const employees = parseEmployees(options.employees);
    if (employees === undefined) throw new CliError(`--employees ${JSON.stringify(escapeControl(options.employees))} is not ${EMPLOYEES_HINT}`);
    flags.employees = employees;
  }
  if (options.name !== undefined) {
    const problem = textProblem(options.name, true);
    if (problem !== true) throw new CliError(`--name: ${problem}`);
    flags.name = options.name.trim();
  }
  return flags;
}

const NO_TERMINAL =
  'init asks its questions on a terminal, and standard input is not one; to write a team without questions, run: secops-team init --yes --name "Your Org" --employees 120 [--template small|medium|large|enterprise]';

function nextSteps(target: string, gaps: boolean, width: number): string {
  const room = Math.max(40, Math.min(width, 80)) - 4;
  const bullet = (text: string, command?: string) => [
    ...wrap(text, room).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`),
    ...(command !== undefined ? [`      ${command}`] : []),
  ];
  return [
    'Next:',
    ...bullet(`Open ${escapeControl(target)} in an editor with the YAML language server (VS Code's YAML extension, for one): its first line points it at the schema, so the file is checked and completed as you type.`),
    ...bullet(gaps ? 'Fill the gaps above; after each change, check the file:' : 'After each change, check the file:', `secops-team check ${escapeControl(shellWord(target))}`),
    ...bullet('Read what a role is for:', 'secops-team roles <role-id>'),
    ...bullet('Gate pull requests on the team: run the same check in CI.'),
  ].join('\n');
}

/** The wizard's last question: whether to show the staffing plan for the team just written. */
export const PLAN_OFFER = 'Show what to hire next (secops-team plan) for this team?';

export async function runInit(path: string | undefined, options: InitCommandOptions, io: Io, deps: InitDependencies = {}): Promise<number> {
  const flags = checkFlags(options);
  if (!options.yes && !io.stdin.isTTY) throw new CliError(NO_TERMINAL);
  const target = resolveTarget(path ?? 'team.yaml', io.cwd, options.force === true);
  const color = useColor(options.color, io);
  const schema = schemaLocation(target.absolute);

  // The starting point: the template asked for; with --yes, the one the employee count suggests.
  const templateName = flags.template ?? (options.yes ? sizeForEmployees(flags.employees ?? 1) : undefined);
  const base: StartingPoint = templateName ? startFromTeam(readTemplate(templateName), `the ${templateName} template`) : { organization: {}, members: [] };
  const start: StartingPoint = {
    organization: { ...base.organization, ...(flags.name !== undefined ? { name: flags.name } : {}), ...(flags.employees !== undefined ? { employees: flags.employees } : {}) },
    members: base.members,
    ...(base.source !== undefined ? { source: base.source } : {}),
  };

  let team: RawTeam;
  let prompter: Prompter | undefined;
  if (options.yes) {
    // A template answers every question; the flags replace its organization's name and size.
    const { name = '', employees = 1, soc = 'none', monitoring = 'business-hours', seats = 1, response = 'business-hours' } = start.organization;
    team = teamFromDraft({ organization: { name, employees, soc, monitoring, seats, response }, members: start.members });
  } else {
    const makePrompter = deps.prompter ?? (async (o: { color: boolean }) => (await import('../prompts.js')).terminalPrompter(o));
    prompter = await makePrompter({ color });
    const { default: Table } = await import('cli-table3');
    team = await runWizard({
      prompter,
      print: (text) => io.stdout.write(text),
      width: io.stdout.columns,
      start,
      target: target.shown,
      replacing: target.exists,
      preview: (draft) => preview(draft, { text: renderTeamFile(draft, { schema }), file: target.shown, width: io.stdout.columns, color, Table }),
    });
  }

  writeFileSafely(target.absolute, renderTeamFile(team, { schema }), { overwrite: options.force === true });

  // Report on the file as written, read back from disk.
  const result = checkBytes(readFileSync(target.absolute), { file: target.shown });
  const held = ROLES.length - vacantRoles(team).length;
  io.stdout.write(
    [
      `${options.yes ? '' : '\n'}Wrote ${escapeControl(target.shown)}: ${escapeControl(team.organization.name)}, ${plural(team.members.length, 'member')} holding ${held} of ${ROLES.length} roles.`,
      '',
      stylish(collect([result]), { color, width: Math.min(io.stdout.columns, 120) }),
      nextSteps(target.shown, result.findings.length > 0, io.stdout.columns),
      '',
    ].join('\n'),
  );
  // On a terminal, offer the plan (default no); with --yes nothing more is asked.
  if (prompter && result.findings.length > 0 && (await prompter.confirm({ message: PLAN_OFFER, default: false }))) {
    const { buildPlan } = await import('../../plan/plan.js');
    const { planStylish } = await import('../../format/plan/stylish.js');
    const { model } = checkBytesModelled(readFileSync(target.absolute), { file: target.shown });
    if (model) io.stdout.write(`\n${planStylish(buildPlan(model, target.shown), { color })}`);
  }
  return 0;
}
