import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../../src/lint.js';
import { teamYaml } from '../../helpers.js';

// Small team, no CISO: one info absorbed-duties finding for ciso naming dana.
const members = ['{id: dana, name: Dana, roles: [security-manager]}', '{id: sam, name: Sam, roles: [system-administrator]}'];
const withExceptions = (block: string) => teamYaml({ employees: 120 }, members, block);
const absorbedCiso = (text: string, today = '2026-06-01') => checkTeam(text, { today });

describe('exceptions', () => {
  it('suppress a matching finding: out of the counts, into suppressed with the reason', () => {
    const text = withExceptions('exceptions:\n  - rule: absorbed-duties\n    target: ciso\n    reason: Dana is our CISO in all but name\n    approvedBy: dana\n    expires: 2026-12-31\n');
    const result = absorbedCiso(text);
    expect(result.findings.filter((f) => f.ruleId === 'absorbed-duties' && f.role === 'ciso')).toEqual([]);
    expect(result.suppressed.filter((f) => f.role === 'ciso')).toMatchObject([
      { ruleId: 'absorbed-duties', role: 'ciso', members: ['dana'], suppression: { reason: 'Dana is our CISO in all but name', approvedBy: 'dana', expires: '2026-12-31', exception: '/exceptions/0' } },
    ]);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('unused-exception');
  });

  it('match by member id as target too, and without a target match every finding of the rule', () => {
    const byMember = absorbedCiso(withExceptions('exceptions:\n  - {rule: separation-of-duties, target: sam, reason: compensating log review}\n'));
    expect(byMember.findings.map((f) => f.ruleId)).toContain('unused-exception'); // sam has no such finding
    // Every vacant role is absorbed in this small team: one absorbed-duties finding per role, all suppressed.
    const any = absorbedCiso(withExceptions('exceptions:\n  - {rule: absorbed-duties, reason: accepted for now}\n'));
    expect(any.findings.filter((f) => f.ruleId === 'absorbed-duties')).toEqual([]);
    expect(any.suppressed.map((f) => f.role).sort()).toEqual(['ciso', 'it-operations-manager', 'security-analyst', 'security-engineer', 'system-analyst']);
  });

  it('stop suppressing after expiry, with an expired-exception error at the exception', () => {
    const text = withExceptions('exceptions:\n  - rule: absorbed-duties\n    target: ciso\n    reason: accepted\n    expires: 2026-01-31\n');
    const result = absorbedCiso(text, '2026-02-01');
    expect(result.findings.filter((f) => f.ruleId === 'absorbed-duties' && f.role === 'ciso')).toHaveLength(1);
    expect(result.findings.filter((f) => f.ruleId === 'expired-exception')).toMatchObject([
      { severity: 'error', line: 9, column: 5, path: '/exceptions/0', message: 'the exception for absorbed-duties (ciso) expired on 2026-01-31 and no longer applies; review it and renew or remove it' },
    ]);
    // The last day is still covered.
    expect(absorbedCiso(text, '2026-01-31').findings.map((f) => f.ruleId)).not.toContain('expired-exception');
  });

  it('ask to remove an expired exception whose finding is gone, not to renew it', () => {
    const text = withExceptions('exceptions:\n  - rule: separation-of-duties\n    target: dana\n    reason: accepted\n    expires: 2026-01-31\n');
    const findings = absorbedCiso(text, '2026-02-01').findings.filter((f) => f.ruleId.endsWith('-exception'));
    expect(findings).toMatchObject([
      { ruleId: 'unused-exception', severity: 'warning', line: 9, path: '/exceptions/0', message: 'the exception for separation-of-duties (dana) expired on 2026-01-31 and matches no finding any more; remove it' },
    ]);
  });

  it('warn when an exception matches nothing, and say when the target is not an id', () => {
    const text = withExceptions('exceptions:\n  - {rule: monitoring-staffing, reason: not needed}\n  - {rule: absorbed-duties, target: cisco, reason: typo}\n');
    const unused = absorbedCiso(text).findings.filter((f) => f.ruleId === 'unused-exception');
    expect(unused.map(({ severity, line, path }) => ({ severity, line, path }))).toEqual([
      { severity: 'warning', line: 9, path: '/exceptions/0' },
      { severity: 'warning', line: 10, path: '/exceptions/1' },
    ]);
    expect(unused[1]?.message).toBe('the exception\'s target "cisco" is not a role, responsibility or member id, so it matches no absorbed-duties finding');
  });

  it('report an approver who is not a member', () => {
    const text = withExceptions('exceptions:\n  - {rule: absorbed-duties, reason: ok, approvedBy: nobody}\n');
    expect(absorbedCiso(text).findings.filter((f) => f.ruleId === 'unknown-member')).toMatchObject([{ severity: 'error', line: 9, path: '/exceptions/0/approvedBy' }]);
  });

  it('cannot name checks that cannot be turned off', () => {
    const text = withExceptions('exceptions:\n  - {rule: duplicate-member, reason: no}\n');
    expect(absorbedCiso(text).findings).toMatchObject([{ ruleId: 'schema', path: '/exceptions/0/rule' }]);
  });
});

describe('rule settings', () => {
  it('turn a rule off or change its severity', () => {
    const off = absorbedCiso(withExceptions('rules:\n  absorbed-duties: off\n  uncovered-responsibility: error\n'));
    expect(off.findings.map((f) => f.ruleId)).not.toContain('absorbed-duties');
    expect(off.findings.filter((f) => f.ruleId === 'uncovered-responsibility').every((f) => f.severity === 'error')).toBe(true);
  });

  it('report an unknown rule id with a suggestion, at its key', () => {
    const result = absorbedCiso(withExceptions('rules:\n  absorbed-duty: off\n'));
    expect(result.findings).toMatchObject([{ ruleId: 'schema', line: 9, column: 3, path: '/rules/absorbed-duty' }]);
    expect(result.findings[0]?.message).toMatch(/did you mean "absorbed-duties"\?/);
  });

  it('cannot turn off syntax, schema or reference checks', () => {
    for (const id of ['yaml-syntax', 'schema', 'duplicate-member', 'unknown-member', 'reporting-cycle']) {
      expect(absorbedCiso(withExceptions(`rules:\n  ${id}: off\n`)).findings[0]).toMatchObject({ ruleId: 'schema', path: `/rules/${id}` });
    }
  });
});

describe('checks that ran', () => {
  it('lists every stage that ran, without the rules turned off', () => {
    const result = absorbedCiso(withExceptions('rules:\n  analyst-tiers: off\n'));
    expect(result.checks.slice(0, 5)).toEqual(['yaml-syntax', 'schema', 'covers-outside-roles', 'duplicate-member', 'reporting-cycle']);
    expect(result.checks).not.toContain('analyst-tiers');
    expect(result.checks).toContain('single-point-of-failure');
    expect(result.checks.at(-1)).toBe('unused-exception');
  });

  it('stops where the file stopped', () => {
    expect(checkTeam('a: [').checks).toEqual(['yaml-syntax']);
    expect(checkTeam('version: 1\n').checks).toEqual(['yaml-syntax', 'schema']);
  });
});
