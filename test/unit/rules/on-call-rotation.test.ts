import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const lead = '{id: lead, name: Lead, roles: [ciso, security-manager]}';
const responders = (n: number) => Array.from({ length: n }, (_, i) => `{id: r${i}, name: R${i}, roles: [security-engineer], onCall: true}`);
const team = (response: string | undefined, members: string[], extra = '') => teamYaml({ employees: 600, ...(response ? { response } : {}) }, [lead, ...members], extra);

describe('on-call-rotation', () => {
  it('reports a 24x7 rotation of six people and names them', () => {
    expect(ruleFindings(team('24x7-on-call', responders(6)), 'on-call-rotation')).toEqual([
      {
        severity: 'warning',
        line: 5,
        column: 13,
        role: undefined,
        responsibility: undefined,
        members: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'],
        message: 'the 24x7 on-call rotation has 6 people (R0, R1, R2, R3, R4, R5); it needs about 8 to be sustainable with a second responder: add people or contract out-of-hours response',
      },
    ]);
  });

  it('turns a thin rotation behind a provider that responds out of hours into an info about escalation', () => {
    const mdr = '{id: mdr, name: NightWatch, roles: [security-analyst], provider: NightWatch, hours: off-hours, reportsTo: lead}';
    const [finding] = ruleFindings(team('24x7-on-call', [...responders(3), mdr]), 'on-call-rotation');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toBe('NightWatch responds out of hours; the internal escalation rotation behind it has 3 people (R0, R1, R2), and a rotation with a second responder needs about 8: add people, or agree with the provider how escalations are handled');
    // A provider for business hours only is no first responder at night.
    const day = mdr.replace('off-hours', 'business-hours');
    expect(ruleFindings(team('24x7-on-call', [...responders(3), day]), 'on-call-rotation')[0]?.severity).toBe('warning');
  });

  it.each([
    ['eight people', team('24x7-on-call', responders(8))],
    ['a provider in the rotation', team('24x7-on-call', [...responders(2), '{id: mdr, name: MDR, roles: [security-analyst], provider: Acme MDR, onCall: true}'])],
    ['business-hours response and nobody on call', team(undefined, responders(0))],
    ['six people, with the minimum set to six for a smaller rotation', team('24x7-on-call', responders(6), 'rules:\n  on-call-rotation: {minimum: 6}\n')],
  ])('says nothing for %s', (_case, text) => {
    expect(ruleFindings(text, 'on-call-rotation')).toEqual([]);
  });

  it('reads the minimum option: twelve for two sites', () => {
    expect(ruleFindings(team('24x7-on-call', responders(8), 'rules:\n  on-call-rotation: {minimum: 12}\n'), 'on-call-rotation')[0]?.message).toMatch(/has 8 people .*needs about 12/);
  });

  it('reports a 24x7 rotation with nobody in it', () => {
    expect(ruleFindings(team('24x7-on-call', []), 'on-call-rotation')).toMatchObject([
      { members: undefined, message: 'organization.response is 24x7-on-call but no member has onCall: true; a rotation needs about 8 people: mark who is on call' },
    ]);
  });

  it('says one person, not people', () => {
    expect(ruleFindings(team('24x7-on-call', responders(1)), 'on-call-rotation')[0]?.message).toMatch(/has 1 person \(R0\)/);
  });

  it('notes members on call when the team responds in business hours only, at the first one', () => {
    expect(ruleFindings(team('business-hours', responders(2)), 'on-call-rotation')).toEqual([
      {
        severity: 'info',
        line: 8,
        column: 52,
        role: undefined,
        responsibility: undefined,
        members: ['r0', 'r1'],
        message: 'R0, R1 are marked onCall but organization.response is business-hours: set organization.response to 24x7-on-call if they answer incidents out of hours, or remove onCall',
      },
    ]);
  });

  it('does not count a provider that works business hours only as the night rotation, onCall or not', () => {
    const provider = '{id: mssp, name: GlobalSec, roles: [security-analyst], provider: GlobalSec, hours: business-hours, onCall: true, reportsTo: lead}';
    const [finding, ...rest] = ruleFindings(team('24x7-on-call', [...responders(2), provider]), 'on-call-rotation');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.members).toEqual(['r0', 'r1']);
  });

  it('turns a thin escalation rotation behind an in-house SOC staffed around the clock into an info', () => {
    const analysts = Array.from({ length: 6 }, (_, i) => `{id: a${i}, name: A${i}, roles: [security-analyst], reportsTo: lead}`);
    const text = teamYaml({ employees: 600, monitoring: '24x7', response: '24x7-on-call' }, [lead, ...analysts, ...responders(4)]);
    const [finding, ...rest] = ruleFindings(text, 'on-call-rotation');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toBe('analysts on shift watch and respond around the clock; the internal escalation rotation behind them has 4 people (R0, R1, R2, R3), and a rotation with a second responder needs about 8: add people, or agree how escalations are handled');
    // Two analysts do not staff 24x7 (about 5.2 FTE a seat): the rotation answers first, and stays a warning.
    const thin = teamYaml({ employees: 600, monitoring: '24x7', response: '24x7-on-call' }, [lead, ...analysts.slice(0, 2), ...responders(4)]);
    expect(ruleFindings(thin, 'on-call-rotation').map((f) => f.severity)).toEqual(['warning']);
  });

  it('says when the only member marked onCall is a provider that works business hours only', () => {
    const provider = '{id: mssp, name: Sentinel SOC, roles: [security-analyst], provider: Sentinel, hours: business-hours, onCall: true, reportsTo: lead}';
    expect(ruleFindings(team('24x7-on-call', [provider]), 'on-call-rotation').map((f) => f.message)).toEqual([
      'organization.response is 24x7-on-call but the only member marked onCall (Sentinel SOC) works business hours only; a rotation needs about 8 people: mark who is on call',
    ]);
  });

  it('notes a rotation deep enough but with fewer than two people credited with incident response', () => {
    const it = (n: number) => Array.from({ length: n }, (_, i) => `{id: it${i}, name: IT${i}, roles: [system-administrator], onCall: true}`);
    const analyst = (onCall: boolean) => `{id: ana, name: Ana, roles: [security-analyst]${onCall ? ', onCall: true' : ''}}`;
    const brief = (members: string[]) => ruleFindings(team('24x7-on-call', members), 'on-call-rotation').map(({ severity, message }) => ({ severity, message }));
    expect(brief([analyst(false), ...it(8)])).toEqual([
      { severity: 'info', message: 'the 24x7 on-call rotation has 8 people, but none of them is credited with incident response: they can contain an incident but not handle it; put at least two incident responders on the rotation' },
    ]);
    expect(brief([analyst(true), ...it(7)])).toEqual([
      { severity: 'info', message: 'the 24x7 on-call rotation has 8 people, but only Ana is credited with incident response: the others can contain an incident but not handle it, and nobody covers for Ana; put at least two incident responders on the rotation' },
    ]);
    expect(brief([analyst(true), '{id: bo, name: Bo, roles: [security-analyst], onCall: true}', ...it(6)])).toEqual([]);
  });
});
