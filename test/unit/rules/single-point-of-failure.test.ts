import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

const base = ['{id: c, name: C, roles: [ciso]}', '{id: m, name: M, roles: [security-manager], reportsTo: c}', '{id: e, name: E, roles: [security-engineer]}', '{id: s, name: S, roles: [system-administrator]}', '{id: o, name: O, roles: [it-operations-manager]}', '{id: y, name: Y, roles: [system-analyst]}'];
const found = (employees: number, extra: string[], members = base) =>
  checkTeam(teamYaml({ employees }, [...members, ...extra]), { today: '2026-06-01' }).findings.filter((f) => f.ruleId === 'single-point-of-failure').map(({ members: who, responsibilities, message }) => ({ who, responsibilities, message }));

describe('single-point-of-failure', () => {
  it('gives one finding per person, listing monitoring and response resting on one analyst', () => {
    expect(found(600, ['{id: a, name: A, roles: [security-analyst]}'])).toEqual([
      { who: ['a'], responsibilities: ['security-analyst.alert-monitoring', 'security-analyst.incident-response'], message: 'A (a) is the only one for security-analyst.alert-monitoring and security-analyst.incident-response, with no second internal holder and no provider credited with them' },
    ]);
  });

  it.each([
    ['two analysts', ['{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}']],
    ['one analyst and an MSSP credited with monitoring and response by default', ['{id: a, name: A, roles: [security-analyst]}', '{id: p, name: P, roles: [security-analyst], provider: MSSP, reportsTo: m}']],
    ['a small organization whose one analyst has a provider beside', ['{id: a, name: A, roles: [security-analyst]}', '{id: p, name: P, roles: [security-analyst], provider: MDR, hours: off-hours, reportsTo: m}']],
  ])('says nothing for %s', (name, extra) => {
    expect(found(name.startsWith('a small organization') ? 100 : 600, extra)).toEqual([]);
  });

  it('does not count a provider not credited with the duty, nor organization.soc alone', () => {
    const result = found(600, ['{id: a, name: A, roles: [security-analyst]}', '{id: p, name: P, roles: [security-analyst], provider: Trainers, reportsTo: m, covers: [security-analyst.security-training]}']);
    expect(result.map((f) => f.responsibilities)).toEqual([['security-analyst.alert-monitoring', 'security-analyst.incident-response']]);
  });

  it('counts the fallback holder as the second for leadership: a lone CISO above a Security Manager is no single point of failure', () => {
    expect(found(600, ['{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}'])).toEqual([]);
  });

  it('reports a Security Manager who carries the lead duties with nobody to step in, once', () => {
    const members = ['{id: m, name: M, roles: [security-manager]}', '{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}', '{id: s, name: S, roles: [system-administrator]}', '{id: o, name: O, roles: [it-operations-manager]}'];
    // The CISO duty M absorbs is absorbed-duties' finding about the missing CISO (a warning from medium size up): one cause, one finding.
    expect(found(600, [], members)).toEqual([
      { who: ['m'], responsibilities: ['security-manager.soc-oversight', 'security-manager.incident-response-plan'], message: 'M (m) is the only one for security-manager.soc-oversight and security-manager.incident-response-plan, with nobody in a fallback role to step in' },
    ]);
  });

  it('names a provider credited with a hands-on duty that works off-hours only, instead of saying none is', () => {
    const night = '{id: n, name: NightWatch, roles: [security-analyst], provider: NightWatch, hours: off-hours, reportsTo: m}';
    const [finding] = found(600, ['{id: a, name: A, roles: [security-analyst]}', night]).filter((f) => f.who?.includes('a'));
    expect(finding?.message).toBe('A (a) is the only one for security-analyst.alert-monitoring and security-analyst.incident-response, with no second internal holder and NightWatch, credited with them, works off-hours only');
  });

  it('says which duties an off-hours provider is credited with, where it is not all of them', () => {
    const night = '{id: n, name: NightWatch, roles: [security-analyst], provider: NightWatch, hours: off-hours, covers: [security-analyst.alert-monitoring], reportsTo: m}';
    const [finding] = found(600, ['{id: a, name: A, roles: [security-analyst]}', night]).filter((f) => f.who?.includes('a'));
    expect(finding?.message).toBe('A (a) is the only one for security-analyst.alert-monitoring and security-analyst.incident-response, with no second internal holder and NightWatch (credited with alert-monitoring only) works off-hours only');
  });

  it('leaves hands-on duties an engineer only absorbs from missing analysts to absorbed-duties', () => {
    const members = ['{id: m, name: M, roles: [security-manager]}', '{id: c, name: C, roles: [ciso]}', '{id: e, name: E, roles: [security-engineer]}', '{id: s, name: S, roles: [system-administrator]}', '{id: o, name: O, roles: [it-operations-manager]}'];
    expect(found(600, [], members)).toEqual([]);
  });

  it('in a small organization, notes a lone holder of monitoring and response only where no provider has them at all', () => {
    const one = ['{id: j, name: Jay, roles: [ciso, security-manager, security-engineer, security-analyst]}', '{id: t, name: T, roles: [it-operations-manager]}'];
    expect(found(90, [], one)).toEqual([
      {
        who: ['j'],
        responsibilities: ['security-analyst.alert-monitoring', 'security-analyst.incident-response'],
        message: 'Jay (j) is the only one for security-analyst.alert-monitoring and security-analyst.incident-response, with no second internal holder and no provider credited with them; at this size a managed detection and response service or an incident response retainer is the usual second',
      },
    ]);
    const ruleFinding = checkTeam(teamYaml({ employees: 90 }, one), { today: '2026-06-01' }).findings.find((f) => f.ruleId === 'single-point-of-failure');
    expect(ruleFinding?.severity).toBe('info');
    // Any provider for them, even one for nights only, is the usual remedy at this size; leadership duties are not checked.
    expect(found(90, [], [...one, '{id: n, name: N, roles: [security-analyst], provider: N, hours: off-hours, reportsTo: j}'])).toEqual([]);
  });

  it('says when the only holder works part-time', () => {
    const [finding] = found(600, ['{id: a, name: A, roles: [security-analyst], fte: 0.4}']);
    expect(finding?.message).toBe('A (a), working 0.4 FTE, is the only one for security-analyst.alert-monitoring and security-analyst.incident-response, with no second internal holder and no provider credited with them');
  });
});
