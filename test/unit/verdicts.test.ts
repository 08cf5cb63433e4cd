/**
 * The verdicts a SOC manager would sign, end to end, and the bundled
 * templates' outputs as golden files.
 *
 * To update the golden files after a deliberate change of verdict:
 *   UPDATE_GOLDEN=1 npx vitest run test/unit/verdicts.test.ts
 * then review the diff of test/golden/templates/ like any other change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam, collect } from '../../src/lint.js';
import { format } from '../../src/index.js';
import { ROOT } from '../helpers.js';
import { severityLine, sizeLines } from '../../src/docs/rule-page.js';
import { ALL_RULES, findRule } from '../../src/rules/index.js';
import { SIZES } from '../../src/catalog/index.js';

const TODAY = '2026-06-01';
const org = (employees: number, extra = '') => `version: 1\norganization:\n  name: Acme\n  employees: ${employees}\n${extra}members:\n`;
const file = (employees: number, members: string[], extra = '') => org(employees, extra) + members.map((m) => `  - ${m}\n`).join('');
const check = (text: string) => checkTeam(text, { today: TODAY });

describe('verdicts', () => {
  it('a layered chain (manager -> director -> CISO) gives no reporting-line finding', () => {
    const text = file(2000, ['{id: c, name: C, roles: [ciso]}', '{id: dir, name: Dir, roles: [security-manager], reportsTo: c}', '{id: mgr, name: Mgr, roles: [security-manager], reportsTo: dir}', '{id: a, name: A, roles: [security-analyst], reportsTo: mgr}'], '  scope: security\n');
    expect(check(text).findings.filter((f) => f.ruleId === 'reporting-line')).toEqual([]);
    const broken = file(2000, ['{id: c, name: C, roles: [ciso]}', '{id: e, name: E, roles: [security-engineer], reportsTo: c}', '{id: mgr, name: Mgr, roles: [security-manager], reportsTo: e}'], '  scope: security\n');
    expect(check(broken).findings.filter((f) => f.ruleId === 'reporting-line').map((f) => f.members)).toEqual([['mgr']]);
  });

  it('scope: security without IT roles gives no IT finding, and the IT duties do not apply', () => {
    const text = file(600, ['{id: c, name: C, roles: [ciso]}', '{id: m, name: M, roles: [security-manager], reportsTo: c}', '{id: a, name: A, roles: [security-analyst]}', '{id: b, name: B, roles: [security-analyst]}', '{id: e, name: E, roles: [security-engineer]}'], '  scope: security\n');
    const result = check(text);
    // The one finding left is not about IT: a 600-person organization with nobody responding out of hours.
    expect(result.findings.map((f) => f.ruleId)).toEqual(['out-of-hours']);
    const it = result.coverage.filter((e) => ['it-operations-manager', 'system-administrator', 'system-analyst'].includes(e.role));
    expect(it.every((e) => e.status === 'not-applicable' && e.reason === 'out-of-scope')).toBe(true);
  });

  it('a 50-person organization without a security engineer gets no tool-orchestration warning', () => {
    const result = check(file(50, ['{id: d, name: D, roles: [security-manager]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}']));
    expect(result.coverage.find((e) => e.responsibility === 'security-engineer.tool-automation')).toMatchObject({ status: 'not-applicable', reason: 'not-expected' });
    expect(result.findings.filter((f) => f.message.includes('tool-automation'))).toEqual([]);
  });

  it('no Security Manager makes report-to-ciso not-applicable, not absorbed', () => {
    const result = check(file(100, ['{id: c, name: C, roles: [ciso]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}']));
    expect(result.coverage.find((e) => e.responsibility === 'security-manager.report-to-ciso')).toEqual({ responsibility: 'security-manager.report-to-ciso', role: 'security-manager', status: 'not-applicable', members: [], via: null, reason: 'not-meaningful' });
  });

  it('a vCISO is credited with the CISO duties and its internal owner is asked for', () => {
    const result = check(file(100, ['{id: v, name: V, roles: [ciso], provider: Bastion}', '{id: d, name: D, roles: [security-manager], reportsTo: v}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}']));
    expect(result.coverage.filter((e) => e.role === 'ciso').map((e) => e.status)).toEqual(Array(5).fill('external'));
    expect(result.findings.filter((f) => f.ruleId === 'external-oversight').map((f) => f.members)).toEqual([['v']]);
  });

  it('the security division (50 people, layered, scope: security) gives no finding at all', () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'teams', 'security-division.yaml'), 'utf8');
    const result = check(text);
    expect(result.team?.members).toHaveLength(50);
    expect(result.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(result.coverage.filter((e) => e.status === 'uncovered' || e.status === 'absorbed')).toEqual([]);
    expect(result.coverage.find((e) => e.responsibility === 'security-analyst.incident-response')?.members.at(-1)).toBe('dfir-retainer');
  });
});

describe('explanations come from the rules\' own tables', () => {
  it('claims no severity where a rule checks nothing, and the per-size text is the table the rule runs on', () => {
    const spof = findRule('single-point-of-failure');
    expect(spof && severityLine(spof)).toBe('Default severity: small info, medium warning, large warning, enterprise warning.');
    // A small organization really gets single-point-of-failure as information only.
    const small = check(file(100, ['{id: d, name: D, roles: [security-manager]}', '{id: a, name: A, roles: [security-analyst]}', '{id: s, name: S, roles: [system-administrator]}']));
    expect(small.findings.filter((f) => f.ruleId === 'single-point-of-failure').map((f) => f.severity)).toEqual(['info']);
    const declined = findRule('maturity-expectations');
    expect(declined && severityLine(declined)).toContain('small not checked');
    for (const rule of ALL_RULES) {
      const line = severityLine(rule);
      for (const size of SIZES) {
        const checked = rule.docs.sizes === undefined || rule.docs.sizes[size] !== undefined;
        expect(line).toContain(`${size} ${checked ? rule.severity[size] : 'not checked'}`);
      }
      if (rule.docs.sizes) expect(sizeLines(rule)).toHaveLength(4);
    }
  });

  it('cites every authority with an edition or a year', () => {
    const undated = ALL_RULES.flatMap((r) => r.docs.authority.filter((a) => !['seed', 'secops-team', 'staffing arithmetic', 'YAML 1.2'].includes(a.authority) && !/\d{4}|Rev\. \d|v\d/.test(a.authority)).map((a) => `${r.id}: ${a.authority}`));
    expect(undated).toEqual([]);
  });
});

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('templates (golden files)', () => {
  it.each(['small', 'medium', 'large', 'enterprise'])('%s', (name) => {
    const path = join(ROOT, 'templates', `${name}.yaml`);
    const result = collect([checkTeam(readFileSync(path, 'utf8'), { file: `templates/${name}.yaml`, today: TODAY })]);
    const outputs = { json: format(result, 'json'), txt: format(result, 'stylish') };
    for (const [ext, text] of Object.entries(outputs)) {
      const golden = join(ROOT, 'test', 'golden', 'templates', `${name}.${ext}`);
      if (UPDATE || !existsSync(golden)) writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('the small template (no CISO, a Security Manager) shows no per-duty noise', () => {
    const result = checkTeam(readFileSync(join(ROOT, 'templates', 'small.yaml'), 'utf8'), { today: TODAY });
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.role])).toEqual([
      ['absorbed-duties', 'info', 'ciso'],
      ['absorbed-duties', 'info', 'security-engineer'],
      ['absorbed-duties', 'info', 'system-analyst'],
    ]);
  });
});
