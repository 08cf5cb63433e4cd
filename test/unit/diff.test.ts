import { describe, expect, it } from 'vitest';
import { diffTeams, isComparable, statusRank, STATUS_ORDER, type TeamDiff } from '../../src/diff/diff.js';
import type { CoverageStatus, FileResult } from '../../src/findings.js';
import { checkTeam } from '../../src/lint.js';
import { teamYaml } from '../helpers.js';

const TODAY = '2026-06-01';

function checked(text: string, file: string): FileResult & Required<Pick<FileResult, 'team'>> {
  const result = checkTeam(text, { file, today: TODAY });
  if (!isComparable(result)) throw new Error(`${file} is not comparable: ${JSON.stringify(result.findings)}`);
  return result;
}

function diff(before: string, after: string): TeamDiff {
  return diffTeams(checked(before, 'before.yaml'), checked(after, 'after.yaml'));
}

// A medium team with two analysts, a manager, an engineer and IT.
const BASE = [
  '{id: cara, name: Cara, roles: [ciso]}',
  '{id: mo, name: Mo, roles: [security-manager], reportsTo: cara}',
  '{id: eng, name: Eng, roles: [security-engineer], reportsTo: mo}',
  '{id: ana, name: Ana, roles: [security-analyst], reportsTo: mo}',
  '{id: bo, name: Bo, roles: [security-analyst], reportsTo: mo}',
  '{id: ops, name: Ops, roles: [it-operations-manager]}',
  '{id: sys, name: Sys, roles: [system-administrator], reportsTo: ops}',
  '{id: syn, name: Syn, roles: [system-analyst], reportsTo: ops}',
];
const medium = (members: string[], org: Partial<{ employees: number; soc: string }> = {}) => teamYaml({ employees: 600, ...org }, members);
const without = (...ids: string[]) => BASE.filter((m) => !ids.some((id) => m.startsWith(`{id: ${id},`)));

describe('the status order', () => {
  it('ranks covered > external > absorbed > uncovered, and leaves not-applicable out', () => {
    expect(STATUS_ORDER).toEqual(['covered', 'external', 'absorbed', 'uncovered']);
    const ranks = (['covered', 'external', 'absorbed', 'uncovered', 'not-applicable'] as CoverageStatus[]).map(statusRank);
    expect(ranks).toEqual([0, 1, 2, 3, undefined]);
  });
});

describe('diffTeams', () => {
  it('finds nothing between a file and itself', () => {
    const d = diff(medium(BASE), medium(BASE));
    expect(d.members).toEqual({ added: [], removed: [], changed: [] });
    expect(d.coverage).toEqual([]);
    expect(d.findings).toEqual({ added: [], removed: [], changed: [] });
    expect(d.regression).toEqual({ regressed: false, worse: [], newErrors: 0 });
  });

  it('lists members added, removed and changed, field by field; the order of roles is not a change', () => {
    const before = medium([...BASE, '{id: old, name: Old, roles: [system-administrator, system-analyst]}']);
    const after = medium([
      ...BASE.map((m) => (m.startsWith('{id: bo,') ? '{id: bo, name: Bo B., roles: [security-analyst], tier: 2, reportsTo: ana, provider: Acme MSSP, fte: 0.5}' : m)),
      '{id: old, name: Old, roles: [system-analyst, system-administrator]}',
      '{id: new, name: New, roles: [security-engineer], title: SIEM Engineer}',
    ]);
    const d = diff(before, after);
    expect(d.members.added.map((m) => m.id)).toEqual(['new']);
    expect(d.members.removed).toEqual([]);
    expect(d.members.changed).toEqual([
      {
        id: 'bo',
        name: 'Bo B.',
        changes: [
          { field: 'name', before: 'Bo', after: 'Bo B.' },
          { field: 'reportsTo', before: 'mo', after: 'ana' },
          { field: 'tier', after: 2 },
          { field: 'fte', before: 1, after: 0.5 },
          { field: 'provider', after: 'Acme MSSP' },
        ],
      },
    ]);
    expect(diff(medium(BASE), medium(without('syn'))).members.removed.map((m) => m.id)).toEqual(['syn']);
  });

  it('reports a status change per responsibility, classified by the order', () => {
    // Without analysts, the engineer absorbs monitoring and response, the Security Manager plans and training (all worse).
    const d = diff(medium(BASE), medium(without('ana', 'bo')));
    const byDuty = Object.fromEntries(d.coverage.map((c) => [c.responsibility, `${c.change}: ${c.before.status} → ${c.after.status}`]));
    expect(byDuty['security-analyst.alert-monitoring']).toBe('worse: covered → absorbed');
    expect(byDuty['security-analyst.security-training']).toBe('worse: covered → absorbed');
    expect(d.coverage).toHaveLength(7);
    // And back again: better.
    const back = diff(medium(without('ana', 'bo')), medium(BASE));
    expect(back.coverage.every((c) => c.change === 'better')).toBe(true);
    expect(back.regression.regressed).toBe(false);
  });

  it('calls covered → external worse and external → covered better', () => {
    const outsourced = medium([...without('ana', 'bo'), '{id: soc, name: SOC, roles: [security-analyst], provider: Acme MSSP}']);
    const worse = diff(medium(BASE), outsourced);
    // The MSSP is credited with monitoring and response by default; training and plans fall to the Security Manager.
    expect(new Set(worse.coverage.map((c) => `${c.change} ${c.before.status}→${c.after.status}`))).toEqual(new Set(['worse covered→external', 'worse covered→absorbed']));
    expect(diff(outsourced, medium(BASE)).coverage.every((c) => c.change === 'better')).toBe(true);
  });

  it('treats a change to or from not-applicable as neutral, not a regression', () => {
    // Give the Security Manager the CISO role as well: report-to-ciso stops applying, and back.
    const both = medium(BASE.map((m) => (m.startsWith('{id: mo,') ? '{id: mo, name: Mo, roles: [security-manager, ciso], reportsTo: cara}' : m)).filter((m) => !m.startsWith('{id: cara,')).map((m) => m.replace('reportsTo: cara', '')));
    const d = diff(medium(BASE), both);
    const report = d.coverage.find((c) => c.responsibility === 'security-manager.report-to-ciso');
    expect(report).toMatchObject({ change: 'neutral', before: { status: 'covered' }, after: { status: 'not-applicable' } });
    expect(diff(both, medium(BASE)).coverage.find((c) => c.responsibility === 'security-manager.report-to-ciso')?.change).toBe('neutral');
  });

  it('reports a change of carriers with the same status, which is not a regression', () => {
    const d = diff(medium(BASE), medium(without('bo')));
    expect(d.coverage.every((c) => c.change === 'carriers' && c.before.status === 'covered' && c.after.status === 'covered')).toBe(true);
    expect(d.coverage.find((c) => c.responsibility === 'security-analyst.alert-monitoring')).toMatchObject({ before: { members: ['ana', 'bo'] }, after: { members: ['ana'] } });
    // ...but the lone analyst is now a single point of failure: a new warning.
    // ...but the lone analyst is now a single point of failure: one new warning for the person, listing both duties.
    expect(d.findings.added.map((f) => `${f.ruleId} ${f.severity} ${f.responsibilities?.join(',')}`)).toEqual(['single-point-of-failure warning security-analyst.alert-monitoring,security-analyst.incident-response']);
    expect(d.regression.regressed).toBe(false);
  });

  it('matches findings by what they are about, not by line: inserting members above moves no finding', () => {
    const lone = ['{id: ops, name: Ops, roles: [it-operations-manager]}', '{id: eng, name: Eng, roles: [security-engineer], reportsTo: ops}'];
    const before = teamYaml({ employees: 100 }, lone);
    const after = teamYaml({ employees: 100 }, ['{id: x1, name: X1, roles: [system-administrator]}', '{id: x2, name: X2, roles: [system-administrator]}', ...lone]);
    const a = checked(before, 'b');
    const b = checked(after, 'a');
    const line = (r: FileResult) => r.findings.find((f) => f.ruleId === 'reporting-line')?.line;
    expect(line(b)).toBeGreaterThan(line(a) ?? Infinity);
    const d = diffTeams(a, b);
    expect([...d.findings.added, ...d.findings.removed, ...d.findings.changed.map((c) => c.after)].filter((f) => f.ruleId === 'reporting-line')).toEqual([]);
  });

  it('tells apart two findings of one rule about different members', () => {
    const base = ['{id: ops, name: Ops, roles: [it-operations-manager]}'];
    const before = teamYaml({ employees: 100 }, [...base, '{id: e1, name: E1, roles: [security-engineer], reportsTo: ops}', '{id: e2, name: E2, roles: [security-engineer]}']);
    const after = teamYaml({ employees: 100 }, [...base, '{id: e1, name: E1, roles: [security-engineer]}', '{id: e2, name: E2, roles: [security-engineer], reportsTo: ops}']);
    const d = diff(before, after);
    expect(d.findings.removed.filter((f) => f.ruleId === 'reporting-line').map((f) => f.members)).toEqual([['e1']]);
    expect(d.findings.added.filter((f) => f.ruleId === 'reporting-line').map((f) => f.members)).toEqual([['e2']]);
  });

  it('reports a severity change as a changed finding, and a raise to error as a new error', () => {
    const small = teamYaml({ employees: 120 }, ['{id: d, name: D, roles: [security-manager]}', '{id: o, name: O, roles: [it-operations-manager]}']);
    const medium2 = small.replace('employees: 120', 'employees: 420');
    const d = diff(small, medium2);
    expect(d.organization).toEqual([
      { field: 'employees', before: 120, after: 420 },
      { field: 'size', before: 'small', after: 'medium' },
    ]);
    // Small: the Security Manager watches alerts as an additional duty. Medium: nobody does, a new error.
    const raised = d.findings.changed.filter((c) => c.before.severity !== 'error' && c.after.severity === 'error');
    expect(d.findings.added.filter((f) => f.severity === 'error').map((f) => f.role)).toEqual(['security-analyst']);
    expect(d.regression.newErrors).toBe(d.findings.added.filter((f) => f.severity === 'error').length + raised.length);
    expect(d.regression.regressed).toBe(true);
  });

  it('matches a finding whose list of people changed as one changed finding', () => {
    const team = (analysts: string[]) =>
      teamYaml({ employees: 4000, monitoring: '24x7' }, [
        '{id: c, name: C, roles: [ciso]}',
        '{id: m, name: M, roles: [security-manager], reportsTo: c}',
        '{id: e, name: E, roles: [security-engineer], reportsTo: m}',
        '{id: i, name: I, roles: [it-operations-manager]}',
        '{id: s, name: S, roles: [system-administrator], reportsTo: i}',
        '{id: y, name: Y, roles: [system-analyst], reportsTo: i}',
        '{id: v, name: V, roles: [cio]}',
        ...analysts.map((id) => `{id: ${id}, name: ${id.toUpperCase()}, roles: [security-analyst], reportsTo: m}`),
      ]);
    const d = diff(team(['a1', 'a2']), team(['a1', 'a2', 'a3']));
    const staffing = d.findings.changed.filter((c) => c.after.ruleId === 'monitoring-staffing');
    expect(staffing.map((c) => [c.before.members, c.after.members])).toEqual([[['a1', 'a2'], ['a1', 'a2', 'a3']]]);
    expect(d.findings.added.filter((f) => f.ruleId === 'monitoring-staffing')).toEqual([]);
  });

  it('counts each side: members, coverage and findings', () => {
    const d = diff(medium(BASE), medium(without('ana', 'bo')));
    expect(d.before).toMatchObject({ file: 'before.yaml', members: 8, coverage: { covered: 43, uncovered: 0 }, summary: { errors: 0 } });
    // Every analyst duty is taken over (engineer, Security Manager, IT operations): warnings, no error.
    expect(d.after).toMatchObject({ file: 'after.yaml', members: 6, coverage: { covered: 36, absorbed: 7, uncovered: 0 }, summary: { errors: 0 } });
    expect(d.after.summary.warnings).toBeGreaterThan(0);
  });
});

describe('isComparable', () => {
  it('refuses a file that fails the schema or repeats a member id', () => {
    expect(isComparable(checkTeam('version: 1\n'))).toBe(false);
    expect(isComparable(checkTeam(teamYaml({ employees: 10 }, ['{id: a, name: A, roles: [ciso]}', '{id: a, name: B, roles: [cio]}'])))).toBe(false);
    expect(isComparable(checkTeam(teamYaml({ employees: 10 }, ['{id: a, name: A, roles: [ciso]}'])))).toBe(true);
  });
});

/**
 * --fail-on-regression fails exactly when a status gets worse or a new error
 * appears; each row is one change and whether it must fail.
 */
describe('regression table', () => {
  const rows: [string, string, string, boolean][] = [
    ['no change', medium(BASE), medium(BASE), false],
    ['an analyst leaves, one remains (carriers change, new warnings only)', medium(BASE), medium(without('bo')), false],
    ['both analysts leave: duties absorbed or uncovered, new errors', medium(BASE), medium(without('ana', 'bo')), true],
    ['analysts come back', medium(without('ana', 'bo')), medium(BASE), false],
    ['the CISO leaves: duties absorbed by the Security Manager (worse)', medium(BASE), medium(without('cara').map((m) => m.replace(', reportsTo: cara', ''))), true],
    ['in-house analysts replaced by an MSSP (covered → external)', medium(BASE), medium([...without('ana', 'bo'), '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}']), true],
    ['an MSSP replaced by in-house analysts', medium([...without('ana', 'bo'), '{id: soc, name: SOC, roles: [security-analyst], provider: MSSP}']), medium(BASE), false],
    ['a member renamed and retitled', medium(BASE), medium(BASE.map((m) => m.replace('name: Ana,', 'name: Ana Lima, title: Analyst,'))), false],
    [
      'the organization grows into a size where existing gaps are errors',
      teamYaml({ employees: 120 }, ['{id: d, name: D, roles: [security-manager]}', '{id: o, name: O, roles: [it-operations-manager]}']),
      teamYaml({ employees: 420 }, ['{id: d, name: D, roles: [security-manager]}', '{id: o, name: O, roles: [it-operations-manager]}']),
      true,
    ],
    [
      'an exception accepts an existing error: it disappears, nothing new',
      medium(without('syn')),
      medium(without('syn')) + 'exceptions:\n  - {rule: missing-role, target: system-analyst, reason: hiring}\n  - {rule: uncovered-responsibility, reason: hiring}\n',
      false,
    ],
    [
      'an exception expires: a new expired-exception error',
      medium(without('syn')) + 'exceptions:\n  - {rule: out-of-hours, reason: on-call rota from May, expires: 2099-01-01}\n',
      medium(without('syn')) + 'exceptions:\n  - {rule: out-of-hours, reason: on-call rota from May, expires: 2020-01-01}\n',
      true,
    ],
  ];

  it.each(rows)('%s', (_name, before, after, regressed) => {
    expect(diff(before, after).regression.regressed).toBe(regressed);
  });
});
