import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('external-oversight', () => {
  it('warns about an external CISO with nobody inside to oversee the provider', () => {
    const text = teamYaml({ employees: 600 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: s, name: S, roles: [system-administrator]}']);
    expect(ruleFindings(text, 'external-oversight')).toMatchObject([{ severity: 'warning', line: 6, column: 10, role: 'ciso', members: ['v'] }]);
  });

  it('accepts an external CISO overseen by an internal Security Manager', () => {
    const text = teamYaml({ employees: 600 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: m, name: M, roles: [security-manager]}']);
    expect(ruleFindings(text, 'external-oversight')).toEqual([]);
  });

  it('warns about an MSSP with no internal incident owner', () => {
    const text = teamYaml({ employees: 600 }, ['{id: c, name: C, roles: [cio], provider: Bastion}', '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}']);
    expect(ruleFindings(text, 'external-oversight')).toMatchObject([{ severity: 'warning', role: 'security-analyst', members: ['soc'], line: 7 }]);
  });

  it('warns about an outsourced SOC with no analysts listed and no internal owner, at the members key', () => {
    const text = teamYaml({ employees: 600, soc: 'outsourced' }, ['{id: s, name: S, roles: [system-administrator]}']);
    expect(ruleFindings(text, 'external-oversight')).toMatchObject([{ role: 'security-analyst', members: [], line: 6, column: 1 }]);
  });

  it('accepts an MSSP reporting to an internal CISO who carries the incident response plan', () => {
    const text = teamYaml({ employees: 120 }, ['{id: c, name: C, roles: [ciso]}', '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}']);
    expect(ruleFindings(text, 'external-oversight')).toEqual([]);
  });
});
