import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

describe('reporting-line', () => {
  it('warns when the Security Manager does not report to the CISO', () => {
    const text = teamYaml({ employees: 600 }, ['{id: c, name: C, roles: [ciso]}', '{id: o, name: O, roles: [it-operations-manager]}', '{id: m, name: M, roles: [security-manager], reportsTo: o}']);
    expect(ruleFindings(text, 'reporting-line')).toEqual([
      { severity: 'warning', line: 8, column: 60, role: 'security-manager', responsibility: undefined, members: ['m'], message: 'M (m) is a security-manager whose reporting chain (through o) does not reach the CISO-duty holder (c) through security leads' },
    ]);
  });

  it('leaves members of a reporting loop to reporting-cycle, whichever member the walk starts from', () => {
    const text = teamYaml({ employees: 100 }, ['{id: dana, name: Dana, roles: [security-manager], reportsTo: bob}', '{id: bob, name: Bob, roles: [security-analyst], reportsTo: dana}', '{id: x, name: X, roles: [security-analyst], reportsTo: y}', '{id: y, name: Y, roles: [security-engineer], reportsTo: x}']);
    expect(ruleFindings(text, 'reporting-line')).toEqual([]);
    // Someone outside a leaderless loop who reports into it still never reaches a lead.
    const into = teamYaml({ employees: 100 }, ['{id: d, name: D, roles: [security-manager]}', '{id: x, name: X, roles: [security-analyst], reportsTo: y}', '{id: y, name: Y, roles: [security-engineer], reportsTo: x}', '{id: z, name: Z, roles: [security-analyst], reportsTo: x}']);
    expect(ruleFindings(into, 'reporting-line').map((f) => f.members)).toEqual([['z']]);
  });

  it('accepts the Security Manager reporting to a CIO who carries the CISO duties', () => {
    const text = teamYaml({ employees: 600 }, ['{id: cio, name: C, roles: [cio]}', '{id: m, name: M, roles: [security-manager], reportsTo: cio}']);
    expect(ruleFindings(text, 'reporting-line')).toEqual([]);
  });

  it('warns when an analyst chain never reaches a security lead', () => {
    const text = teamYaml({ employees: 600 }, [
      '{id: c, name: C, roles: [ciso]}',
      '{id: o, name: O, roles: [it-operations-manager]}',
      '{id: a, name: A, roles: [security-analyst], reportsTo: b}',
      '{id: b, name: B, roles: [security-analyst], reportsTo: o}',
      '{id: e, name: E, roles: [security-engineer], reportsTo: c}',
      '{id: f, name: F, roles: [security-engineer]}',
    ]);
    expect(ruleFindings(text, 'reporting-line').map((f) => [f.members, f.role, f.line])).toEqual([
      [['a'], 'security-analyst', 8],
      [['b'], 'security-analyst', 9],
    ]);
  });

  it("leaves a provider's reportsTo, the owner of its contract, to external-oversight", () => {
    const mdr = '{id: mdr, name: Huntress MDR, roles: [security-analyst], provider: Huntress, hours: 24x7, reportsTo: omar}';
    const text = teamYaml({ employees: 90 }, ['{id: omar, name: Omar, roles: [it-operations-manager]}', '{id: s, name: S, roles: [system-administrator], reportsTo: omar}', mdr]);
    expect(ruleFindings(text, 'reporting-line')).toEqual([]);
    // The same line from a member of staff is reported.
    expect(ruleFindings(text.replace(', provider: Huntress, hours: 24x7', ''), 'reporting-line').map((f) => f.members)).toEqual([['mdr']]);
  });

  it('does not ask employees to report to a virtual CISO from a provider', () => {
    const vciso = '{id: v, name: V, roles: [ciso], provider: Northgate, fte: 0.1, reportsTo: boss}';
    const text = teamYaml({ employees: 150 }, ['{id: boss, name: Boss, roles: [managing-partner]}', vciso, '{id: m, name: M, roles: [security-manager], reportsTo: boss}'], 'roles:\n  - {id: managing-partner, title: Managing Partner, duties: []}\n');
    expect(ruleFindings(text, 'reporting-line')).toEqual([]);
  });

  it('accepts a Security Manager heading security from outside IT while the CIO absorbs the CISO duties', () => {
    const roles = 'roles:\n  - {id: ceo, title: Chief Executive, duties: []}\n';
    const members = ['{id: ce, name: CE, roles: [ceo]}', '{id: cio, name: C, roles: [cio], reportsTo: ce}', '{id: m, name: M, roles: [security-manager], reportsTo: ce}'];
    expect(ruleFindings(teamYaml({ employees: 1500 }, members, roles), 'reporting-line')).toEqual([]);
    // Under IT operations it is still a line past whoever carries the CISO's duties.
    const underIt = [...members.slice(0, 2), '{id: o, name: O, roles: [it-operations-manager], reportsTo: cio}', '{id: m, name: M, roles: [security-manager], reportsTo: o}'];
    expect(ruleFindings(teamYaml({ employees: 1500 }, underIt, roles), 'reporting-line').map((f) => f.members)).toEqual([['m']]);
    // With a CISO in post, a line to the CEO bypasses the CISO.
    const withCiso = [...members, '{id: c, name: Cy, roles: [ciso], reportsTo: ce}'];
    expect(ruleFindings(teamYaml({ employees: 1500 }, withCiso, roles), 'reporting-line').map((f) => f.members)).toEqual([['m']]);
  });

  it('counts the CIO as a security lead only while nobody holds the CISO role', () => {
    const members = ['{id: cio, name: Cio, roles: [cio]}', '{id: o, name: O, roles: [it-operations-manager], reportsTo: cio}', '{id: a, name: A, roles: [security-analyst], reportsTo: o}'];
    expect(ruleFindings(teamYaml({ employees: 1800 }, members), 'reporting-line')).toEqual([]);
    const withCiso = [...members, '{id: c, name: Cy, roles: [ciso]}', '{id: m, name: M, roles: [security-manager], reportsTo: c}'];
    expect(ruleFindings(teamYaml({ employees: 1800 }, withCiso), 'reporting-line')).toEqual([
      {
        severity: 'warning',
        line: 8,
        column: 60,
        role: 'security-analyst',
        responsibility: undefined,
        members: ['a'],
        message: "A (a) is a security-analyst whose reporting chain never reaches a security lead (the CISO or a Security Manager: with a CISO in post, a line through the CIO is IT's, not security's)",
      },
    ]);
  });
});
