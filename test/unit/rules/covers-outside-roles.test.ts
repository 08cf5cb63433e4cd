import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const run = (members: string[]) => checkTeam(teamYaml({ employees: 100 }, members), { today: '2026-06-01' });

describe('covers-outside-roles', () => {
  it('reports a responsibility of a role the member does not hold, at its position, with a did-you-mean', () => {
    const result = run(['{id: d, name: D, roles: [security-manager]}', '{id: s, name: S, roles: [system-administrator]}', '{id: soc, name: SOC, roles: [security-analyst], provider: P, reportsTo: d, covers: [security-analyst.alert-monitoring, security-engineer.incident-communication]}']);
    const found = result.findings.filter((f) => f.ruleId === 'covers-outside-roles');
    expect(found).toMatchObject([{ severity: 'error', line: 8, responsibility: 'security-engineer.incident-communication', members: ['soc'] }]);
    expect(found[0]?.message).toContain('a duty of security-engineer, which soc does not hold');
    expect(found[0]?.message).toContain("its roles' duties are security-analyst.preventive-measures, ");
  });

  it('reports an unknown responsibility id as a schema error with a did-you-mean', () => {
    const result = run(['{id: d, name: D, roles: [security-manager], covers: [security-manager.soc-oversigt]}']);
    expect(result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message)).toEqual([
      'unknown responsibility "security-manager.soc-oversigt"; did you mean "security-manager.soc-oversight"? secops-team roles <role> lists a role\'s responsibilities',
    ]);
  });

  it('suggests the nearest duty of the member\'s own roles', () => {
    const result = run(['{id: c, name: C, roles: [system-analyst], covers: [system-administrator.automation]}', '{id: d, name: D, roles: [system-administrator], covers: [system-analyst.systems-care]}']);
    expect(result.findings.filter((f) => f.ruleId === 'covers-outside-roles').map((f) => f.message.match(/did you mean "([^"]+)"/)?.[1] ?? null)).toEqual(['system-analyst.automation-analysis', null]);
  });

  it('accepts covers within the member\'s roles', () => {
    const result = run(['{id: d, name: D, roles: [security-manager, ciso], covers: [ciso.strategy, security-manager.hiring]}', '{id: s, name: S, roles: [system-administrator]}']);
    expect(result.findings.filter((f) => f.ruleId === 'covers-outside-roles')).toEqual([]);
  });
});
