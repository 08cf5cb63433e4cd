import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const lead = '{id: lead, name: Lead, roles: [ciso, security-manager]}';
const analysts = (n: number) => Array.from({ length: n }, (_, i) => `{id: a${i}, name: A${i}, roles: [security-analyst]}`);
const provider = (hours?: string) => `{id: mssp, name: Night SOC, roles: [security-analyst], provider: Acme MSSP, reportsTo: lead${hours ? `, hours: ${hours}` : ''}}`;

describe('soc-model', () => {
  it('notes an outsourced SOC whose own analysts watch alerts too: hybrid', () => {
    const [finding] = ruleFindings(teamYaml({ employees: 600, soc: 'outsourced', monitoring: '24x7' }, [lead, ...analysts(2), provider('24x7')]), 'soc-model');
    expect(finding).toMatchObject({ severity: 'info', members: ['a0', 'a1'], message: 'organization.soc is outsourced but A0, A1 of the team watch alerts too: set soc to hybrid' });
  });

  it.each(['hybrid', 'outsourced'])('warns when soc is %s and no provider is credited with alert monitoring', (soc) => {
    expect(ruleFindings(teamYaml({ employees: 600, soc, monitoring: '24x7' }, [lead, ...analysts(3)]), 'soc-model')).toEqual([
      {
        severity: 'warning',
        line: 5,
        column: 8,
        role: 'security-analyst',
        responsibility: undefined,
        members: undefined,
        message: `organization.soc is ${soc} but no provider is credited with alert monitoring: add the provider as a member with provider, security-analyst and its hours, or set soc to in-house`,
      },
    ]);
    // With nobody inside watching alerts either, the SOC the file describes is none.
    expect(ruleFindings(teamYaml({ employees: 600, soc, monitoring: '24x7' }, [lead]), 'soc-model')[0]?.message).toMatch(/or set soc to none$/);
  });

  it('notes an in-house SOC whose providers cover most monitoring hours', () => {
    const found = ruleFindings(teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7' }, [lead, ...analysts(2), provider('off-hours')]), 'soc-model');
    expect(found).toMatchObject([{ severity: 'info', members: ['mssp'], message: 'organization.soc is in-house but providers cover 128 of the 168 monitoring seat-hours a week: set soc to hybrid or outsourced' }]);
  });

  it('asks a monitoring provider to state its hours, at the provider', () => {
    const found = ruleFindings(teamYaml({ employees: 600, soc: 'outsourced', monitoring: 'extended' }, [lead, provider()]), 'soc-model');
    expect(found).toEqual([
      {
        severity: 'info',
        line: 9,
        column: 10,
        role: 'security-analyst',
        responsibility: undefined,
        members: ['mssp'],
        message: 'Night SOC (mssp, external: Acme MSSP) is credited with alert monitoring but its hours are not stated, so it is assumed to cover all extended monitoring hours: add hours (business-hours, off-hours or 24x7) as the contract says',
      },
    ]);
  });

  it.each([
    ['a hybrid SOC with an off-hours provider', teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, ...analysts(3), provider('off-hours')])],
    ['an outsourced SOC with a 24x7 provider', teamYaml({ employees: 600, soc: 'outsourced', monitoring: '24x7' }, [lead, provider('24x7')])],
    ['an in-house SOC whose provider covers business hours only, a minority of 24x7', teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7' }, [lead, ...analysts(5), provider('business-hours')])],
    ['an in-house SOC without providers', teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7' }, [lead, ...analysts(6)])],
    ['no SOC declared', teamYaml({ employees: 100 }, [lead, ...analysts(1)])],
    ['a provider that holds other roles only (not credited with alert monitoring)', teamYaml({ employees: 600, soc: 'in-house' }, [lead, ...analysts(1), '{id: eng, name: Eng, roles: [security-engineer], provider: Builders}'])],
  ])('says nothing for %s', (_case, text) => {
    expect(ruleFindings(text, 'soc-model')).toEqual([]);
  });

  it('does not repeat what monitoring-staffing says, nor the other way round', () => {
    const text = teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, ...analysts(1)]);
    expect(ruleFindings(text, 'soc-model')).toHaveLength(1);
    expect(ruleFindings(text, 'monitoring-staffing')).toEqual([]);
  });

  it('says once that a provider has no hours, and does not also call an in-house SOC outsourced on that assumption', () => {
    const found = ruleFindings(teamYaml({ employees: 600, soc: 'in-house', monitoring: 'extended' }, [lead, ...analysts(1), provider()]), 'soc-model');
    expect(found.map((f) => f.message)).toEqual([
      'Night SOC (mssp, external: Acme MSSP) is credited with alert monitoring but its hours are not stated, so it is assumed to cover all extended monitoring hours: add hours (business-hours, off-hours or 24x7) as the contract says',
    ]);
  });
});
