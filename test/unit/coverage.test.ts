import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { teamYaml } from '../helpers.js';

const status = (text: string, responsibility: string) => checkTeam(text).coverage.find((e) => e.responsibility === responsibility);

describe('coverage', () => {
  it('gives every responsibility in the catalog one entry', () => {
    const coverage = checkTeam(teamYaml({ employees: 100 }, ['{id: a, name: A, roles: [ciso]}'])).coverage;
    expect(coverage).toHaveLength(43);
    expect(new Set(coverage.map((e) => e.responsibility)).size).toBe(43);
  });

  it('marks duties of a role an internal member holds as covered, external holders listed after', () => {
    const text = teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: a, name: A, roles: [ciso]}']);
    expect(status(text, 'ciso.strategy')).toEqual({ responsibility: 'ciso.strategy', role: 'ciso', status: 'covered', members: ['a', 'v'], via: null });
  });

  it('marks duties held only by providers as external', () => {
    const text = teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}']);
    expect(status(text, 'ciso.compliance')).toMatchObject({ status: 'external', members: ['v'], via: null });
  });

  it("the source's case: no CISO in a small organization, the Security Manager absorbs its duties", () => {
    const text = teamYaml({ employees: 120 }, ['{id: dana, name: Dana, roles: [security-manager]}']);
    expect(status(text, 'ciso.strategy')).toEqual({ responsibility: 'ciso.strategy', role: 'ciso', status: 'absorbed', members: ['dana'], via: 'security-manager' });
    expect(status(text, 'security-manager.report-to-ciso')?.status).toBe('not-applicable');
  });

  it('prefers the CIO over the Security Manager, as the source names it first', () => {
    const text = teamYaml({ employees: 120 }, ['{id: dana, name: Dana, roles: [security-manager]}', '{id: lee, name: Lee, roles: [cio]}']);
    expect(status(text, 'ciso.strategy')).toMatchObject({ status: 'absorbed', members: ['lee'], via: 'cio' });
    expect(status(text, 'security-manager.report-to-ciso')?.status).toBe('covered');
  });

  it('honours size conditions: the CIO takes the Security Manager duties in small organizations only', () => {
    const small = teamYaml({ employees: 120 }, ['{id: lee, name: Lee, roles: [cio]}']);
    const medium = teamYaml({ employees: 600 }, ['{id: lee, name: Lee, roles: [cio]}']);
    expect(status(small, 'security-manager.hiring')).toMatchObject({ status: 'absorbed', via: 'cio' });
    expect(status(medium, 'security-manager.hiring')).toMatchObject({ status: 'uncovered', members: [] });
  });

  it('never makes a duty external through organization.soc alone: only a provider member carries it', () => {
    const text = teamYaml({ employees: 600, soc: 'outsourced' }, ['{id: dana, name: Dana, roles: [security-manager]}']);
    expect(status(text, 'security-analyst.alert-monitoring')).toMatchObject({ status: 'uncovered', members: [] });
    // In a small organization the security lead watches alerts as an additional duty.
    expect(status(teamYaml({ employees: 120, soc: 'outsourced' }, ['{id: dana, name: Dana, roles: [security-manager]}']), 'security-analyst.alert-monitoring')).toMatchObject({ status: 'absorbed', via: 'security-manager' });
    // Training falls to the security lead, as planning does.
    expect(status(text, 'security-analyst.security-training')).toMatchObject({ status: 'absorbed', via: 'security-manager', members: ['dana'] });
  });

  it('is per responsibility: a vacant engineer role is partly absorbed', () => {
    const text = teamYaml({ employees: 120 }, ['{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}']);
    expect(status(text, 'security-engineer.vulnerability-mitigation')).toMatchObject({ status: 'absorbed', via: 'security-analyst', members: ['a'] });
    expect(status(text, 'security-engineer.infrastructure-troubleshooting')).toMatchObject({ status: 'absorbed', via: 'system-administrator', members: ['s'] });
    // Orchestration between security tools is not expected below large size: it does not apply, with its reason.
    expect(status(text, 'security-engineer.tool-automation')).toEqual({ responsibility: 'security-engineer.tool-automation', role: 'security-engineer', status: 'not-applicable', members: [], via: null, reason: 'not-expected' });
    const large = teamYaml({ employees: 2000 }, ['{id: a, name: A, roles: [security-analyst]}']);
    expect(status(large, 'security-engineer.tool-automation')?.status).toBe('uncovered');
  });

  it('is empty for a file that fails the schema', () => {
    expect(checkTeam('version: 1\n').coverage).toEqual([]);
  });
});
