import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

const lead = '{id: lead, name: Lead, roles: [security-manager]}';
const analyst = '{id: ana, name: Ana, roles: [security-analyst]}';
const provider = (fields: string) => `{id: mdr, name: MDR, roles: [security-analyst], provider: Acme MDR, ${fields}}`;

describe('out-of-hours', () => {
  it('gives a small business-hours team with nobody out of hours one info', () => {
    expect(ruleFindings(teamYaml({ employees: 80, monitoring: 'business-hours' }, [lead, analyst]), 'out-of-hours')).toEqual([
      {
        severity: 'info',
        line: 5,
        column: 3,
        role: undefined,
        responsibility: undefined,
        members: undefined,
        message: 'alerts are watched in business hours only and nobody responds outside them (128 of the 168 hours a week): consider automated containment or a managed detection and response service for nights and weekends',
      },
    ]);
  });

  it.each([
    ['a 24x7 on-call rotation', teamYaml({ employees: 80, response: '24x7-on-call' }, [lead, analyst])],
    ['a provider watching off-hours', teamYaml({ employees: 80, soc: 'hybrid' }, [lead, analyst, provider('hours: off-hours')])],
    ['a provider watching 24x7', teamYaml({ employees: 80, soc: 'hybrid' }, [lead, analyst, provider('hours: 24x7')])],
    ['a provider on call', teamYaml({ employees: 80, soc: 'hybrid' }, [lead, analyst, provider('onCall: true')])],
    ['24x7 monitoring', teamYaml({ employees: 80, monitoring: '24x7' }, [lead, analyst])],
    ['extended monitoring and an on-call rotation', teamYaml({ employees: 80, monitoring: 'extended', response: '24x7-on-call' }, [lead, analyst])],
    ['extended monitoring and a provider for the nights', teamYaml({ employees: 80, monitoring: 'extended', soc: 'hybrid' }, [lead, analyst, provider('hours: off-hours')])],
  ])('says nothing with %s', (_case, text) => {
    expect(ruleFindings(text, 'out-of-hours')).toEqual([]);
  });

  it.each([
    [600, 'warning', 'a medium'],
    [3000, 'error', 'a large'],
    [20000, 'error', 'an enterprise'],
  ])('gives %i employees with nobody out of hours a %s that asks for a rotation or a provider', (employees, severity, which) => {
    const [finding] = ruleFindings(teamYaml({ employees, monitoring: 'business-hours' }, [lead, analyst]), 'out-of-hours');
    expect(finding?.severity).toBe(severity);
    expect(finding?.message).toContain(`which ${which} organization cannot leave open: set up a 24x7 on-call rotation`);
  });

  it('is not satisfied by a provider that covers business hours only', () => {
    expect(ruleFindings(teamYaml({ employees: 80, soc: 'hybrid' }, [lead, analyst, provider('hours: business-hours')]), 'out-of-hours')).toHaveLength(1);
  });

  it('reports extended monitoring with nobody in the other 84 hours, as loud as business hours', () => {
    const [finding, ...rest] = ruleFindings(teamYaml({ employees: 4000, monitoring: 'extended' }, [lead, analyst]), 'out-of-hours');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe(
      'alerts are watched 84 hours a week (extended monitoring) and nobody watches or responds in the other 84, which a large organization cannot leave open: set up a 24x7 on-call rotation (response: 24x7-on-call, members with onCall: true) or contract a provider that monitors or responds with hours: off-hours or 24x7',
    );
  });

  it('is not satisfied by a provider around the clock that neither monitors nor responds (an IT service desk)', () => {
    const desk = '{id: desk, name: FixIT, roles: [system-administrator], provider: FixIT, hours: 24x7, onCall: true, reportsTo: lead}';
    expect(ruleFindings(teamYaml({ employees: 600, monitoring: 'business-hours' }, [lead, analyst, desk]), 'out-of-hours').map((f) => f.severity)).toEqual(['warning']);
  });

  it('is not satisfied by an analyst provider whose covers leaves monitoring and response out', () => {
    const vuln = provider('hours: 24x7, covers: [security-analyst.security-training]');
    expect(ruleFindings(teamYaml({ employees: 600, soc: 'hybrid' }, [lead, analyst, vuln]), 'out-of-hours')).toHaveLength(1);
  });

  it('reports 24x7 watching by a provider with nobody to respond at night, and not a SOC of the team\'s own', () => {
    const mdr = '{id: mdr, name: Falcon MDR, roles: [security-analyst], provider: Falcon, hours: 24x7, covers: [security-analyst.alert-monitoring], reportsTo: lead}';
    const engineer = '{id: e, name: E, roles: [security-engineer], reportsTo: lead}';
    const [finding, ...rest] = ruleFindings(teamYaml({ employees: 1500, monitoring: '24x7', soc: 'outsourced' }, [lead, engineer, mdr]), 'out-of-hours');
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/^alerts are watched 24x7 only by Falcon MDR, and nobody responds to what it finds outside business hours \(128 of the 168 hours a week\)/);
    // The same provider contracted for response too, or analysts of the team's own on shift: nothing.
    expect(ruleFindings(teamYaml({ employees: 1500, monitoring: '24x7', soc: 'outsourced' }, [lead, engineer, mdr.replace(', covers: [security-analyst.alert-monitoring]', '')]), 'out-of-hours')).toEqual([]);
    expect(ruleFindings(teamYaml({ employees: 1500, monitoring: '24x7' }, [lead, analyst]), 'out-of-hours')).toEqual([]);
  });

  it('is not satisfied by a provider on call that works business hours only', () => {
    const retainer = '{id: ir, name: IR Retainer, roles: [security-analyst], provider: Retainer, hours: business-hours, onCall: true, reportsTo: lead}';
    expect(ruleFindings(teamYaml({ employees: 700, monitoring: 'business-hours', soc: 'hybrid' }, [lead, analyst, retainer]), 'out-of-hours').map((f) => f.severity)).toEqual(['warning']);
  });

  it('reports a provider that watches at night beside a day team but is not credited with response, at any monitoring window', () => {
    const night = '{id: mdr, name: Moonlight, roles: [security-analyst], provider: Moonlight, hours: off-hours, covers: [security-analyst.alert-monitoring], reportsTo: lead}';
    const day = ['{id: a1, name: A1, roles: [security-analyst], reportsTo: lead}', '{id: a2, name: A2, roles: [security-analyst], reportsTo: lead}'];
    for (const monitoring of ['24x7', 'business-hours', 'extended']) {
      const findings = ruleFindings(teamYaml({ employees: 520, monitoring, soc: 'hybrid' }, [lead, ...day, night]), 'out-of-hours');
      expect(findings.map((f) => f.message)).toEqual([
        'outside business hours alerts are watched only by Moonlight, and nobody responds to what it finds then (128 of the 168 hours a week), which a medium organization cannot leave open: set up a 24x7 on-call rotation (response: 24x7-on-call, members with onCall: true) or contract the provider to respond as well (security-analyst.incident-response in its covers)',
      ]);
    }
    // Contracted for response as well, or with a rotation of the team's own: nothing.
    expect(ruleFindings(teamYaml({ employees: 520, monitoring: '24x7', soc: 'hybrid' }, [lead, ...day, night.replace('covers: [security-analyst.alert-monitoring], ', '')]), 'out-of-hours')).toEqual([]);
    expect(ruleFindings(teamYaml({ employees: 520, monitoring: '24x7', soc: 'hybrid', response: '24x7-on-call' }, [lead, ...day, night]), 'out-of-hours')).toEqual([]);
  });

  it('leaves hours nobody watches at all to the rules that count them', () => {
    // 24x7 declared, and the only provider works business hours: monitoring-staffing shows the 128 unwatched hours.
    const dayProvider = '{id: mdr, name: K12 Watch, roles: [security-analyst], provider: K12, hours: business-hours, reportsTo: lead}';
    const text = teamYaml({ employees: 450, monitoring: '24x7', soc: 'outsourced' }, [lead, dayProvider]);
    expect(ruleFindings(text, 'out-of-hours')).toEqual([]);
    expect(ruleFindings(text, 'monitoring-staffing').map((f) => f.severity)).toEqual(['warning']);
    // Nobody credited with monitoring at all: missing-role reports it.
    const nobody = teamYaml({ employees: 80, monitoring: 'business-hours', soc: 'none' }, ['{id: o, name: O, roles: [it-operations-manager]}']);
    expect(ruleFindings(nobody, 'out-of-hours')).toEqual([]);
    expect(ruleFindings(nobody, 'missing-role').map((f) => f.message).join('\n')).toContain('alert-monitoring');
  });
});
