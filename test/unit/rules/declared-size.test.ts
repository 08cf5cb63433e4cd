import { describe, expect, it } from 'vitest';
import { ruleFindings } from '../../helpers.js';

const team = (employees: number, size?: string) =>
  `version: 1\norganization:\n  name: Acme\n  employees: ${employees}\n${size ? `  size: ${size}\n` : ''}members:\n  - {id: dana, name: Dana Reyes, roles: [ciso, security-manager]}\n`;

describe('declared-size', () => {
  it('warns when the declared size is below the band of the employee count, at the size', () => {
    expect(ruleFindings(team(5000, 'small'), 'declared-size')).toEqual([
      {
        severity: 'warning',
        line: 5,
        column: 9,
        role: undefined,
        responsibility: undefined,
        members: undefined,
        message: 'organization.size is small, but 5,000 employees make a large organization: every finding is graded as for a small one; remove size, or record why the smaller size is right',
      },
    ]);
    expect(ruleFindings(team(20000, 'medium'), 'declared-size')[0]?.message).toContain('20,000 employees make an enterprise organization');
  });

  it.each([
    ['no declared size', team(5000)],
    ['the size of the count', team(5000, 'large')],
    ['a larger size than the count (stricter grading)', team(180, 'medium')],
  ])('says nothing with %s', (_case, text) => {
    expect(ruleFindings(text, 'declared-size')).toEqual([]);
  });

  it('grades the other rules by the declared size all the same, and can be accepted by an exception', () => {
    const text = `${team(5000, 'small')}exceptions:\n  - rule: declared-size\n    reason: The file covers the 120-person subsidiary; the headcount is the group's\n    approvedBy: dana\n`;
    expect(ruleFindings(text, 'declared-size')).toEqual([]);
  });
});
