import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers.js';

const FIXTURE = 'test/fixtures/teams/enterprise-specialists.yaml';

describe('secops-team roles: specialists, own roles and NICE', () => {
  it('lists the documented roles, then the specialists', async () => {
    const run = await runInProcess(['roles']);
    expect(run.status).toBe(0);
    expect(run.stdout.indexOf('Documented roles:')).toBeLessThan(run.stdout.indexOf('Specialist roles'));
    expect(run.stdout).toMatch(/threat-intelligence-analyst/);
    expect(run.stdout).not.toMatch(/Own roles/);
  });

  it("adds a team file's own roles with --team, and shows one of them", async () => {
    const list = await runInProcess(['roles', '--team', FIXTURE]);
    expect(list.stdout).toMatch(/Own roles of test\/fixtures\/teams\/enterprise-specialists\.yaml:/);
    expect(list.stdout).toMatch(/awareness-lead/);
    const json = JSON.parse((await runInProcess(['roles', '--team', FIXTURE, '--format', 'json'])).stdout) as { kind: string; id: string }[];
    expect(json.filter((r) => r.kind === 'own').map((r) => r.id)).toEqual(['grc-lead', 'awareness-lead']);
    const one = await runInProcess(['roles', 'grc-lead', '--team', FIXTURE]);
    expect(one.stdout).toMatch(/^GRC Lead \(grc-lead\), the team file's own role/);
    expect(one.stdout).toMatch(/OG-WRL-012 Security Control\s+Assessment/);
    expect(one.stdout).toMatch(/ciso\.compliance: /);
  });

  it('says where own roles come from when an id is unknown, and fails like check on a broken file', async () => {
    const unknown = await runInProcess(['roles', 'grc-lead']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown role "grc-lead".*--team <file> adds a team file's own roles/);
    const broken = await runInProcess(['roles', '--team', '-'], 'version: 1\n');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/missing required property "organization"/);
  });

  it('shows a specialist in detail, in roles and in explain', async () => {
    const run = await runInProcess(['roles', 'penetration-tester']);
    expect(run.stdout).toMatch(/^Penetration Tester \(penetration-tester\), specialist role/);
    expect(run.stdout).toMatch(/PD-WRL-007 Vulnerability Analysis/);
    expect(run.stdout).toMatch(/ECSF profile: Penetration Tester/);
    expect((await runInProcess(['explain', 'penetration-tester'])).stdout).toBe(run.stdout);
    expect(JSON.parse((await runInProcess(['explain', 'iam-engineer', '--format', 'json'])).stdout)).toMatchObject({ kind: 'specialist', nice: [] });
  });

  it('lists the 41 NICE v2.0.0 work roles with --nice', async () => {
    const text = await runInProcess(['roles', '--nice']);
    expect(text.stdout.split('\n').filter((l) => /^ {2}[A-Z]{2}-WRL-\d{3} /.test(l))).toHaveLength(41);
    const json = JSON.parse((await runInProcess(['roles', '--nice', '--format', 'json'])).stdout);
    expect(json.edition).toMatch(/v2\.0\.0/);
    expect(json.workRoles[0]).toEqual({ id: 'OG-WRL-001', name: 'Communications Security (COMSEC) Management' });
  });
});
