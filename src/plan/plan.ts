/**
 * `plan`: the next hires (or contracts) that close the most severe findings
 * per FTE. Every candidate is judged by running the real rules on a copy of
 * the team with the candidate applied (`analyseTeam`, no parsing, no schema);
 * the plan is built greedily, one step at a time, each step judged on the team
 * after the steps before it. Pure: data in, data out.
 *
 * Candidates are grouped by role, so their number does not grow with the
 * number of members: one internal hire per catalog role, one step of analysts
 * for a monitoring shortfall (with a provider shown beside it), one split per
 * overloaded member (the first few only), one fill per open position.
 */
import { getRole, isRoleId, ROLES, type RoleId } from '../catalog/index.js';
import { coverageCounts } from '../coverage/coverage.js';
import type { CoverageEntry, Finding, Severity } from '../findings.js';
import { analyseTeam, type ModelledFile, type TeamAnalysis } from '../lint.js';
import { buildTeam, type RawMember, type RawTeam, type Team } from '../model/team.js';
import { alertWatchers, INCIDENT_RESPONSE } from '../rules/staffing.js';

export const DEFAULT_BUDGET = 5;
/** Overloaded members offered a split in one round, in file order: enough for any real team, bounded for huge ones. */
export const SPLIT_CANDIDATES = 10;

export type StepKind = 'fill-vacancy' | 'hire' | 'staff-monitoring' | 'contract-monitoring' | 'split-roles';
/** The stable order in which candidates of equal value per FTE are taken. */
export const KIND_ORDER: readonly StepKind[] = ['fill-vacancy', 'hire', 'staff-monitoring', 'contract-monitoring', 'split-roles'];

export type CoverageCounts = ReturnType<typeof coverageCounts>;

/** What a step changes in the team file. */
export interface Change {
  /** Members the step adds, written as hired (no vacancy flag). */
  add: RawMember[];
  /** `split-roles`: the member who hands `roles` over to the member in `add`. */
  split?: { member: string; roles: RoleId[] };
  /** `fill-vacancy`: the open position that is filled (its `vacancy` flag removed). */
  fill?: { member: string };
  /** `contract-monitoring` of a provider already in the file: the duties its `covers` gains. */
  extend?: { member: string; covers: string[] };
}

/** What a change does to the findings, judged by the rules. */
export interface Effect {
  /** Findings that disappear, as `check` reports them before the change. */
  closes: Finding[];
  /** Findings that remain but shrink (a smaller shortfall, fewer open duties), as reported after the change. */
  reduces: Finding[];
  /** Findings that remain with a different message that is no smaller, as reported after the change. */
  changes: Finding[];
  /** Findings the change creates. */
  opens: Finding[];
  coverageAfter: CoverageCounts;
}

export interface PlanStep extends Change, Effect {
  kind: StepKind;
  /** One line: what the step does. */
  summary: string;
  /** FTE the step adds (0 for a contract). */
  fte: number;
  /** For a monitoring shortfall: the same gap closed by a provider instead, judged the same way. */
  alternative?: PlanAlternative;
}

export interface PlanAlternative extends Change, Effect {
  summary: string;
  fte: number;
}

export interface Plan {
  file: string;
  budget: number;
  /** FTE the steps add together. */
  fte: number;
  coverageBefore: CoverageCounts;
  /** The number of findings of the team as it is. */
  findings: number;
  /** The number of findings after the last step. */
  findingsAfter: number;
  steps: PlanStep[];
  /** Findings still open after the plan that some step could close, but the budget did not reach. */
  leftOpen: Finding[];
  /** Findings still open that no hire, staffing step, split or fill closes (an expired exception, a reporting loop). */
  notStaffing: Finding[];
  /**
   * Infos left as they are: a note (a small organization's Security Manager
   * carrying the CISO's duties) is no reason to hire, so no step is taken for
   * findings that are all infos.
   */
  notes: Finding[];
}

export interface PlanOptions {
  /** FTE the plan may add (default 5). */
  budget?: number;
}

interface Candidate extends Change {
  kind: StepKind;
  summary: string;
  fte: number;
  /** Catalog position of the role the candidate is about, for the tie order. */
  rank: number;
  alternative?: Omit<PlanAlternative, keyof Effect>;
}

interface Evaluated extends Candidate, Effect {
  after: TeamAnalysis;
  raw: RawTeam;
  /** Severity weight closed less weight opened, per FTE (a contract counts as one). */
  value: number;
  /** Duties newly carried by a member of their own role, per FTE: breaks ties between equal values. */
  gain: number;
}

const WEIGHT: Readonly<Record<Severity, number>> = { error: 100, warning: 10, info: 1 };

/** Who a new holder of each role reports to: the first role in the list with an internal holder. */
const NATURAL_LEAD: Readonly<Record<RoleId, readonly RoleId[]>> = {
  ciso: ['cio'],
  cio: [],
  'security-manager': ['ciso', 'cio'],
  'security-engineer': ['security-manager', 'ciso', 'cio'],
  'security-analyst': ['security-manager', 'ciso', 'cio'],
  'it-operations-manager': ['cio'],
  'system-administrator': ['it-operations-manager', 'cio'],
  'system-analyst': ['it-operations-manager', 'cio'],
};

const ROLE_RANK = new Map<RoleId, number>(ROLES.map((r, i) => [r.id, i]));

export function naturalLead(team: Team, role: RoleId): string | undefined {
  for (const lead of NATURAL_LEAD[role] ?? []) {
    const holder = (team.byRole.get(lead) ?? []).find((m) => m.provider === undefined);
    if (holder) return holder.id;
  }
  return undefined;
}

/** Rules with one finding per role, placed at whoever absorbs most: the role, not the place, says which finding it is. */
const KEYED_BY_ROLE: ReadonlySet<string> = new Set(['absorbed-duties', 'missing-role']);

/** A finding's identity across versions of a team: rule, place and subject, not the wording. */
export function findingKey(f: Finding): string {
  const place = KEYED_BY_ROLE.has(f.ruleId) && f.role !== undefined ? '' : f.path;
  return [f.ruleId, place, f.role ?? '', f.responsibility ?? ''].join('\u0000');
}

/** Alerts nobody watches or answers: exposure that is live every night, not only a gap on paper. */
const EXPOSURE_RULES: ReadonlySet<string> = new Set(['monitoring-staffing', 'out-of-hours']);
const HANDS_ON_DUTIES: ReadonlySet<string> = new Set(['security-analyst.alert-monitoring', 'security-analyst.incident-response']);
/** secops-team's own judgement: a finding of exposure weighs this many times its severity (a warning 30, still below an error). */
const EXPOSURE_FACTOR = 3;

function isExposure(f: Finding): boolean {
  if (EXPOSURE_RULES.has(f.ruleId)) return true;
  if (f.responsibility !== undefined && HANDS_ON_DUTIES.has(f.responsibility)) return true;
  return f.responsibilities?.some((r) => HANDS_ON_DUTIES.has(r)) ?? false;
}

function weight(findings: readonly Finding[]): number {
  let sum = 0;
  for (const f of findings) sum += WEIGHT[f.severity] * (isExposure(f) ? EXPOSURE_FACTOR : 1);
  return sum;
}

function shrank(before: Finding, after: Finding): boolean {
  if (before.staffing && after.staffing) return after.staffing.shortfallFte < before.staffing.shortfallFte;
  if (before.responsibilities && after.responsibilities) return after.responsibilities.length < before.responsibilities.length;
  if (before.members && after.members) return after.members.length < before.members.length;
  return WEIGHT[after.severity] < WEIGHT[before.severity];
}

/** Matches findings before and after a change by identity (and, among equals, by wording first). */
export function compareRuns(before: readonly Finding[], after: readonly Finding[]): Omit<Effect, 'coverageAfter'> {
  const group = (list: readonly Finding[]) => {
    const map = new Map<string, Finding[]>();
    for (const f of list) {
      const key = findingKey(f);
      const entry = map.get(key);
      if (entry) entry.push(f);
      else map.set(key, [f]);
    }
    return map;
  };
  const a = group(after);
  const closes: Finding[] = [];
  const reduces: Finding[] = [];
  const changes: Finding[] = [];
  const opens: Finding[] = [];
  for (const [key, olds] of group(before)) {
    const news = [...(a.get(key) ?? [])];
    a.delete(key);
    const rest: Finding[] = [];
    for (const old of olds) {
      const same = news.findIndex((n) => n.message === old.message && n.severity === old.severity);
      if (same >= 0) news.splice(same, 1);
      else rest.push(old);
    }
    rest.forEach((old, i) => {
      const now = news[i];
      if (now === undefined) closes.push(old);
      else (shrank(old, now) ? reduces : changes).push(now);
    });
    for (const extra of news.slice(rest.length)) opens.push(extra);
  }
  for (const list of a.values()) for (const f of list) opens.push(f);
  return { closes, reduces, changes, opens };
}

/** The team file's members with a change applied (a new array; untouched members are shared). */
export function applyChange(raw: RawTeam, change: Change): RawTeam {
  const members = raw.members.map((m) => {
    if (change.split && m.id === change.split.member) {
      const moved = new Set<string>(change.split.roles);
      return { ...m, roles: m.roles.filter((r) => !moved.has(r)) };
    }
    if (change.extend && m.id === change.extend.member && m.covers !== undefined) {
      return { ...m, covers: [...new Set([...m.covers, ...change.extend.covers])] };
    }
    if (change.fill && m.id === change.fill.member) {
      const { vacancy: _vacancy, ...rest } = m;
      return rest;
    }
    return m;
  });
  for (const m of change.add) members.push(m);
  return { ...raw, members };
}

function freshId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Whom a hire reports to, in words: an earlier step's hire by its role ("the new Security Manager (hire-security-manager)"), anyone else by id. */
function leadText(team: Team, id: string): string {
  const lead = team.memberById.get(id);
  return lead && id.startsWith('hire-') && lead.name.startsWith('To hire: ') ? `the new ${lead.title ?? lead.roles[0]} (${id})` : id;
}

function hireOf(team: Team, taken: Set<string>, role: RoleId, idBase = `hire-${role}`): RawMember {
  const title = getRole(role).title;
  const lead = naturalLead(team, role);
  return { id: freshId(taken, idBase), name: `To hire: ${title}`, title, roles: [role], ...(lead !== undefined ? { reportsTo: lead } : {}) };
}

/** A monitoring provider to contract, owned by the analysts' natural lead; `hours` undefined: the whole window. */
function providerOf(team: Team, taken: Set<string>, hours: 'business-hours' | 'off-hours' | undefined): RawMember {
  const lead = naturalLead(team, 'security-analyst');
  return {
    id: freshId(new Set(taken), 'monitoring-provider'),
    name: `To contract: ${hours ?? team.organization.monitoring} monitoring`,
    roles: ['security-analyst'],
    provider: 'to be chosen',
    hours: hours ?? '24x7',
    ...(lead !== undefined ? { reportsTo: lead } : {}),
  };
}

function tolerance(team: Team): number {
  return team.ruleOptions['monitoring-staffing']?.tolerance ?? 0.5;
}

const fteText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const LEAD_ROLES: ReadonlySet<RoleId> = new Set(['ciso', 'cio', 'security-manager']);

/**
 * Roles whose hire cannot change any finding, and is not evaluated: every
 * duty already carried by a holder of the role itself (or not applicable), no
 * finding about the role or one of its duties, and, for a lead role, no
 * finding about a reporting line (a new lead can mend one).
 */
function idleRoles(coverage: readonly CoverageEntry[], findings: readonly Finding[]): Set<RoleId> {
  const lines = findings.some((f) => f.ruleId === 'reporting-line' || f.ruleId === 'reporting-cycle');
  const idle = new Set<RoleId>(ROLES.map((r) => r.id).filter((id) => !(lines && LEAD_ROLES.has(id))));
  for (const e of coverage) if (e.status === 'absorbed' || e.status === 'uncovered') idle.delete(e.role);
  const dutyRole = (id: string) => id.slice(0, id.indexOf('.')) as RoleId;
  for (const f of findings) {
    if (f.role !== undefined) idle.delete(f.role as RoleId); // a specialist or own role is simply not in the set
    if (f.responsibility !== undefined) idle.delete(dutyRole(f.responsibility));
    for (const d of f.responsibilities ?? []) idle.delete(dutyRole(d));
  }
  return idle;
}

function candidates(team: Team, current: TeamAnalysis, remaining: number): Candidate[] {
  const findings = current.findings;
  const taken = new Set(team.memberById.keys());
  for (const v of team.vacancies) taken.add(v.id);
  const list: Candidate[] = [];
  // Open positions, filled.
  for (const m of team.vacancies) {
    if (m.fte > remaining + 1e-9) continue;
    list.push({ kind: 'fill-vacancy', summary: `fill the open position ${m.name} (${m.id}): ${m.roles.join(', ')}`, fte: m.fte, rank: ROLE_RANK.get(m.roles[0] as RoleId) ?? 0, add: [], fill: { member: m.id } });
  }
  // One internal hire of each role.
  if (remaining >= 1 - 1e-9) {
    const idle = idleRoles(current.coverage, findings);
    for (const role of ROLES) {
      if (idle.has(role.id)) continue;
      const hire = hireOf(team, new Set(taken), role.id);
      list.push({ kind: 'hire', summary: `hire ${/^[AEIOU]/.test(role.title) ? 'an' : 'a'} ${role.title} (${role.id})${hire.reportsTo ? `, reporting to ${leadText(team, hire.reportsTo)}` : ''}`, fte: 1, rank: ROLE_RANK.get(role.id) ?? 0, add: [hire] });
    }
  }
  // A monitoring shortfall: as many analysts as it takes (within the budget), beside a provider.
  const shortfall = findings.find((f) => f.ruleId === 'monitoring-staffing' && f.staffing !== undefined)?.staffing?.shortfallFte;
  if (shortfall !== undefined) {
    const count = Math.floor(shortfall - tolerance(team) + 1e-9) + 1;
    const local = new Set(taken);
    const add = Array.from({ length: count }, () => hireOf(team, local, 'security-analyst'));
    const analysts = `hire ${count} security ${count === 1 ? 'analyst' : 'analysts'} for a monitoring shortfall of about ${fteText(shortfall)} FTE`;
    const hours = team.organization.monitoring === 'business-hours' ? 'business-hours' : 'off-hours';
    const provider = providerOf(team, taken, hours);
    const contract = `contract a provider for ${hours} monitoring (a shortfall of about ${fteText(shortfall)} FTE)`;
    const rank = ROLE_RANK.get('security-analyst') ?? 0;
    // Nights and weekends nobody covers go to a provider first, unless the SOC is declared in-house:
    // staffing them takes about four analysts a seat before anyone is ill, and a contract closes the
    // exposure in weeks, not hiring rounds.
    const nightsOpen =
      team.organization.soc !== 'in-house' && team.organization.monitoring !== 'business-hours' && !alertWatchers(team, current.coverage).providers.some((p) => p.hours !== 'business-hours');
    // Otherwise the analysts when the budget allows them, the provider beside; or the provider, the analysts beside.
    const fits = count <= remaining + 1e-9;
    if (fits && !nightsOpen) {
      list.push({ kind: 'staff-monitoring', summary: analysts, fte: count, rank, add, alternative: { summary: contract, fte: 0, add: [provider] } });
    } else {
      list.push({ kind: 'contract-monitoring', summary: contract, fte: 0, rank, add: [provider], alternative: { summary: fits ? analysts : `${analysts} (beyond the budget)`, fte: count, add } });
    }
  }
  // A SOC declared outsourced or hybrid with no provider watching alerts: contract one.
  if ((team.organization.soc === 'outsourced' || team.organization.soc === 'hybrid') && findings.some((f) => f.ruleId === 'soc-model' && f.path === '/organization/soc')) {
    const hours = team.organization.soc === 'hybrid' && team.organization.monitoring !== 'business-hours' ? 'off-hours' : team.organization.monitoring === '24x7' ? '24x7' : 'business-hours';
    const provider = providerOf(team, taken, hours === '24x7' ? undefined : hours);
    list.push({ kind: 'contract-monitoring', summary: `contract a provider for ${hours === '24x7' ? '24x7' : hours} monitoring (soc is ${team.organization.soc})`, fte: 0, rank: ROLE_RANK.get('security-analyst') ?? 0, add: [provider] });
  }
  // Nobody responding out of hours: the provider that already watches then, contracted to respond as well;
  // otherwise a provider for nights and weekends.
  if (findings.some((f) => f.ruleId === 'out-of-hours')) {
    const watching = alertWatchers(team, current.coverage).providers.find((p) => (p.hours === 'off-hours' || p.hours === '24x7') && p.covers !== undefined && !p.covers.includes(INCIDENT_RESPONSE));
    if (watching) {
      list.push({ kind: 'contract-monitoring', summary: `extend ${watching.name} (${watching.id}) to respond out of hours as well (${INCIDENT_RESPONSE} in its covers)`, fte: 0, rank: ROLE_RANK.get('security-analyst') ?? 0, add: [], extend: { member: watching.id, covers: [INCIDENT_RESPONSE] } });
    } else {
      list.push({ kind: 'contract-monitoring', summary: 'contract a provider to watch and respond out of hours (nights and weekends)', fte: 0, rank: ROLE_RANK.get('security-analyst') ?? 0, add: [providerOf(team, taken, 'off-hours')] });
    }
  }
  // Splitting an overloaded person's roles: the role with the fewest holders moves to a new hire.
  if (remaining >= 1 - 1e-9) {
    let offered = 0;
    for (const f of findings) {
      if (f.ruleId !== 'overloaded-member' || offered >= SPLIT_CANDIDATES) continue;
      const member = f.members?.[0] === undefined ? undefined : team.memberById.get(f.members[0]);
      if (!member || member.roles.length < 2) continue;
      // The roles with the fewest other holders move first; one new hire takes 1, 2 or 3 of them,
      // as many as it takes to bring the load under the limit (the rules judge which does).
      // Only documented roles are split off into a hire: specialists and own roles are not expected by size.
      const byFewest = member.roles.filter(isRoleId).sort((a, b) => (team.byRole.get(a)?.length ?? 0) - (team.byRole.get(b)?.length ?? 0));
      if (byFewest.length === 0) continue;
      offered++;
      for (let k = 1; k <= Math.min(3, member.roles.length - 1, byFewest.length); k++) {
        const roles = byFewest.slice(0, k);
        const first = roles[0] as RoleId;
        const hire = hireOf(team, new Set(taken), first, `hire-${first}`);
        const titles = roles.map((r) => getRole(r).title);
        const titled = titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
        list.push({
          kind: 'split-roles',
          summary: `move ${roles.join(', ')} from ${member.name} (${member.id}) to a new hire (${titles.join(', ')})`,
          fte: 1,
          rank: ROLE_RANK.get(first) ?? 0,
          add: [k === 1 ? hire : { ...hire, name: `To hire: ${titled}`, title: titled, roles }],
          split: { member: member.id, roles },
        });
      }
    }
  }
  return list;
}

function counts(coverage: readonly CoverageEntry[]): CoverageCounts {
  return coverageCounts(coverage);
}

function evaluate(model: ModelledFile, raw: RawTeam, before: TeamAnalysis, change: Change): { raw: RawTeam; after: TeamAnalysis; effect: Effect } {
  const next = applyChange(raw, change);
  const after = analyseTeam(buildTeam(next), model.locator, model.today);
  return { raw: next, after, effect: { ...compareRuns(before.findings, after.findings), coverageAfter: counts(after.coverage) } };
}

/**
 * The stable order of candidates: higher value per FTE first; then more duties
 * newly carried by their own role per FTE; then the kind order, fewer FTE, the
 * catalog order of the role, and the summary's text.
 */
function better(a: Evaluated, b: Evaluated): number {
  return b.value - a.value || b.gain - a.gain || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.fte - b.fte || a.rank - b.rank || (a.summary < b.summary ? -1 : a.summary > b.summary ? 1 : 0);
}

function evaluateAll(model: ModelledFile, raw: RawTeam, team: Team, before: TeamAnalysis, remaining: number): Evaluated[] {
  const coveredBefore = counts(before.coverage).covered;
  return candidates(team, before, remaining).map((c) => {
    const { raw: next, after, effect } = evaluate(model, raw, before, c);
    const net = weight(effect.closes) - weight(effect.opens);
    const per = c.fte > 0 ? c.fte : 1;
    return { ...c, ...effect, after, raw: next, value: net / per, gain: (effect.coverageAfter.covered - coveredBefore) / per };
  });
}

/** A step worth taking: it closes a warning or an error (infos are notes, not reasons to hire) and more weight than it opens. */
function worthwhile(effect: Pick<Effect, 'closes' | 'opens'>): boolean {
  return effect.closes.some((f) => f.severity !== 'info') && weight(effect.closes) > weight(effect.opens);
}

/** Builds the plan for a modelled team file. */
export function buildPlan(model: ModelledFile, file: string, options: PlanOptions = {}): Plan {
  const budget = options.budget ?? DEFAULT_BUDGET;
  let raw = model.raw;
  let team = model.team;
  let current = model.analysis ?? analyseTeam(team, model.locator, model.today);
  const plan: Plan = { file, budget, fte: 0, coverageBefore: counts(current.coverage), findings: current.findings.length, findingsAfter: current.findings.length, steps: [], leftOpen: [], notStaffing: [], notes: [] };
  if (current.stopped) return { ...plan, notStaffing: current.findings };
  let remaining = budget;
  /** The last round's candidates, when the budget held none of them back: they answer what is closable, too. */
  let unconstrained: Evaluated[] | undefined;
  // A budget of 0 plans nothing, not even a contract: the plan then only sorts what is open.
  while (remaining > 0) {
    const all = evaluateAll(model, raw, team, current, remaining);
    const options = all.filter((c) => worthwhile(c) && c.fte <= remaining + 1e-9);
    options.sort(better);
    const best = options[0];
    if (!best) {
      const heldBack = remaining < 1 - 1e-9 || all.some((c) => c.fte > remaining + 1e-9 || c.kind === 'contract-monitoring' && c.alternative !== undefined);
      if (!heldBack) unconstrained = all;
      break;
    }
    const step: PlanStep = {
      kind: best.kind,
      summary: best.summary,
      add: best.add,
      ...(best.split ? { split: best.split } : {}),
      ...(best.fill ? { fill: best.fill } : {}),
      ...(best.extend ? { extend: best.extend } : {}),
      fte: best.fte,
      closes: best.closes,
      reduces: best.reduces,
      changes: best.changes,
      opens: best.opens,
      coverageAfter: best.coverageAfter,
    };
    if (best.alternative) {
      const alt = evaluate(model, raw, current, best.alternative);
      step.alternative = { ...best.alternative, ...alt.effect };
    }
    plan.steps.push(step);
    plan.fte += best.fte;
    remaining -= best.fte;
    raw = best.raw;
    team = buildTeam(raw);
    current = best.after;
  }
  plan.findingsAfter = current.findings.length;
  // What is still open: would a step worth taking close it, had the budget allowed it? (Within the budget the
  // loop above took every such step; one that opens as much as it closes is no step, budget or not.)
  const closable = new Set<string>();
  if (current.findings.length > 0) {
    for (const c of unconstrained ?? evaluateAll(model, raw, team, current, Number.POSITIVE_INFINITY)) {
      if (worthwhile(c)) for (const f of c.closes) closable.add(findingKey(f));
      if (!c.alternative) continue;
      const alt = evaluate(model, raw, current, c.alternative).effect;
      if (worthwhile(alt)) for (const f of alt.closes) closable.add(findingKey(f));
    }
  }
  for (const f of current.findings) (f.severity === 'info' ? plan.notes : closable.has(findingKey(f)) ? plan.leftOpen : plan.notStaffing).push(f);
  return plan;
}
