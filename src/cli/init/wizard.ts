/**
 * The questions of `secops-team init`, in order: the organization, then each
 * role of the catalog, then a preview and a confirmation. Every answer has a
 * default from the starting point (a template, or the answers given before
 * "change answers"), so Enter accepts it. Questions go through a `Prompter`,
 * so tests drive the same flow with scripted answers.
 */
import { CATALOG_ROLE_IDS, ROLES, SIZE_BANDS, sizeForEmployees, SPECIALISTS, type Role, type RoleId, type Size } from '../../catalog/index.js';
import { escapeControl } from '../../format/text.js';
import type { ProviderHours, RawTeam } from '../../model/team.js';
import { MAX_EMPLOYEES } from '../../schema/build.js';
import { wrap } from '../../util/wrap.js';
import {
  MAX_TEXT,
  MAX_SEATS,
  MONITORING,
  PROVIDER_HOURS,
  RESPONSES,
  SOC_MODELS,
  startFromTeam,
  teamFromDraft,
  TIERS,
  type DraftMember,
  type DraftOrganization,
  type StartingPoint,
} from '../../init/draft.js';
import { deriveMemberId, memberIdProblem } from '../../init/member-id.js';
import { InterruptedError } from '../errors.js';
import type { Choice, Prompter } from '../prompts.js';
import { band } from '../../init/render.js';
import { formatCount } from '../../util/words.js';

export interface WizardOptions {
  prompter: Prompter;
  /** Prints text between questions. */
  print: (text: string) => void;
  /** Terminal width, for wrapping. */
  width: number;
  start: StartingPoint;
  /** The file to write, as the user named it (for the confirmation). */
  target: string;
  /** Whether the target exists (and --force allows replacing it). */
  replacing: boolean;
  /** The preview of a team: its table and the gaps it will have. */
  preview: (team: RawTeam) => string;
}

const ANALYST: RoleId = 'security-analyst';

/** What the role questions need of a role: documented or specialist. */
type AskedRole = Pick<Role, 'title' | 'summary'> & { id: string };

/** Sizes at which the wizard offers the specialist roles. */
const SPECIALIST_SIZES: readonly Size[] = ['large', 'enterprise'];

/** Length in code points, the way the schema counts. */
const length = (text: string) => [...text].length;
const LONE_SURROGATE = /\p{Cs}/u;

/** Validation of free text: trimmed, at most MAX_TEXT code points, optionally required. */
export function textProblem(value: string, required: boolean): true | string {
  const text = value.trim();
  if (required && text === '') return 'an answer is needed';
  if (length(text) > MAX_TEXT) return `at most ${MAX_TEXT} characters (this is ${length(text)})`;
  if (LONE_SURROGATE.test(text)) return 'this contains a broken character; type it again';
  return true;
}

/** "1,200", "1 200" and "1_200" are 1200; undefined when it is not a whole number of employees. */
export function parseEmployees(value: string): number | undefined {
  const digits = value.trim().replace(/(?<=\d)[ ,_](?=\d{3})/g, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 && n <= MAX_EMPLOYEES ? n : undefined;
}

/** Seats: analysts on duty at once, a whole number from 1 to MAX_SEATS. */
export function parseSeats(value: string): number | undefined {
  const text = value.trim();
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_SEATS ? n : undefined;
}

/** A part-time share: a number above 0 and at most 1 ("0.5", "0,5", "50%"); undefined otherwise. */
export function parseShare(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  const percent = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(text);
  if (!percent && !/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return undefined;
  const n = percent ? Number(percent[1]) / 100 : Number(text);
  return n > 0 && n <= 1 ? n : undefined;
}

export const SHARE_HINT = 'enter a share above 0 and at most 1, such as 0.5 for half time';

export const EMPLOYEES_HINT = `a whole number from 1 to ${formatCount(MAX_EMPLOYEES)}`;

function listNames(members: readonly DraftMember[], room: number): string {
  let text = '';
  for (const [i, m] of members.entries()) {
    const next = `${text}${i > 0 ? ', ' : ''}${m.name}`;
    const rest = members.length - i;
    if (i > 0 && length(next) > room) return `${text} and ${rest} more`;
    text = next;
  }
  return text;
}

async function askOrganization(o: WizardOptions): Promise<DraftOrganization> {
  const { prompter: p, start } = o;
  const name = (
    await p.input({
      message: 'Organization name',
      ...(start.organization.name !== undefined ? { default: start.organization.name } : {}),
      validate: (v) => textProblem(v, true),
    })
  ).trim();
  const employeesText = await p.input({
    message: 'Number of employees',
    ...(start.organization.employees !== undefined ? { default: String(start.organization.employees) } : {}),
    validate: (v) => (parseEmployees(v) !== undefined ? true : `enter ${EMPLOYEES_HINT}`),
  });
  const employees = parseEmployees(employeesText) ?? 1;
  const derived = sizeForEmployees(employees);
  const size = await p.select<Size>({
    message: 'Organization size (it sets which roles are expected)',
    choices: SIZE_BANDS.map((b) => ({
      value: b.size,
      name: `${band(b.size)}${b.size === derived ? ` (${formatCount(employees)} employees)` : ''}`,
      description: b.anchor,
      short: b.size,
    })),
    default: start.organization.size ?? derived,
  });
  const soc = await p.select({
    message: 'Who runs your security operations center (SOC)?',
    choices: SOC_MODELS.map((s) => ({ value: s.value, name: s.label, description: s.description })),
    default: start.organization.soc ?? 'none',
  });
  const monitoring = await p.select({
    message: 'When are security alerts watched?',
    choices: MONITORING.map((m) => ({ value: m.value, name: m.label, description: m.description })),
    default: start.organization.monitoring ?? 'business-hours',
  });
  // Business hours are one seat for nearly every team; past them, seats set the size of the shifts.
  const seats =
    monitoring === 'business-hours'
      ? 1
      : (parseSeats(
          await p.input({
            message: 'How many analysts watch at once during those hours (seats)?',
            default: String(start.organization.seats ?? 1),
            validate: (v) => (parseSeats(v) !== undefined ? true : `enter a whole number from 1 to ${MAX_SEATS}`),
          }),
        ) ?? 1);
  const response = await p.select({
    message: 'Who responds to incidents outside business hours?',
    choices: RESPONSES.map((r) => ({ value: r.value, name: r.label, description: r.description })),
    default: start.organization.response ?? 'business-hours',
  });
  return { name, employees, ...(size !== derived ? { size } : {}), soc, monitoring, seats, response };
}

/**
 * What a provider is contracted for. Today: the monitoring hours of an
 * alert-monitoring provider. The provider's scope (which duties it is
 * credited with) is asked here too once the team file can state it.
 */
async function askProviderTerms(p: Prompter, role: AskedRole, organization: DraftOrganization): Promise<{ hours?: ProviderHours }> {
  if (role.id !== ANALYST) return {};
  const hours = await p.select<ProviderHours>({
    message: 'Which monitoring hours does the provider cover?',
    choices: PROVIDER_HOURS.map((h) => ({ value: h.value, name: h.label, description: h.description })),
    default: organization.monitoring === 'business-hours' ? 'business-hours' : organization.soc === 'hybrid' ? 'off-hours' : '24x7',
  });
  return { hours };
}

type Tier = 1 | 2 | 3;

async function askTier(p: Prompter, who: string, current: Tier | undefined): Promise<Tier | undefined> {
  const tier = await p.select<Tier | 0>({
    message: `Analyst tier of ${who}`,
    choices: [{ value: 0, name: 'No tier', description: 'Tiers are optional; common above about a dozen analysts.' }, ...TIERS.map((t) => ({ value: t.value, name: t.label }))],
    default: current ?? 0,
  });
  return tier === 0 ? undefined : tier;
}

/** The team being built during the role questions. */
class Roster {
  readonly members: DraftMember[] = [];

  constructor(
    private readonly start: StartingPoint,
    readonly organization: DraftOrganization,
  ) {}

  byId(id: string): DraftMember | undefined {
    return this.members.find((m) => m.id === id);
  }

  /**
   * Who has or may still claim an id: members entered so far, and members of
   * the starting point who hold a role still to come (they may yet be kept).
   */
  owner(id: string, step: number): string | undefined {
    const entered = this.byId(id);
    if (entered) return `${entered.name} (already entered)`;
    const waiting = this.start.members.find((m) => m.id === id && m.roles.some((r) => (CATALOG_ROLE_IDS as readonly string[]).indexOf(r) > step));
    return waiting ? `${waiting.name} (of the starting team, for a later role)` : undefined;
  }

  /** Keeps the starting point's holders of a role, merging into anyone already kept. */
  keep(role: string, holders: readonly DraftMember[]): void {
    for (const h of holders) {
      const kept = this.byId(h.id);
      if (kept) {
        if (!kept.roles.includes(role)) kept.roles.push(role);
        if (role === ANALYST && kept.tier === undefined && h.tier !== undefined) kept.tier = h.tier;
      } else {
        this.members.push({ ...h, roles: [role] });
      }
    }
  }
}

async function askNewPerson(o: WizardOptions, roster: Roster, role: AskedRole, step: number): Promise<DraftMember> {
  const p = o.prompter;
  const name = (await p.input({ message: 'Name', validate: (v) => textProblem(v, true) })).trim();
  const suggested = deriveMemberId(name, (id) => roster.owner(id, step) !== undefined);
  const id = (
    await p.input({
      message: 'Id (edit it, or press Enter)',
      default: suggested,
      editable: true,
      validate: (v) => memberIdProblem(v.trim(), (candidate) => roster.owner(candidate, step)) ?? true,
    })
  ).trim();
  const title = (await p.input({ message: 'Job title (optional)', default: role.title, validate: (v) => textProblem(v, false) })).trim();
  const tier = role.id === ANALYST ? await askTier(p, name, undefined) : undefined;
  const external = await p.confirm({ message: 'Is this person external (from an MSSP or another provider)?', default: false });
  const provider = external ? (await p.input({ message: "Provider's name", validate: (v) => textProblem(v, true) })).trim() : undefined;
  const terms = provider !== undefined ? await askProviderTerms(p, role, roster.organization) : {};
  const onCall = provider === undefined && roster.organization.response === '24x7-on-call' ? await p.confirm({ message: `Is ${name} in the 24x7 on-call rotation?`, default: false }) : false;
  const fte =
    parseShare(
      await p.input({
        message: `Part-time share of ${name} (1 full time, 0.5 half)`,
        default: '1',
        validate: (v) => (parseShare(v) !== undefined ? true : SHARE_HINT),
      }),
    ) ?? 1;
  // Whom this person reports to, chosen from the people entered so far (Enter: nobody listed).
  const earlier = roster.members;
  const reportsTo =
    earlier.length === 0
      ? ''
      : await p.select<string>({
          message: `Whom does ${name} report to?`,
          choices: [{ value: '', name: 'Nobody in this file' }, ...earlier.map((m) => ({ value: m.id, name: `${m.name} (${m.id})`, ...(m.title !== undefined ? { description: m.title } : {}) }))],
          default: '',
        });
  return {
    id,
    name,
    roles: [role.id],
    ...(title !== '' ? { title } : {}),
    ...(tier !== undefined ? { tier } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...terms,
    ...(onCall ? { onCall } : {}),
    ...(fte !== 1 ? { fte } : {}),
    ...(reportsTo !== '' ? { reportsTo } : {}),
    fromStart: false,
  };
}

async function askExisting(o: WizardOptions, roster: Roster, role: AskedRole): Promise<void> {
  const p = o.prompter;
  const candidates = roster.members.filter((m) => !m.roles.includes(role.id));
  const chosen = await p.checkbox<string>({
    message: `Which of them hold ${role.title}?`,
    choices: candidates.map((m) => ({ value: m.id, name: `${m.name} (${m.id})`, ...(m.title !== undefined ? { description: m.title } : {}) })),
    validate: (ids) => (ids.length > 0 ? true : 'select at least one person with Space, then press Enter'),
  });
  for (const id of chosen) {
    const member = roster.byId(id);
    if (!member || member.roles.includes(role.id)) continue;
    member.roles.push(role.id);
    if (role.id === ANALYST) member.tier = await askTier(p, member.name, member.tier);
  }
}

function roleHeading(role: AskedRole, step: number, width: number, total = ROLES.length, kind = 'Role'): string {
  const room = Math.max(40, Math.min(width, 80)) - 2;
  return ['', `${kind} ${step + 1} of ${total}: ${role.title} (${role.id})`, ...wrap(role.summary, room).map((l) => `  ${l}`), ''].join('\n');
}

type RoleAnswer = 'keep' | 'done' | 'new' | 'existing';

async function askRole(o: WizardOptions, roster: Roster, role: AskedRole, step: number): Promise<void> {
  const startHolders = o.start.members.filter((m) => m.roles.includes(role.id));
  for (let first = true; ; first = false) {
    const candidates = roster.members.filter((m) => !m.roles.includes(role.id));
    const choices: Choice<RoleAnswer>[] = [];
    if (first && startHolders.length > 0) {
      choices.push({ value: 'keep', name: `Keep ${listNames(startHolders, 40)}`, description: `As in ${o.start.source ?? 'the starting team'}.` });
    }
    choices.push({ value: 'done', name: first ? 'Nobody' : 'No one else' });
    choices.push({ value: 'new', name: first ? 'A new person' : 'Another new person' });
    if (candidates.length > 0) choices.push({ value: 'existing', name: 'Someone already entered', description: 'One person may hold several roles.' });
    const answer = await o.prompter.select<RoleAnswer>({
      message: first ? `Who holds ${role.title}?` : `Anyone else holding ${role.title}?`,
      choices,
      default: first && startHolders.length > 0 ? 'keep' : 'done',
    });
    if (answer === 'done') return;
    if (answer === 'keep') roster.keep(role.id, startHolders);
    else if (answer === 'new') roster.members.push(await askNewPerson(o, roster, role, step));
    else await askExisting(o, roster, role);
  }
}

/**
 * Large and enterprise organizations staff specialists (threat hunters,
 * detection engineers, a GRC analyst...): the wizard offers them after the
 * documented roles, each asked like a role. None is expected by size, so
 * "none" is the default; a starting team's specialists are pre-selected.
 */
async function askSpecialists(o: WizardOptions, roster: Roster): Promise<void> {
  const size = roster.organization.size ?? sizeForEmployees(roster.organization.employees);
  const held = new Set(o.start.members.flatMap((m) => m.roles));
  if (!SPECIALIST_SIZES.includes(size) && !SPECIALISTS.some((s) => held.has(s.id))) return;
  const chosen = await o.prompter.checkbox<string>({
    message: 'Which specialist roles does the team staff? (optional: Space selects, Enter goes on)',
    choices: SPECIALISTS.map((s) => ({ value: s.id, name: `${s.title} (${s.id})`, description: s.summary, ...(held.has(s.id) ? { checked: true } : {}) })),
  });
  const list = SPECIALISTS.filter((s) => chosen.includes(s.id));
  for (const [i, specialist] of list.entries()) {
    o.print(roleHeading(specialist, i, o.width, list.length, 'Specialist role'));
    await askRole(o, roster, specialist, ROLES.length + SPECIALISTS.indexOf(specialist));
  }
}

const INTRO = [
  'This writes a starting team file: a few questions about the organization,',
  `then who holds each of the ${ROLES.length} SecOps roles. Enter accepts the answer in`,
  'brackets; Ctrl-C or Escape quits without writing anything.',
];

/** Asks every question, shows the preview, and returns the team to write. */
export async function runWizard(options: WizardOptions): Promise<RawTeam> {
  let o = options;
  options.print(`${INTRO.join('\n')}\n\n`);
  for (;;) {
    const organization = await askOrganization(o);
    const roster = new Roster(o.start, organization);
    for (const [step, role] of ROLES.entries()) {
      o.print(roleHeading(role, step, o.width));
      await askRole(o, roster, role, step);
    }
    await askSpecialists(o, roster);
    const team = teamFromDraft({ organization, members: roster.members });
    o.print(`\n${o.preview(team)}\n`);
    const target = escapeControl(o.target);
    const next = await o.prompter.select<'write' | 'change' | 'quit'>({
      message: o.replacing ? `Replace ${target} with this team?` : `Write ${target}?`,
      choices: [
        { value: 'write', name: o.replacing ? 'Yes, replace it' : 'Yes, write it' },
        { value: 'change', name: 'No, change some answers', description: 'Asks again, with these answers as defaults.' },
        { value: 'quit', name: 'No, quit without writing' },
      ],
      default: 'write',
    });
    if (next === 'write') return team;
    if (next === 'quit') throw new InterruptedError();
    o = { ...o, start: startFromTeam(team, 'your answers') };
    o.print('\n');
  }
}
