import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const found = (members: string[]) => checkTeam(teamYaml({ employees: 100 }, members), { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'external-oversight').map(({ line, members: who, responsibility, message }) => ({ line, who, responsibility, message }));
const IT = '{id: s, name: S, roles: [system-administrator]}';

describe('external-oversight', () => {
  it('asks a vCISO for its internal owner, and credits it with the CISO duties', () => {
    const text = teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: m, name: M, roles: [security-manager], reportsTo: v}', '{id: a, name: A, roles: [security-analyst]}', IT]);
    const result = checkTeam(text);
    expect(result.coverage.filter((e) => e.role === 'ciso').map((e) => [e.status, e.members])).toEqual(Array(5).fill(['external', ['v']]));
    expect(found(['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: m, name: M, roles: [security-manager], reportsTo: v}', '{id: a, name: A, roles: [security-analyst]}', IT])).toEqual([
      { line: 6, who: ['v'], responsibility: undefined, message: 'V (v, external: Bastion) is a provider with no internal owner: set `reportsTo` to the internal member who owns the contract and oversees its work' },
    ]);
  });

  it('accepts a provider whose reportsTo names an internal member', () => {
    expect(found(['{id: m, name: M, roles: [security-manager]}', '{id: v, name: V, roles: [ciso], provider: Bastion, reportsTo: m}', IT])).toEqual([]);
  });

  it('warns when monitoring and response are outsourced and nobody inside owns the incident response plan', () => {
    const result = found(['{id: c, name: C, roles: [cio]}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: c}', IT]);
    // The CIO takes the Security Manager's duties in a small organization, so it owns the plan: nothing to say.
    expect(result).toEqual([]);
    const noOwner = found(['{id: m, name: M, roles: [security-manager], covers: [security-manager.vision]}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: m}', IT]);
    expect(noOwner.map((f) => f.responsibility)).toEqual(['security-manager.incident-response-plan']);
    // With no security lead on the staff at all, missing-role's finding names the plan among the lead's duties instead.
    const noLead = teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion, reportsTo: s}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: s}', IT]);
    expect(found(['{id: v, name: V, roles: [ciso], provider: Bastion, reportsTo: s}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: s}', IT])).toEqual([]);
    expect(checkTeam(noLead).findings.find((f) => f.ruleId === 'missing-role' && f.role === undefined)?.responsibilities).toContain('security-manager.incident-response-plan');
  });
});

describe('provider owners and reporting loops', () => {
  it('a vCISO owned by the Security Manager who reports to it is oversight, not a reporting loop', () => {
    const text = teamYaml({ employees: 100 }, ['{id: v, name: V, roles: [ciso], provider: Bastion, reportsTo: m}', '{id: m, name: M, roles: [security-manager], reportsTo: v}', '{id: a, name: A, roles: [security-analyst], reportsTo: m}', IT]);
    expect(checkTeam(text).findings.filter((f) => ['reporting-cycle', 'external-oversight', 'reporting-line'].includes(f.ruleId))).toEqual([]);
    const internalLoop = teamYaml({ employees: 100 }, ['{id: c, name: C, roles: [ciso], reportsTo: m}', '{id: m, name: M, roles: [security-manager], reportsTo: c}', IT]);
    expect(checkTeam(internalLoop).findings.map((f) => f.ruleId)).toContain('reporting-cycle');
  });

  it('reports a provider overseen by someone of the same provider, and not by another firm', () => {
    const members = (firm: string) => [
      '{id: coo, name: Lena, roles: [security-manager]}',
      '{id: v, name: Rob, roles: [ciso], provider: Keel Advisory, reportsTo: coo}',
      `{id: mdr, name: Keel MDR, roles: [security-analyst], provider: ${firm}, hours: 24x7, reportsTo: v}`,
      IT,
    ];
    expect(found(members('keel advisory '))).toEqual([
      { line: 8, who: ['mdr', 'v'], responsibility: undefined, message: 'Keel MDR (mdr, external: keel advisory) is overseen by Rob (v, external: Keel Advisory), of the same provider: the firm then judges its own work; let a member of staff own the contract' },
    ]);
    expect(found(members('Pillar'))).toEqual([]);
  });

  it('notes a managed SOC owned by IT staff while the team has a security lead', () => {
    const team = (owner: string) => ['{id: m, name: Vik, roles: [security-manager]}', '{id: s, name: Xi, roles: [system-administrator]}', `{id: mdr, name: Glacier MDR, roles: [security-analyst], provider: Glacier, hours: 24x7, reportsTo: ${owner}}`];
    expect(found(team('s'))).toEqual([
      { line: 8, who: ['mdr', 's'], responsibility: undefined, message: 'Glacier MDR (mdr, external: Glacier) is owned by Xi (s), who runs systems it watches: let the security lead (Vik) own the contract and receive its escalations' },
    ]);
    expect(checkTeam(teamYaml({ employees: 100 }, team('s'))).findings.find((f) => f.ruleId === 'external-oversight')?.severity).toBe('info');
    expect(found(team('m'))).toEqual([]);
    // Nobody in security to own it instead: the IT owner is who there is.
    expect(found(['{id: c, name: C, roles: [cio]}', '{id: s, name: Xi, roles: [system-administrator]}', '{id: mdr, name: Glacier MDR, roles: [security-analyst], provider: Glacier, reportsTo: s}'])).toEqual([]);
  });
});
