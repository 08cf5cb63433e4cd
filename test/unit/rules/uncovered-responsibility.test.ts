import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const findings = (members: string[], employees = 100, extra = '') => checkTeam(teamYaml({ employees }, members, extra), { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'uncovered-responsibility');
const found = (members: string[], employees = 100, extra = '') =>
  findings(members, employees, extra).map(({ severity, responsibility, responsibilities, members: who }) => ({ severity, responsibility: responsibility ?? responsibilities, who }));
const LEAD = '{id: d, name: D, roles: [security-manager]}';
const IT = '{id: s, name: S, roles: [system-administrator]}';

describe('uncovered-responsibility', () => {
  it('reports a duty of a held role that nobody is credited with and no fallback takes', () => {
    // The MSSP is contracted for monitoring only: incident response falls to engineers, and there are none.
    expect(found(['{id: c, name: C, roles: [ciso]}', LEAD, IT, '{id: o, name: O, roles: [it-operations-manager]}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: d, covers: [security-analyst.alert-monitoring]}'], 600)).toEqual([
      { severity: 'error', responsibility: 'security-analyst.incident-response', who: ['p'] },
    ]);
  });

  it('does not credit a provider without covers with security training: it falls to the Security Manager', () => {
    const result = checkTeam(teamYaml({ employees: 100 }, [LEAD, IT, '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: d}']));
    expect(result.coverage.find((e) => e.responsibility === 'security-analyst.security-training')).toMatchObject({ status: 'absorbed', via: 'security-manager', members: ['d'] });
    expect(result.coverage.find((e) => e.responsibility === 'security-analyst.alert-monitoring')).toMatchObject({ status: 'external', members: ['p'] });
  });

  it('narrows an internal member with covers; the rest goes to fallbacks or is reported', () => {
    const result = found(['{id: d, name: D, roles: [security-manager], covers: [security-manager.soc-oversight]}', IT, '{id: a, name: A, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}']);
    // One cause (D's covers), one finding for the two duties of the role it leaves without a holder.
    expect(result).toEqual([{ severity: 'warning', responsibility: ['security-manager.incident-response-plan', 'security-manager.vulnerability-management'], who: ['d'] }]);
    const [finding] = findings(['{id: d, name: D, roles: [security-manager], covers: [security-manager.soc-oversight]}', IT, '{id: a, name: A, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}']);
    expect(finding?.message).toBe(
      'nobody is credited with 2 duties of Security Manager (security-manager): incident response plan (security-manager.incident-response-plan) and vulnerability management (security-manager.vulnerability-management): D holds the role without them, and no internal holder of Chief Information Security Officer (ciso) or Chief Information Officer (cio) takes them over',
    );
  });

  it('keeps errors apart from warnings, and a duty an exception names apart from the rest', () => {
    const kim = '{id: k, name: Kim, roles: [security-manager, security-analyst], covers: [security-manager.soc-oversight, security-analyst.alert-monitoring]}';
    expect(found([kim, IT], 100).map((f) => [f.severity, f.responsibility])).toEqual([
      ['error', 'security-analyst.incident-response'],
      ['warning', ['security-manager.incident-response-plan', 'security-manager.vulnerability-management']],
      ['warning', ['security-analyst.preventive-measures', 'security-analyst.threat-response-plan', 'security-analyst.security-measures', 'security-analyst.security-training']],
    ]);
    const excepted = '\nexceptions:\n  - rule: uncovered-responsibility\n    target: security-manager.vulnerability-management\n    reason: patching is run by IT under its own change process\n';
    const result = checkTeam(teamYaml({ employees: 100 }, [kim, IT], excepted), { today: '2026-06-01' });
    const kept = result.findings.filter((f) => f.ruleId === 'uncovered-responsibility').map((f) => f.responsibility ?? f.responsibilities);
    expect(kept).toContainEqual('security-manager.incident-response-plan');
    expect(kept).not.toContainEqual('security-manager.vulnerability-management');
    expect(result.suppressed.map((f) => f.responsibility)).toEqual(['security-manager.vulnerability-management']);
  });

  it('says when a fallback holder is there but its covers leaves the duty out', () => {
    const kim = '{id: k, name: Kim, roles: [ciso, security-analyst], covers: [ciso.strategy, security-analyst.alert-monitoring]}';
    const [finding] = findings([kim, IT], 100).filter((f) => f.responsibility === 'security-analyst.incident-response');
    expect(finding?.message).toMatch(/takes it over \(Kim: covers leaves it out\)$/);
  });

  it('reports alert monitoring and incident response carried only by a provider that works off-hours, once: the working week is open', () => {
    const night = '{id: n, name: NightWatch, roles: [security-analyst], provider: NightWatch, hours: off-hours, reportsTo: d}';
    const result = findings([LEAD, IT, night], 600).filter((f) => f.severity === 'error');
    expect(result.map((f) => [f.severity, f.responsibilities])).toEqual([['error', ['security-analyst.alert-monitoring', 'security-analyst.incident-response']]]);
    expect(result[0]?.message).toBe(
      'nobody is credited with alert monitoring (security-analyst.alert-monitoring) and incident response (security-analyst.incident-response) in business hours: NightWatch works off-hours only, so the 40 hours of the working week stay open; give them to an internal member for business hours, or extend the contract to hours: 24x7',
    );
    // With an internal analyst for the day, a provider around the clock, or engineers (the fallback) to take the working week, it is covered.
    const errors = (members: string[]) => findings(members, 600).filter((f) => f.severity === 'error');
    expect(errors([LEAD, IT, night, '{id: a, name: A, roles: [security-analyst]}'])).toEqual([]);
    expect(errors([LEAD, IT, night.replace('off-hours', '24x7')])).toEqual([]);
    expect(errors([LEAD, IT, night, '{id: e, name: E, roles: [security-engineer]}'])).toEqual([]);
    // Judged as coverage judges a fallback holder: covers that lists nothing of the engineer's own roles narrows nothing; one that leaves these duties out does.
    expect(errors([LEAD, IT, night, '{id: e, name: E, roles: [security-engineer], covers: [ciso.strategy]}'])).toEqual([]);
    expect(errors([LEAD, IT, night, '{id: e, name: E, roles: [security-engineer], covers: [security-engineer.security-systems]}'])).toHaveLength(1);
  });

  it('says nothing about vacant roles (missing-role speaks) nor duties not expected at this size', () => {
    expect(found([LEAD, IT, '{id: a, name: A, roles: [security-analyst]}'])).toEqual([]);
  });
});
