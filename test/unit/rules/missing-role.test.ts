import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const team = (employees: number, roles: string[]) => teamYaml({ employees }, roles.map((r, i) => `{id: m${i}, name: M${i}, roles: [${r}]}`));
const all = (text: string) => checkTeam(text, { today: '2026-06-01' }).findings;
const brief = (text: string) => all(text).filter((f) => f.ruleId === 'missing-role').map(({ severity, role, responsibilities, message }) => ({ severity, role, responsibilities, message }));

describe('missing-role', () => {
  it.each([
    // [case, team, expected: [severity, role, responsibilities]]
    ['small, no security lead: one error for the group, listing the lead duties nobody carries', team(100, ['system-administrator', 'security-analyst', 'security-engineer']), [['error', undefined, ['ciso.strategy', 'ciso.executive-reporting', 'ciso.compliance', 'ciso.prevention-detection-response', 'ciso.threat-landscape', 'security-manager.soc-oversight', 'security-manager.incident-response-plan', 'security-manager.vulnerability-management']]]],
    ['small, no security lead and no engineer: the engineer\'s duty that falls to a lead is listed with the lead, not as a second finding', team(100, ['system-administrator', 'security-analyst', 'it-operations-manager']), [['error', undefined, ['ciso.strategy', 'ciso.executive-reporting', 'ciso.compliance', 'ciso.prevention-detection-response', 'ciso.threat-landscape', 'security-manager.soc-oversight', 'security-manager.incident-response-plan', 'security-manager.vulnerability-management', 'security-engineer.incident-communication']]]],
    ['small, nobody running IT: one error for the group, the system analyst folded in', team(100, ['security-manager', 'security-analyst', 'security-engineer']), [['error', undefined, ['system-administrator.install-update', 'system-administrator.configure-systems', 'system-administrator.diagnostics', 'system-administrator.help-desk', 'system-administrator.training-documentation', 'it-operations-manager.systems-monitoring', 'it-operations-manager.procedures', 'it-operations-manager.installations-upgrades', 'it-operations-manager.vendor-contracts', 'it-operations-manager.help-desk-escalations', 'it-operations-manager.continuity', 'system-analyst.systems-care', 'system-analyst.backup-review']]]],
    ['small, a CIO as lead and an IT operations manager: nothing missing, duties absorbed', team(100, ['cio', 'it-operations-manager', 'security-analyst']), []],
    ['small, 45 people without a security engineer: no tool-orchestration finding', team(45, ['security-manager', 'security-analyst', 'system-administrator']), []],
    ['medium, no engineer: one finding listing the duties nobody takes', team(600, ['ciso', 'security-manager', 'security-analyst', 'system-administrator', 'it-operations-manager']), [['warning', 'security-engineer', ['security-engineer.evaluation-reports', 'security-engineer.system-documentation']]]],
    ['large, no engineer: the same gap is an error, and tool orchestration is expected', team(2000, ['ciso', 'security-manager', 'security-analyst', 'system-administrator', 'it-operations-manager']), [['error', 'security-engineer', ['security-engineer.tool-automation', 'security-engineer.evaluation-reports', 'security-engineer.system-documentation']]]],
    ['small, no analyst and no engineer: the security lead watches alerts and the administrator runs the tools, as an additional duty', team(100, ['security-manager', 'system-administrator']), []],
    ['medium, no analyst and no engineer: nobody watches alerts, an error', team(600, ['ciso', 'security-manager', 'system-administrator', 'it-operations-manager', 'system-analyst']), [['error', 'security-analyst', ['security-analyst.alert-monitoring', 'security-analyst.incident-response']], ['warning', 'security-engineer', ['security-engineer.security-systems', 'security-engineer.vulnerability-mitigation', 'security-engineer.evaluation-reports', 'security-engineer.system-documentation']]]],
    ['large, no CISO and no CIO is not missing-role: the Security Manager absorbs (absorbed-duties speaks)', team(2000, ['security-manager', 'security-analyst', 'security-engineer', 'system-administrator', 'it-operations-manager', 'system-analyst']), []],
  ] as const)('%s', (_case, text, expected) => {
    expect(brief(text).map((f) => [f.severity, f.role, f.responsibilities])).toEqual(expected);
  });

  it('gives exactly one finding for a missing role, whose message lists its duties and who takes the rest', () => {
    const text = team(600, ['ciso', 'security-manager', 'security-analyst', 'system-administrator', 'it-operations-manager']);
    const found = all(text).filter((f) => f.role === 'security-engineer');
    expect(found.map((f) => f.ruleId)).toEqual(['missing-role']);
    expect(found[0]?.message).toBe(
      'no member holds Security Engineer (security-engineer), and 2 of its 7 duties expected in a medium organization stay uncovered: security-engineer.evaluation-reports and security-engineer.system-documentation; taken over: security-systems, vulnerability-mitigation to M2 (security-analyst); infrastructure-troubleshooting to M3 (system-administrator); incident-communication to M1 (security-manager)',
    );
  });

  it('does not count a vCISO as the security lead: somebody on the staff must own security (a warning when small, an error from medium up)', () => {
    const members = ['{id: v, name: V, roles: [ciso], provider: Bastion, reportsTo: s}', '{id: s, name: S, roles: [system-administrator]}', '{id: a, name: A, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}'];
    const small = brief(teamYaml({ employees: 100 }, members));
    expect(small.map((f) => [f.severity, f.role, f.responsibilities])).toEqual([['warning', undefined, ['security-manager.soc-oversight', 'security-manager.incident-response-plan', 'security-manager.vulnerability-management']]]);
    expect(small[0]?.message).toMatch(/^no member of staff is a security lead \(ciso, cio or security-manager\): V holds the lead's role as a provider, and somebody inside must own security, answer for it and oversee them; /);
    expect(brief(teamYaml({ employees: 600 }, members)).map((f) => f.severity)).toContain('error');
    // An internal CIO beside a provider CISO runs IT, not security: still nobody on the staff owns it.
    const withCio = brief(teamYaml({ employees: 4000 }, [...members, '{id: c, name: Cy, roles: [cio]}']));
    expect(withCio.map((f) => [f.severity, f.role])).toContainEqual(['error', undefined]);
    expect(withCio.find((f) => f.role === undefined)?.message).toContain('V holds the lead\'s role as a provider; Cy (cio) runs IT beside a provider CISO and is no security lead of the staff, and somebody inside must own security');
    // Where nobody holds the CISO role, the CIO takes its duties and is the lead.
    const cioLeads = brief(teamYaml({ employees: 4000 }, ['{id: c, name: Cy, roles: [cio]}', ...members.slice(1)]));
    expect(cioLeads.map((f) => f.message)).not.toContainEqual(expect.stringMatching(/security lead/));
    // The CISO duties stay credited to the provider.
    expect(all(teamYaml({ employees: 100 }, members)).map((f) => f.ruleId)).not.toContain('uncovered-responsibility');
  });

  it('a team with no members gives one error and nothing else', () => {
    const findings = all(teamYaml({ employees: 45 }, []).replace('members:\n', 'members: []\n'));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['missing-role', 'error']]);
  });

  it('a file of unusable members gives its schema errors and one error that no member is usable', () => {
    const findings = all('version: 1\norganization: {name: A, employees: 45}\nmembers:\n  - {}\n  - {}\n  - null\n');
    expect(findings.filter((f) => f.ruleId !== 'schema')).toMatchObject([{ ruleId: 'missing-role', severity: 'error', line: 3, column: 1 }]);
    expect(findings.filter((f) => f.ruleId === 'schema').length).toBeGreaterThan(0);
    // One member with a problem in one field is not "no usable member".
    expect(all('version: 1\norganization: {name: A, employees: 45}\nmembers:\n  - {id: x, name: X, roles: []}\n').map((f) => f.ruleId)).toEqual(['schema']);
  });
});
