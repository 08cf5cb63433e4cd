import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Finding } from '../../src/findings.js';
import { checkTeam } from '../../src/lint.js';
import type { Plan, PlanStep } from '../../src/plan/plan.js';
import { CI_MARKER, RAW_CONTROL, ROOT, runCli, runInProcess } from '../helpers.js';

const TEMPLATES = ['small', 'medium', 'large', 'enterprise'].map((t) => join('templates', `${t}.yaml`));
const TEAMS = readdirSync(join(ROOT, 'test', 'fixtures', 'plan'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join('test', 'fixtures', 'plan', f));

async function planOf(file: string, ...args: string[]): Promise<Plan> {
  const run = await runInProcess(['plan', '--format', 'json', ...args, file]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Plan;
}

/** Applies one step of the JSON plan to the team file's text, as a person editing the file would. */
function applyStep(text: string, step: PlanStep): string {
  const doc = parseDocument(text);
  const members = doc.get('members', true);
  if (!isSeq(members)) throw new Error('no members list');
  const byId = (id: string) => members.items.find((m): m is YAMLMap => isMap(m) && m.get('id') === id);
  if (step.split) {
    const member = byId(step.split.member);
    if (!member) throw new Error(`no member ${step.split.member}`);
    const roles = (member.toJSON() as { roles: string[] }).roles.filter((r) => !step.split?.roles.includes(r as never));
    member.set('roles', doc.createNode(roles));
  }
  if (step.fill) {
    const member = byId(step.fill.member);
    if (!member) throw new Error(`no member ${step.fill.member}`);
    member.delete('vacancy');
  }
  if (step.extend) {
    const member = byId(step.extend.member);
    if (!member) throw new Error(`no member ${step.extend.member}`);
    const covers = (member.toJSON() as { covers: string[] }).covers;
    member.set('covers', doc.createNode([...covers, ...step.extend.covers.filter((c) => !covers.includes(c))]));
  }
  for (const m of step.add) members.items.push(doc.createNode(m));
  return doc.toString();
}

const said = (f: Pick<Finding, 'ruleId' | 'severity' | 'message'>) => `${f.ruleId} ${f.severity} ${f.message}`;

/** What is in `a` and not in `b`, counting repeats. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('secops-team plan: every step does what the plan says', () => {
  it('has at least five test teams', () => {
    expect(TEAMS.length).toBeGreaterThanOrEqual(5);
  });

  it.each([...TEMPLATES, ...TEAMS])('%s', async (file) => {
    const plan = await planOf(file, '--budget', '8');
    let text = readFileSync(join(ROOT, file), 'utf8');
    let before = checkTeam(text).findings.map(said);
    expect(before).toHaveLength(plan.findings);
    for (const step of plan.steps) {
      text = applyStep(text, step);
      const result = checkTeam(text);
      expect(result.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
      const after = result.findings.map(said);
      const gone = minus(before, after);
      const came = minus(after, before);
      // Closed: gone from the file's findings. Reduced, changed and opened: the new wording is there.
      for (const f of step.closes) expect(gone).toContain(said(f));
      expect(came.sort()).toEqual([...step.reduces, ...step.changes, ...step.opens].map(said).sort());
      // Nothing else went: every other finding that disappeared is the old wording of a reduced or changed one.
      expect(gone.length).toBe(step.closes.length + step.reduces.length + step.changes.length);
      expect(step.closes.length).toBeGreaterThan(0);
      before = after;
    }
    // What the plan leaves is what the file then reports.
    expect([...before].sort()).toEqual([...plan.leftOpen, ...plan.notStaffing, ...plan.notes].map(said).sort());
    expect(plan.fte).toBeLessThanOrEqual(8);
  });

  it('gives the same plan on every run', async () => {
    for (const file of TEAMS) expect(await planOf(file)).toEqual(await planOf(file));
  });
});

describe('secops-team plan: choices', () => {
  it('starts the small team with no CISO and no analyst with someone who watches alerts', async () => {
    const plan = await planOf('test/fixtures/plan/small-no-ciso-no-analyst.yaml');
    const first = plan.steps[0];
    expect(first?.add.some((m) => m.roles.includes('security-analyst'))).toBe(true);
    expect(first?.closes.map((f) => f.ruleId)).toContain('soc-model');
  });

  it('plans nothing with a budget of 0, and exits 0', async () => {
    const plan = await planOf('test/fixtures/plan/small-no-ciso-no-analyst.yaml', '--budget', '0');
    expect(plan.steps).toEqual([]);
    expect(plan.leftOpen.length + plan.notStaffing.length + plan.notes.length).toBe(plan.findings);
  });

  it('shows analysts and a provider side by side for a monitoring shortfall', async () => {
    const wide = await planOf('test/fixtures/plan/soc-shortfall.yaml', '--budget', '10');
    expect(wide.steps[0]?.kind).toBe('staff-monitoring');
    expect(wide.steps[0]?.add).toHaveLength(8);
    expect(wide.steps[0]?.alternative?.add[0]).toMatchObject({ provider: expect.any(String), hours: 'off-hours' });
    expect(wide.steps[0]?.alternative?.closes.map((f) => f.ruleId)).toEqual(['monitoring-staffing']);
    // Eight analysts do not fit in 5 FTE: the provider becomes the step, the analysts stay beside it.
    const narrow = await planOf('test/fixtures/plan/soc-shortfall.yaml');
    expect(narrow.steps[0]?.kind).toBe('contract-monitoring');
    expect(narrow.steps[0]?.alternative?.fte).toBe(8);
  });

  it('fills open positions before hiring anew, and leaves a stale exception as no staffing matter', async () => {
    const plan = await planOf('test/fixtures/plan/open-positions.yaml');
    // The engineer comes from the open position, not a new hire; monitoring and response (exposure) come first.
    expect(plan.steps.map((s) => s.fill?.member ?? s.kind)).toEqual(['hire', 'contract-monitoring', 'eng-req']);
    expect(plan.steps.some((s) => s.add.some((m) => m.roles.includes('security-engineer')))).toBe(false);
    // The System Analyst post would close only an info: a note, left open.
    expect(plan.steps.some((s) => s.fill?.member === 'sa-req')).toBe(false);
    // Expired, and matching nothing any more: a warning to remove it.
    expect(plan.notStaffing.map((f) => f.ruleId)).toEqual(['unused-exception']);
  });

  it('extends the provider that already watches at night to respond, instead of contracting another', async () => {
    const plan = await planOf('test/fixtures/plan/night-watch-only.yaml');
    expect(plan.steps[0]).toMatchObject({ kind: 'contract-monitoring', fte: 0, add: [], extend: { member: 'mdr', covers: ['security-analyst.incident-response'] } });
    expect(plan.steps[0]?.summary).toBe('extend Moonlight Monitoring (mdr) to respond out of hours as well (security-analyst.incident-response in its covers)');
    expect(plan.steps[0]?.closes.map((f) => f.ruleId)).toEqual(['out-of-hours']);
  });

  it('names a hire who reports to an earlier step\'s hire by that role, with the id --write gives it', async () => {
    const text = 'version: 1\norganization: {name: Genvara, employees: 310, soc: outsourced, monitoring: 24x7}\nmembers:\n  - {id: itm, name: Otto, roles: [it-operations-manager]}\n  - {id: sa, name: Pia, roles: [system-administrator, system-analyst], reportsTo: itm}\n  - {id: mdr, name: Keel MDR, roles: [security-analyst], provider: Keel, hours: 24x7, reportsTo: itm}\n';
    const run = await runInProcess(['plan', '--format', 'json', '-'], text);
    const plan = JSON.parse(run.stdout) as Plan;
    const engineer = plan.steps.find((s) => s.add[0]?.roles.includes('security-engineer'));
    expect(engineer?.summary).toBe('hire a Security Engineer (security-engineer), reporting to the new Security Manager (hire-security-manager)');
  });

  it('says the budget left a finding open only when a step worth taking was held back by it', async () => {
    const plan = await planOf('test/fixtures/plan/halftime-everything.yaml');
    // A budget of 5 FTE, one used: the overload that no single split cures is no budget matter.
    expect(plan.fte).toBeLessThan(plan.budget);
    expect(plan.leftOpen).toEqual([]);
    expect(plan.notStaffing.map((f) => f.ruleId)).toContain('overloaded-member');
  });

  it("splits an overloaded person's roles", async () => {
    const plan = await planOf('test/fixtures/plan/overloaded.yaml');
    const split = plan.steps.find((s) => s.kind === 'split-roles');
    expect(split?.split?.member).toBe('jo');
    expect(split?.closes.map((f) => f.ruleId)).toContain('overloaded-member');
  });
});

describe('secops-team plan: command line', () => {
  it('exits 1 for a file that fails the schema, 2 for a missing file or a bad budget', async () => {
    const broken = await runInProcess(['plan', '-'], 'version: 1\norganization: {name: X}\nmembers: []\n');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('cannot plan');
    const repeated = await runInProcess(['plan', '-'], 'version: 1\norganization: {name: X, employees: 5}\nmembers:\n  - {id: a, name: A, roles: [ciso]}\n  - {id: a, name: B, roles: [cio]}\n');
    expect(repeated.status).toBe(1);
    expect(repeated.stderr).toContain('duplicate-member');
    expect((await runInProcess(['plan', 'no-such-file.yaml'])).status).toBe(2);
    expect((await runInProcess(['plan', '--budget', '-1', 'templates/small.yaml'])).status).toBe(2);
    expect((await runInProcess(['plan', '--format', 'sarif', 'templates/small.yaml'])).status).toBe(2);
  });

  it('runs from the built binary: --budget 0 gives an empty plan and exit 0', () => {
    const run = runCli(['plan', '--budget', '0', '--format', 'json', 'test/fixtures/plan/overloaded.yaml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).steps).toEqual([]);
    expect(runCli(['plan', '--help']).stdout).toContain('--budget <fte>');
  });

  it('writes the plan to a file with -o, never over the team file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-out-'));
    const out = join(dir, 'plan.md');
    expect((await runInProcess(['plan', '-f', 'markdown', '-o', out, 'templates/small.yaml'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## secops-team plan');
    const team = join(dir, 'team.yaml');
    writeFileSync(team, readFileSync(join(ROOT, 'templates/small.yaml')));
    const refused = await runInProcess(['plan', '-o', team, team]);
    expect(refused.status).toBe(2);
    expect(readFileSync(team, 'utf8')).toBe(readFileSync(join(ROOT, 'templates/small.yaml'), 'utf8'));
    expect((await runInProcess(['plan', '--write', team, '--force', team])).status).toBe(2);
  });

  it('prints stylish and Markdown plans', async () => {
    const stylish = await runInProcess(['plan', 'test/fixtures/plan/open-positions.yaml']);
    expect(stylish.stdout).toContain('3. fill the open position To hire: Security Engineer (eng-req)');
    expect(stylish.stdout).toContain('no step of this plan closes these:');
    const markdown = await runInProcess(['plan', '--format', 'markdown', 'test/fixtures/plan/open-positions.yaml']);
    expect(markdown.stdout).toContain('## secops-team plan');
    expect(markdown.stdout).toContain('### No step of this plan closes these');
  });

  it('--write appends the hires as open positions, keeps comments, and replaces a file only with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-write-'));
    const out = join(dir, 'planned.yaml');
    const run = await runInProcess(['plan', '--write', out, 'docs/examples/team-420.yaml']);
    expect(run.status).toBe(0);
    const written = readFileSync(out, 'utf8');
    const original = readFileSync(join(ROOT, 'docs/examples/team-420.yaml'), 'utf8');
    // The original stays byte for byte; the open positions follow the last member.
    expect(written.startsWith(original)).toBe(true);
    expect(written).toContain('# No CISO yet: the Head of Security still carries the CISO');
    expect(written).toContain('vacancy: true');
    // Open positions count for nothing: the findings are those of the original, whose messages now name the open position.
    const where = (f: { ruleId: string; severity: string; line: number; column: number }) => `${f.ruleId} ${f.severity} ${f.line}:${f.column}`;
    expect(checkTeam(written).findings.map(where)).toEqual(checkTeam(original).findings.map(where));
    expect(checkTeam(written).findings.find((f) => f.ruleId === 'missing-role')?.message).toMatch(/no member holds Security Engineer \(security-engineer\); its open position [a-z0-9-]+ is not filled yet, and/);
    expect(checkTeam(written).team?.members.filter((m) => m.vacancy)).toHaveLength(2);
    writeFileSync(out, 'keep me\n');
    const refused = await runInProcess(['plan', '--write', out, 'docs/examples/team-420.yaml']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect((await runInProcess(['plan', '--write', out, '--force', 'docs/examples/team-420.yaml'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('vacancy: true');
  });
});

describe('docs/plan.md', () => {
  it('shows the real plan of its example, in stylish and Markdown, and what it says of the small template', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'plan.md'), 'utf8');
    const stylish = await runInProcess(['plan', 'docs/examples/team-420.yaml']);
    expect(doc).toContain('```text\n' + stylish.stdout.trimEnd() + '\n```');
    const markdown = await runInProcess(['plan', '--format', 'markdown', 'docs/examples/team-420.yaml']);
    expect(doc).toContain(markdown.stdout.trimEnd());
    const small = await runInProcess(['plan', 'templates/small.yaml']);
    expect(small.stdout.trimEnd().split('\n').at(-1)).toContain('nothing to hire for: the findings are notes');
    expect(doc.replace(/\n/g, ' ')).toContain('`plan` says `nothing to hire for: the findings are notes`');
  });
});

describe('secops-team plan: hostile text', () => {
  // A member name that tries to move the cursor, hide text, start a CI command and inject Markdown and HTML.
  const NAME = 'Eve\\u001b[2J\\u202e ##[error]boom <img src=x> @here [x](http://e)';
  const TEAM = `version: 1
organization: {name: Acme, employees: 40}
members:
  - {id: eve, name: "${NAME}", roles: [security-manager, security-engineer, security-analyst, system-administrator, it-operations-manager]}
`;

  it('escapes text from the file in every format', async () => {
    const stylish = await runInProcess(['plan', '-', '--stdin-filename', 'team.yaml'], TEAM);
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain('move ');
    expect(stylish.stdout).not.toMatch(RAW_CONTROL);
    expect(stylish.stdout).not.toMatch(CI_MARKER);
    const json = await runInProcess(['plan', '-f', 'json', '-', '--stdin-filename', 'team.yaml'], TEAM);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(json.stdout).not.toMatch(CI_MARKER);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('Eve\\u001b[2J');
    const markdown = await runInProcess(['plan', '-f', 'markdown', '-', '--stdin-filename', 'team.yaml'], TEAM);
    expect(markdown.stdout).not.toMatch(RAW_CONTROL);
    expect(markdown.stdout).not.toContain('<img');
    expect(markdown.stdout).not.toContain('@here');
    expect(markdown.stdout).not.toContain('[x](http');
    expect(markdown.stdout).toContain('\\[x\\]');
  });
});
