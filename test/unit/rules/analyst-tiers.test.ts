import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const lead = '{id: lead, name: Lead, roles: [ciso, security-manager]}';
const analyst = (i: number, tier?: number) => `{id: a${i}, name: A${i}, roles: [security-analyst]${tier ? `, tier: ${tier}` : ''}}`;

describe('analyst-tiers', () => {
  it('warns when tiered analysts are all at tier 1', () => {
    expect(ruleFindings(teamYaml({ employees: 600 }, [lead, analyst(1, 1), analyst(2, 1)]), 'analyst-tiers')).toEqual([
      { severity: 'warning', line: 5, column: 1, role: 'security-analyst', responsibility: undefined, members: ['a1', 'a2'], message: '2 analysts have tiers, all at tier 1: nobody at tier 2 or 3 to escalate complex incidents to' },
    ]);
  });

  it('still warns when the provider is not credited with incident response', () => {
    const watchOnly = '{id: mssp, name: Granite MSSP, roles: [security-analyst], provider: Granite, hours: 24x7, covers: [security-analyst.alert-monitoring]}';
    expect(ruleFindings(teamYaml({ employees: 600 }, [lead, analyst(1, 1), analyst(2, 1), watchOnly]), 'analyst-tiers')).toMatchObject([{ severity: 'warning', members: ['a1', 'a2'] }]);
  });

  it('notes more than 12 analysts without tiers', () => {
    const members = [lead, ...Array.from({ length: 13 }, (_, i) => analyst(i))];
    expect(ruleFindings(teamYaml({ employees: 20000 }, members), 'analyst-tiers')).toMatchObject([{ severity: 'info', role: 'security-analyst', line: 5, column: 1 }]);
  });

  it.each([
    ['one tier-1 analyst', [lead, analyst(1, 1)]],
    ['a tier 2 analyst among tier 1', [lead, analyst(1, 1), analyst(2, 2)]],
    ['12 analysts without tiers', [lead, ...Array.from({ length: 12 }, (_, i) => analyst(i))]],
    ['tier-1 analysts escalating to a managed SOC credited with incident response', [lead, analyst(1, 1), analyst(2, 1), '{id: mssp, name: Granite MSSP, roles: [security-analyst], provider: Granite, hours: 24x7}']],
  ])('says nothing for %s', (_case, members) => {
    expect(ruleFindings(teamYaml({ employees: 20000 }, members), 'analyst-tiers')).toEqual([]);
  });
});
