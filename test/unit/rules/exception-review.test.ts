import { describe, expect, it } from 'vitest';
import { ruleFindings, teamYaml } from '../../helpers.js';

// Small team, no CISO: Dana, the Security Manager, takes the CISO's duties (an absorbed-duties info).
const members = ['{id: dana, name: Dana, roles: [security-manager]}', '{id: omar, name: Omar, roles: [it-operations-manager]}', '{id: sam, name: Sam, roles: [system-administrator], reportsTo: omar}'];
const withException = (fields: string) => teamYaml({ employees: 120 }, members, `exceptions:\n  - {rule: absorbed-duties, target: ciso, reason: the board decides in spring${fields}}\n`);

describe('exception-review', () => {
  it('warns when the approver is the person the suppressed finding is about', () => {
    expect(ruleFindings(withException(', approvedBy: dana, expires: 2027-03-31'), 'exception-review')).toEqual([
      {
        severity: 'warning',
        line: 10,
        column: 92,
        role: undefined,
        responsibility: undefined,
        members: ['dana'],
        message: 'the exception for absorbed-duties (ciso) is approved by Dana (dana), the person its finding is about: let someone who answers for the risk above them approve it',
      },
    ]);
  });

  it('warns when the approver reports to the person the finding is about, or is a provider', () => {
    const text = (approver: string, extra: string) => teamYaml({ employees: 120 }, [...members, extra], `exceptions:\n  - {rule: absorbed-duties, target: ciso, reason: the board decides in spring, approvedBy: ${approver}, expires: 2027-03-31}\n`);
    const message = (approver: string, extra: string) => ruleFindings(text(approver, extra), 'exception-review').map((f) => f.message);
    expect(message('eve', '{id: eve, name: Eve, roles: [security-engineer], reportsTo: dana}')).toEqual([
      'the exception for absorbed-duties (ciso) is approved by Eve (eve), who reports to Dana (dana), the person its finding is about: let someone above them approve it',
    ]);
    expect(message('vc', '{id: vc, name: Vic, roles: [security-engineer], provider: Keel, reportsTo: omar}')).toEqual([
      'the exception for absorbed-duties (ciso) is approved by Vic (vc, external: Keel), a provider: the organization accepts its own risks; let a member of staff who owns the risk approve it',
    ]);
  });

  it('notes an exception with no expiry date', () => {
    expect(ruleFindings(withException(', approvedBy: omar'), 'exception-review').map(({ severity, line, message }) => ({ severity, line, message }))).toEqual([
      { severity: 'info', line: 10, message: 'the exception for absorbed-duties (ciso) has no expiry date, so nothing brings the finding back for review: add expires (YYYY-MM-DD)' },
    ]);
  });

  it('notes an exception without a target where its findings name one, and not for organization-wide findings', () => {
    const boss = '{id: boss, name: Bea, roles: [chief-executive]}';
    const ownRole = 'roles:\n  - {id: chief-executive, title: Chief Executive, duties: []}\n';
    const blanket = teamYaml({ employees: 120 }, [...members, boss], `${ownRole}exceptions:\n  - {rule: absorbed-duties, reason: accepted for now, approvedBy: boss, expires: 2027-03-31}\n`);
    expect(ruleFindings(blanket, 'exception-review').map((f) => f.message)).toEqual([
      "the exception for absorbed-duties has no target, so it accepts every absorbed-duties finding, today's and any new one: name the role, duty or member it is for (target)",
    ]);
    // out-of-hours is about the organization: there is nothing to name.
    const orgWide = teamYaml({ employees: 120 }, members, 'exceptions:\n  - {rule: out-of-hours, reason: automated containment, approvedBy: omar, expires: 2027-03-31}\n');
    expect(ruleFindings(orgWide, 'out-of-hours')).toEqual([]);
    expect(ruleFindings(orgWide, 'exception-review')).toEqual([]);
  });

  it('says nothing of an exception approved by someone else, with a date, nor of one that suppresses nothing', () => {
    expect(ruleFindings(withException(', approvedBy: omar, expires: 2027-03-31'), 'exception-review')).toEqual([]);
    // Matching no finding, it is unused-exception's alone.
    const stale = teamYaml({ employees: 120 }, members, 'exceptions:\n  - {rule: analyst-tiers, target: dana, reason: none, approvedBy: dana}\n');
    expect(ruleFindings(stale, 'exception-review')).toEqual([]);
    expect(ruleFindings(stale, 'unused-exception')).toHaveLength(1);
  });
});
