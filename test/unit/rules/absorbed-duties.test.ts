import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const team = (employees: number, roles: string[]) => teamYaml({ employees }, roles.map((r, i) => `{id: m${i}, name: M${i}, roles: [${r}]}`));
const found = (text: string) => checkTeam(text, { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'absorbed-duties').map(({ severity, role, members, responsibilities }) => ({ severity, role, members, responsibilities }));
const CISO = ['ciso.strategy', 'ciso.executive-reporting', 'ciso.compliance', 'ciso.prevention-detection-response', 'ciso.threat-landscape'];
const SECURITY = ['security-manager', 'security-analyst', 'security-analyst', 'security-engineer'];

describe('absorbed-duties', () => {
  it("reports the source's case once: small, no CISO, the Security Manager takes all five duties (information)", () => {
    const text = team(120, [...SECURITY, 'system-administrator', 'it-operations-manager', 'system-analyst']);
    expect(found(text)).toEqual([{ severity: 'info', role: 'ciso', members: ['m0'], responsibilities: CISO }]);
    const message = checkTeam(text).findings.find((f) => f.ruleId === 'absorbed-duties')?.message;
    expect(message).toBe('nobody holds ciso; M0 (security-manager) takes all 5 duties: strategy, executive-reporting, compliance, prevention-detection-response, threat-landscape');
  });

  it('splits a missing CISO between a CIO (strategy, executive reporting, compliance) and a Security Manager (operations)', () => {
    const text = team(600, ['cio', ...SECURITY, 'system-administrator', 'it-operations-manager', 'system-analyst']);
    const coverage = checkTeam(text).coverage.filter((e) => e.role === 'ciso').map((e) => [e.responsibility, e.via, e.members]);
    expect(coverage).toEqual([
      ['ciso.strategy', 'cio', ['m0']],
      ['ciso.executive-reporting', 'cio', ['m0']],
      ['ciso.compliance', 'cio', ['m0']],
      ['ciso.prevention-detection-response', 'security-manager', ['m1']],
      ['ciso.threat-landscape', 'security-manager', ['m1']],
    ]);
    expect(found(text)).toEqual([{ severity: 'warning', role: 'ciso', members: ['m0', 'm1'], responsibilities: CISO }]);
  });

  it('names at most ten absorbers in its message, and all of them in its JSON', () => {
    const text = team(600, [...Array(12).fill('security-manager'), 'security-analyst', 'security-engineer', 'system-administrator', 'it-operations-manager', 'system-analyst']);
    const finding = checkTeam(text).findings.find((f) => f.ruleId === 'absorbed-duties' && f.role === 'ciso');
    expect(finding?.members).toHaveLength(12);
    expect(finding?.message).toContain('M0, M1, M2, M3, M4, M5, M6, M7 and 4 more (security-manager) take all 5 duties');
  });

  it('gives a CIO alone all five', () => {
    const coverage = checkTeam(team(120, ['cio', 'security-analyst', 'system-administrator'])).coverage.filter((e) => e.role === 'ciso');
    expect(coverage.every((e) => e.via === 'cio' && e.members.join() === 'm0')).toBe(true);
  });

  it.each([
    ['small', 120, 'info'],
    ['medium', 600, 'warning'],
    ['large: a CISO of its own is expected, so an absorbed CISO is an error', 2000, 'error'],
    ['enterprise', 20000, 'error'],
  ] as const)('%s', (_case, employees, severity) => {
    const text = team(employees, [...SECURITY, 'system-administrator', 'it-operations-manager', 'system-analyst']);
    expect(found(text).map((f) => [f.role, f.severity])).toEqual([['ciso', severity]]);
  });

  it('leaves a role with uncovered expected duties to missing-role: one finding per cause', () => {
    const findings = checkTeam(team(600, ['ciso', 'security-manager', 'security-analyst', 'security-analyst', 'system-administrator', 'it-operations-manager', 'system-analyst'])).findings;
    expect(findings.filter((f) => f.role === 'security-engineer').map((f) => f.ruleId)).toEqual(['missing-role']);
  });

  it('says nothing when every role with duties is held', () => {
    expect(found(team(2000, ['ciso', ...SECURITY, 'system-administrator', 'it-operations-manager', 'system-analyst']))).toEqual([]);
  });
});
