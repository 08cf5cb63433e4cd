import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('separation-of-duties', () => {
  it('notes compliance oversight (absorbed) with system administration in a small organization', () => {
    const text = teamYaml({ employees: 100 }, ['{id: dana, name: Dana, roles: [security-manager, system-administrator]}']);
    const found = ruleFindings(text, 'separation-of-duties');
    // Without analysts, a small organization's security lead also watches the alerts: both conflicts, as information.
    expect(found.map((f) => f.responsibility)).toEqual(['ciso.compliance', 'security-analyst.alert-monitoring']);
    expect(found[0]).toMatchObject({ severity: 'info', line: 6, column: 10, members: ['dana'], responsibility: 'ciso.compliance' });
    expect(found[0]?.message).toMatch(/compensating controls: independent review/);
  });

  it('warns about an analyst who administers the monitored systems in a medium organization', () => {
    const text = teamYaml({ employees: 600 }, ['{id: c, name: C, roles: [ciso]}', '{id: x, name: X, roles: [security-analyst, system-administrator]}']);
    expect(ruleFindings(text, 'separation-of-duties')).toMatchObject([{ severity: 'warning', members: ['x'], responsibility: 'security-analyst.alert-monitoring', line: 7 }]);
  });

  it('ignores external members and separated duties', () => {
    const text = teamYaml({ employees: 600 }, ['{id: c, name: C, roles: [ciso]}', '{id: x, name: X, roles: [security-analyst, system-administrator], provider: MSP}', '{id: s, name: S, roles: [system-administrator]}']);
    expect(ruleFindings(text, 'separation-of-duties')).toEqual([]);
  });
});
