import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const analysts = (n: number, fte = 1) => Array.from({ length: n }, (_, i) => `{id: a${i}, name: A${i}, roles: [security-analyst], fte: ${fte}}`);
const lead = '{id: lead, name: Lead, roles: [ciso, security-manager]}';

describe('monitoring-staffing', () => {
  it('shows the arithmetic and points at the monitoring setting', () => {
    const text = teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(2)]);
    expect(ruleFindings(text, 'monitoring-staffing')).toEqual([
      {
        severity: 'warning',
        line: 5,
        column: 15,
        role: 'security-analyst',
        responsibility: undefined,
        members: ['a0', 'a1'],
        message: 'monitoring is 24x7 but the team has 2 FTE of internal security analysts and no external provider: 168 hours a week / 40 working hours = 4.2 people per continuously staffed seat before leave, about 5 with leave and training',
      },
    ]);
  });

  it('is an error in large and enterprise organizations', () => {
    expect(ruleFindings(teamYaml({ employees: 2000, monitoring: '24x7' }, [lead, ...analysts(4)]), 'monitoring-staffing')[0]?.severity).toBe('error');
  });

  it.each([
    ['business hours', teamYaml({ employees: 600 }, [lead, ...analysts(1)])],
    ['5 FTE of analysts', teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(5)])],
    ['an MSSP holding security-analyst', teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(1), '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}'])],
  ])('says nothing with %s', (_case, text) => {
    expect(ruleFindings(text, 'monitoring-staffing')).toEqual([]);
  });

  it('counts part-time analysts by FTE', () => {
    const found = ruleFindings(teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(6, 0.5)]), 'monitoring-staffing');
    expect(found[0]?.message).toMatch(/has 3 FTE/);
  });
});
