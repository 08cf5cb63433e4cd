import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/catalog/index.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { checkTeam } from '../../src/lint.js';
import { readFileSync } from 'node:fs';
import { ROOT, runCli, runInProcess } from '../helpers.js';

const template = (size: string) => checkTeam(readFileSync(join(ROOT, 'templates', `${size}.yaml`), 'utf8'), { file: `${size}.yaml` });
const summary = (size: string) => template(size).findings.map((f) => `${f.severity} ${f.ruleId}${f.role ? ` ${f.role}` : ''}${f.responsibility ? ` ${f.responsibility}` : ''}`);

describe('the templates', () => {
  it('small: the Security Manager carries the CISO duties; engineering is absorbed, as at most small companies; no per-duty noise', () => {
    expect(summary('small')).toEqual([
      'info absorbed-duties ciso',
      'info absorbed-duties security-engineer',
      'info absorbed-duties system-analyst',
    ]);
  });

  it('medium: a hybrid SOC whose one finding is the Security Manager without a deputy', () => {
    expect(summary('medium')).toEqual(['warning single-point-of-failure']);
  });

  it.each(['large', 'enterprise'])('%s: a team staffed for its size passes clean', (size) => {
    expect(summary(size)).toEqual([]);
  });

  it.each(['small', 'medium', 'large', 'enterprise'])('%s: no error, so check exits 0', (size) => {
    expect(template(size).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('check output for the gap analysis', () => {
  it('prints a coverage line per file in stylish', () => {
    const run = runCli(['check', 'templates/small.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  coverage: 19 covered, 18 absorbed, 2 external, 0 uncovered, 4 not applicable (of 43 duties)\n');
    expect(run.stdout).toContain('16:9  info     nobody holds Chief Information Security Officer (ciso); Dana Reyes (security-manager) takes all 5 duties: strategy, executive-reporting, compliance, prevention-detection-response, threat-landscape  absorbed-duties');
  });

  it('carries findings, suppressed findings and coverage in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-gap-'));
    const text = readFileSync(join(ROOT, 'templates', 'small.yaml'), 'utf8') + '\nexceptions:\n  - rule: absorbed-duties\n    target: ciso\n    reason: Dana acts as CISO\n    expires: 2099-12-31\n';
    writeFileSync(join(dir, 'team.yaml'), text);
    const json = JSON.parse(runCli(['check', '-f', 'json', 'team.yaml'], { cwd: dir }).stdout);
    const file = json.files[0];
    expect(file.coverage).toHaveLength(43);
    expect(file.coverage[0]).toEqual({ responsibility: 'ciso.strategy', role: 'ciso', status: 'absorbed', members: ['dana'], via: 'security-manager' });
    expect(file.suppressed).toHaveLength(1);
    expect(file.suppressed[0].suppression).toEqual({ reason: 'Dana acts as CISO', expires: '2099-12-31', exception: '/exceptions/0' });
    expect(json.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 2 });
  });

  it('--quiet lists errors only; --max-warnings fails a run with too many warnings', () => {
    // The small template grown to 420 employees: three warnings, no error.
    const grown = 'test/fixtures/diff/grow-to-medium/after.yaml';
    const quiet = runCli(['check', '--quiet', grown]);
    expect(quiet.stdout).not.toMatch(/warning {2}/);
    expect(quiet.status).toBe(0);
    const strict = runCli(['check', '--max-warnings', '2', grown]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('secops-team: 3 warnings, more than --max-warnings 2 allows\n');
    expect(runCli(['check', '--max-warnings', '3', grown]).status).toBe(0);
    expect(runCli(['check', '--max-warnings', '-1', grown]).status).toBe(2);
  });
});

describe('secops-team explain', () => {
  const ids = [...ALL_RULES.map((r) => r.id), ...ROLES.map((r) => r.id), ...ROLES.flatMap((r) => r.responsibilities.map((d) => d.id))];

  it.each(ids)('explains %s', async (id) => {
    const run = await runInProcess(['explain', id]);
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(80);
    expect(run.stdout).toContain(id);
  });

  it('gives every rule its why, authority and fix', async () => {
    for (const rule of ALL_RULES) {
      const out = (await runInProcess(['explain', rule.id])).stdout;
      expect(out).toMatch(/Authority:\n {2}- /);
      expect(out).toMatch(/How to fix: /);
      expect(out).toMatch(/Default severity: small (\w+|not checked), medium (\w+|not checked), large (\w+|not checked), enterprise (\w+|not checked)\./);
    }
  });

  it('lists the rules without an id, and suggests for a typo', async () => {
    expect((await runInProcess(['explain'])).stdout).toMatch(/ {2}single-point-of-failure {2}/);
    const typo = await runInProcess(['explain', 'absorbed-duty']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/did you mean "absorbed-duties"\?/);
  });

  it('prints JSON', async () => {
    expect(JSON.parse((await runInProcess(['explain', 'ciso.strategy', '-f', 'json'])).stdout)).toMatchObject({ kind: 'responsibility', id: 'ciso.strategy' });
  });
});

describe('secops-team matrix', () => {
  it('shows a table with responsibilities down and status and who across', async () => {
    const run = await runInProcess(['matrix', 'templates/small.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/│ ciso\.strategy +│ absorbed +│ dana \(via security-manager\) +│/);
    // Nobody is credited with a duty that does not apply: the Security Manager is the CISO-duty holder.
    expect(run.stdout).toMatch(/│ security-manager\.report-to-ciso +│ not-applicable +│ +│/);
  });

  it('prints JSON, Markdown and CSV', async () => {
    const json = JSON.parse((await runInProcess(['matrix', '-f', 'json', 'templates/small.yaml'])).stdout);
    expect(json.coverage).toHaveLength(43);
    const md = (await runInProcess(['matrix', '-f', 'markdown', 'templates/small.yaml'])).stdout;
    expect(md.split('\n').slice(0, 3)).toEqual(['| responsibility | status | who |', '| --- | --- | --- |', '| `ciso.strategy` | absorbed | dana (via security-manager) |']);
    const csv = (await runInProcess(['matrix', '-f', 'csv', 'templates/small.yaml'])).stdout.split('\r\n');
    expect(csv[0]).toBe('responsibility,role,title,status,members,via,credited as');
    expect(csv[1]).toBe('ciso.strategy,ciso,Security strategy,absorbed,dana,security-manager,');
    expect(csv).toHaveLength(45);
  });

  it('fails like check on a file that does not pass the schema', async () => {
    const run = await runInProcess(['matrix', '-'], 'version: 1\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/missing required property "organization"/);
  });
});
