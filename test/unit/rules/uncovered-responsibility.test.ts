import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const found = (members: string[], employees = 100) => checkTeam(teamYaml({ employees }, members), { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'uncovered-responsibility').map(({ severity, responsibility, members: who }) => ({ severity, responsibility, who }));
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
    expect(result.map((f) => f.responsibility)).toEqual(['security-manager.incident-response-plan', 'security-manager.vulnerability-management']);
  });

  it('says nothing about vacant roles (missing-role speaks) nor duties not expected at this size', () => {
    expect(found([LEAD, IT, '{id: a, name: A, roles: [security-analyst]}'])).toEqual([]);
  });
});
