import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const base = ['{id: lead, name: Lead, roles: [ciso, security-manager]}'];

describe('single-point-of-failure', () => {
  it('reports monitoring and response resting on one analyst in a medium organization', () => {
    const text = teamYaml({ employees: 600 }, [...base, '{id: ana, name: Ana, roles: [security-analyst]}']);
    expect(ruleFindings(text, 'single-point-of-failure')).toEqual([
      { severity: 'warning', line: 7, column: 10, role: 'security-analyst', responsibility: 'security-analyst.alert-monitoring', members: ['ana'], message: 'security-analyst.alert-monitoring rests on one person, Ana (ana), with no second holder or external provider' },
      { severity: 'warning', line: 7, column: 10, role: 'security-analyst', responsibility: 'security-analyst.incident-response', members: ['ana'], message: 'security-analyst.incident-response rests on one person, Ana (ana), with no second holder or external provider' },
    ]);
  });

  it.each([
    ['a small organization', teamYaml({ employees: 100 }, [...base, '{id: ana, name: Ana, roles: [security-analyst]}'])],
    ['two analysts', teamYaml({ employees: 600 }, [...base, '{id: ana, name: Ana, roles: [security-analyst]}', '{id: bo, name: Bo, roles: [security-analyst]}'])],
    ['an external analyst beside', teamYaml({ employees: 600 }, [...base, '{id: ana, name: Ana, roles: [security-analyst]}', '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}'])],
    ['a hybrid SOC', teamYaml({ employees: 600, soc: 'hybrid' }, [...base, '{id: ana, name: Ana, roles: [security-analyst]}'])],
  ])('says nothing for %s', (_case, text) => {
    expect(ruleFindings(text, 'single-point-of-failure')).toEqual([]);
  });

  it('also sees one engineer who absorbs monitoring', () => {
    const text = teamYaml({ employees: 600 }, [...base, '{id: eng, name: Eng, roles: [security-engineer]}']);
    expect(ruleFindings(text, 'single-point-of-failure').map((f) => f.members)).toEqual([['eng'], ['eng']]);
  });
});
