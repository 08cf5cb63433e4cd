import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { ruleFindings, teamYaml } from '../../helpers.js';

const analysts = (n: number, fte = 1, extra = '') => Array.from({ length: n }, (_, i) => `{id: a${i}, name: A${i}, roles: [security-analyst], fte: ${fte}${extra}}`);
const lead = '{id: lead, name: Lead, roles: [ciso, security-manager]}';
const provider = (hours?: string, fte?: number) =>
  `{id: mssp, name: Night SOC, roles: [security-analyst], provider: Acme MSSP, reportsTo: lead${hours ? `, hours: ${hours}` : ''}${fte !== undefined ? `, fte: ${fte}` : ''}}`;

/** The staffing figures of the rule's finding, or undefined when there is none. */
function figures(text: string) {
  return checkTeam(text, { today: '2026-06-01' }).findings.find((f) => f.ruleId === 'monitoring-staffing')?.staffing;
}

describe('monitoring-staffing', () => {
  it('does not count compliance staff whose covers leave out alert monitoring', () => {
    const compliance = Array.from({ length: 6 }, (_, i) => `{id: c${i}, name: C${i}, roles: [security-analyst], covers: [security-analyst.security-measures, security-analyst.preventive-measures]}`);
    const three = teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7' }, [lead, ...analysts(3)]);
    const withCompliance = teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7' }, [lead, ...analysts(3), ...compliance]);
    expect(figures(three)).toEqual({ neededFte: 5.2, internalFte: 3, providerHours: 0, shortfallFte: 2.2 });
    expect(figures(withCompliance)).toEqual(figures(three));
  });

  it('says the arithmetic in one line and carries the figures', () => {
    const text = teamYaml({ employees: 600, soc: 'in-house', monitoring: '24x7', seats: 2 }, [lead, ...analysts(4), '{id: p, name: P, roles: [security-analyst], fte: 0.5}']);
    const [finding] = checkTeam(text, { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'monitoring-staffing');
    expect(finding).toMatchObject({
      severity: 'warning',
      line: 6,
      column: 3,
      role: 'security-analyst',
      members: ['a0', 'a1', 'a2', 'a3', 'p'],
      message: '24x7 with 2 seats needs about 10.4 FTE (168 h a week × 2 seats ÷ 32.3 productive h a week per FTE); internal analysts give 4.5 and no provider covers off-hours: short about 10.4 − 4.5 = 5.9 FTE, or contract off-hours monitoring',
      staffing: { neededFte: 10.4, internalFte: 4.5, providerHours: 0, shortfallFte: 5.9 },
    });
  });

  it.each([
    ['a hybrid SOC: three analysts by day, a provider for off-hours', teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, ...analysts(3), provider('off-hours')])],
    ['business hours, one seat, one analyst (1.2 needed; 0.2 under the tolerance)', teamYaml({ employees: 120, soc: 'in-house' }, [lead, ...analysts(1)])],
    ['business hours stated, one analyst', teamYaml({ employees: 600, monitoring: 'business-hours' }, [lead, ...analysts(1)])],
    ['24x7 with 6 analysts for one seat (5.2 needed)', teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(6)])],
    ['a provider without hours, assumed to cover the whole window', teamYaml({ employees: 600, soc: 'outsourced', monitoring: '24x7' }, [lead, provider()])],
    ['a provider watching 24x7 at both seats', teamYaml({ employees: 600, soc: 'outsourced', monitoring: '24x7', seats: 2 }, [lead, provider('24x7')])],
    ['extended hours: analysts by day, a provider for the 44 evening and weekend hours', teamYaml({ employees: 600, soc: 'hybrid', monitoring: 'extended' }, [lead, ...analysts(1), provider('off-hours')])],
    ['nobody credited with alert monitoring (uncovered-responsibility reports it)', teamYaml({ employees: 600, monitoring: '24x7' }, [lead])],
    ['a hybrid SOC with no provider in the file (soc-model reports it)', teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, ...analysts(2)])],
  ])('says nothing for %s', (_case, text) => {
    expect(ruleFindings(text, 'monitoring-staffing')).toEqual([]);
  });

  it('counts a provider by its hours, not its FTE: fte 0.05 for business hours leaves the 24x7 nights open', () => {
    const text = teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, ...analysts(1), provider('business-hours', 0.05)]);
    expect(ruleFindings(text, 'monitoring-staffing').map((f) => f.message)).toEqual([
      '24x7 with 1 seat needs about 4.0 FTE ((168 h a week × 1 seat − 40 seat-hours providers cover) ÷ 32.3 productive h a week per FTE); internal analysts give 1.0 and providers cover business hours only: short about 4.0 − 1.0 = 3.0 FTE, or contract off-hours monitoring',
    ]);
    expect(figures(text)).toEqual({ neededFte: 4, internalFte: 1, providerHours: 40, shortfallFte: 3 });
  });

  it('needs twice the FTE for two seats', () => {
    const one = figures(teamYaml({ employees: 600, monitoring: '24x7', seats: 1 }, [lead, ...analysts(1)]));
    const two = figures(teamYaml({ employees: 600, monitoring: '24x7', seats: 2 }, [lead, ...analysts(1)]));
    expect(one?.neededFte).toBe(5.2);
    expect(two?.neededFte).toBe(10.4);
  });

  it.each([
    // [monitoring, seats, provider hours, needed FTE, provider seat-hours]
    ['24x7', 1, undefined, 5.2, 0],
    ['24x7', 3, undefined, 15.6, 0],
    ['extended', 1, undefined, 2.6, 0],
    ['extended', 2, 'off-hours', 2.5, 88],
    ['24x7', 2, 'off-hours', 2.5, 256],
    ['business-hours', 2, 'off-hours', 2.5, 0],
    ['business-hours', 2, undefined, 2.5, 0],
  ] as const)('%s with %i seats and a provider for %s: %d FTE needed internally, %i seat-hours from providers', (monitoring, seats, hours, needed, providerHours) => {
    const members = hours ? [lead, '{id: x, name: X, roles: [security-analyst, security-engineer], fte: 0.2}', provider(hours)] : [lead, '{id: x, name: X, roles: [security-analyst, security-engineer], fte: 0.2}'];
    expect(figures(teamYaml({ employees: 600, soc: hours ? 'hybrid' : 'in-house', monitoring, seats }, members))).toEqual({
      neededFte: needed,
      internalFte: 0.1,
      providerHours,
      shortfallFte: Math.round((needed - 0.1) * 10) / 10,
    });
  });

  it('splits a person across the roles they hold and weighs them by FTE', () => {
    const text = teamYaml({ employees: 600, monitoring: '24x7' }, [lead, '{id: x, name: X, roles: [security-analyst, security-engineer]}', ...analysts(4, 0.5)]);
    expect(figures(text)).toMatchObject({ internalFte: 2.5, shortfallFte: 2.7 });
  });

  it('reports a business-hours gap when the only watcher also leads the team', () => {
    const text = teamYaml({ employees: 120 }, ['{id: lead, name: Lead, roles: [security-manager, security-analyst]}']);
    expect(ruleFindings(text, 'monitoring-staffing').map((f) => f.message)).toEqual([
      'organization.monitoring is not set, so business hours are assumed: business-hours monitoring with 1 seat needs about 1.2 FTE (40 h a week × 1 seat ÷ 32.3 productive h a week per FTE); internal analysts give 0.5 and no provider covers business hours: short about 1.2 − 0.5 = 0.7 FTE, or contract business-hours monitoring',
    ]);
  });

  it('does not count off-hours providers toward business-hours monitoring', () => {
    const text = teamYaml({ employees: 120, soc: 'hybrid' }, ['{id: lead, name: Lead, roles: [security-manager, security-analyst]}', provider('off-hours')]);
    expect(figures(text)).toEqual({ neededFte: 1.2, internalFte: 0.5, providerHours: 0, shortfallFte: 0.7 });
  });

  it('names the fallback role when alert monitoring is absorbed', () => {
    const text = teamYaml({ employees: 600, monitoring: '24x7' }, [lead, '{id: e1, name: E1, roles: [security-engineer]}', '{id: e2, name: E2, roles: [security-engineer]}']);
    expect(ruleFindings(text, 'monitoring-staffing')).toMatchObject([
      { members: ['e1', 'e2'], message: '24x7 with 1 seat needs about 5.2 FTE (168 h a week × 1 seat ÷ 32.3 productive h a week per FTE); security-engineer holders give 2.0 and no provider covers off-hours: short about 5.2 − 2.0 = 3.2 FTE, or contract off-hours monitoring' },
    ]);
  });

  it('suggests a provider for all hours when internal staff cannot cover business hours either', () => {
    const text = teamYaml({ employees: 600, monitoring: '24x7', seats: 2 }, [lead, ...analysts(1)]);
    expect(ruleFindings(text, 'monitoring-staffing')[0]?.message).toBe(
      '24x7 with 2 seats needs about 10.4 FTE (168 h a week × 2 seats ÷ 32.3 productive h a week per FTE); internal analysts give 1.0 and no provider covers any of these hours: short about 10.4 − 1.0 = 9.4 FTE, or contract monitoring from a provider',
    );
  });

  it('never counts on-call hours as monitoring, but counts the on-call people by day', () => {
    const rotation = analysts(3, 1, ', onCall: true');
    const text = teamYaml({ employees: 600, monitoring: '24x7', response: '24x7-on-call' }, [lead, ...rotation]);
    expect(figures(text)).toEqual({ neededFte: 5.2, internalFte: 3, providerHours: 0, shortfallFte: 2.2 });
  });

  it.each([
    ['large, at least one FTE short', 2000, analysts(4), 'error'],
    ['large, under one FTE short', 2000, analysts(4, 1).concat('{id: h, name: H, roles: [security-analyst], fte: 0.6}'), 'warning'],
    ['enterprise', 20_000, analysts(2), 'error'],
    ['small', 100, analysts(2), 'warning'],
    ['medium', 600, analysts(2), 'warning'],
  ])('grades a %s shortfall as %s', (_case, employees, members, severity) => {
    const found = ruleFindings(teamYaml({ employees, monitoring: '24x7' }, [lead, ...members]), 'monitoring-staffing');
    expect(found.map((f) => f.severity)).toEqual([severity]);
  });

  it('tells a small organization that does not set monitoring (an info), and warns one that sets it', () => {
    const lone = ['{id: lead, name: Lead, roles: [security-manager, security-analyst]}'];
    expect(ruleFindings(teamYaml({ employees: 120 }, lone), 'monitoring-staffing').map((f) => f.severity)).toEqual(['info']);
    expect(ruleFindings(teamYaml({ employees: 120, monitoring: 'business-hours' }, lone), 'monitoring-staffing').map((f) => f.severity)).toEqual(['warning']);
    expect(ruleFindings(teamYaml({ employees: 600 }, lone), 'monitoring-staffing').map((f) => f.severity)).toEqual(['warning']);
  });

  it('counts engineers (the fallback) for the working week beside a provider that works off-hours only', () => {
    const night = '{id: n, name: N, roles: [security-analyst], provider: NightWatch, hours: off-hours, reportsTo: lead}';
    const engineers = ['{id: e1, name: E1, roles: [security-engineer]}', '{id: e2, name: E2, roles: [security-engineer]}'];
    expect(ruleFindings(teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7', seats: 2 }, [lead, night, ...engineers.slice(0, 1)]), 'monitoring-staffing').map((f) => f.message)).toEqual([
      '24x7 with 2 seats needs about 2.5 FTE ((168 h a week × 2 seats − 256 seat-hours providers cover) ÷ 32.3 productive h a week per FTE); security-engineer holders give 1.0 and no provider covers business hours: short about 2.5 − 1.0 = 1.5 FTE, or contract business-hours monitoring',
    ]);
    expect(ruleFindings(teamYaml({ employees: 600, soc: 'hybrid', monitoring: '24x7' }, [lead, night, ...engineers]), 'monitoring-staffing')).toEqual([]);
  });

  it('points at the organization key when monitoring is not written', () => {
    const text = teamYaml({ employees: 120 }, ['{id: lead, name: Lead, roles: [security-manager, security-analyst]}']);
    expect(ruleFindings(text, 'monitoring-staffing')).toMatchObject([{ line: 2, column: 1 }]);
  });

  describe('options', () => {
    const team = (rules: string) => teamYaml({ employees: 600, monitoring: '24x7' }, [lead, ...analysts(3)], `rules:\n  ${rules}\n`);

    it('reads productiveHoursPerYear', () => {
      expect(figures(team('monitoring-staffing: {severity: warning, productiveHoursPerYear: 1800}'))).toEqual({ neededFte: 4.9, internalFte: 3, providerHours: 0, shortfallFte: 1.9 });
    });

    it('reads tolerance: a 2.2 FTE shortfall under a tolerance of 3 is not reported', () => {
      expect(figures(team('monitoring-staffing: {tolerance: 3}'))).toBeUndefined();
      expect(figures(team('monitoring-staffing: {tolerance: 2}'))?.shortfallFte).toBe(2.2);
    });

    it('sets the severity in the mapping form, and keeps the string form', () => {
      expect(ruleFindings(team('monitoring-staffing: {severity: error, tolerance: 1}'), 'monitoring-staffing').map((f) => f.severity)).toEqual(['error']);
      expect(ruleFindings(team('monitoring-staffing: info'), 'monitoring-staffing').map((f) => f.severity)).toEqual(['info']);
      expect(ruleFindings(team('monitoring-staffing: {severity: off}'), 'monitoring-staffing')).toEqual([]);
      expect(ruleFindings(team('monitoring-staffing: off'), 'monitoring-staffing')).toEqual([]);
    });
  });
});
