import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const team = (employees: number, roles: string[]) => teamYaml({ employees }, roles.map((r, i) => `{id: m${i}, name: M${i}, roles: [${r}]}`));

describe('uncovered-responsibility', () => {
  it('reports each uncovered duty at the members key, with role and responsibility', () => {
    const found = ruleFindings(team(100, ['security-manager', 'system-administrator']), 'uncovered-responsibility');
    const ids = found.map((f) => f.responsibility);
    expect(ids).toContain('security-analyst.alert-monitoring');
    expect(ids).toContain('security-engineer.tool-automation');
    expect(ids).not.toContain('ciso.strategy'); // absorbed by the Security Manager
    expect(found[0]).toMatchObject({ line: 5, column: 1 });
    expect(found.find((f) => f.responsibility === 'security-analyst.alert-monitoring')).toMatchObject({
      severity: 'warning', // analysts are not expected in a small organization
      role: 'security-analyst',
      message: 'nobody covers security-analyst.alert-monitoring (alert monitoring): no member holds security-analyst or security-engineer',
    });
  });

  it('is an error when the duty belongs to a role expected at this size', () => {
    const found = ruleFindings(team(2000, ['ciso', 'security-manager', 'security-analyst', 'it-operations-manager', 'system-administrator', 'system-analyst']), 'uncovered-responsibility');
    expect(found.find((f) => f.responsibility === 'security-engineer.tool-automation')?.severity).toBe('error');
  });

  it('is an error in a small organization with no security lead at all', () => {
    const found = ruleFindings(team(100, ['system-administrator']), 'uncovered-responsibility');
    expect(found.find((f) => f.responsibility === 'ciso.strategy')?.severity).toBe('error');
  });

  it('says nothing when an outsourced SOC carries monitoring', () => {
    const text = teamYaml({ employees: 100, soc: 'outsourced' }, ['{id: d, name: D, roles: [security-manager]}']);
    expect(ruleFindings(text, 'uncovered-responsibility').map((f) => f.responsibility)).not.toContain('security-analyst.alert-monitoring');
  });
});
