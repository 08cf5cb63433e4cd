import { sizeForEmployees, sizeRank } from '../catalog/index.js';
import { withArticle, formatCount } from '../util/words.js';
import type { Problem, Rule } from './types.js';

/**
 * A declared `organization.size` below the band of the employee count. Every
 * rule grades its findings by the size, so a smaller size turns warnings into
 * infos and errors into warnings: a way past a CI gate that a reviewer should
 * see. A larger declared size (stricter grading) is a choice, and passes.
 */
export const declaredSize: Rule = {
  id: 'declared-size',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'The organization declares a size below the band of its employee count, which grades every finding more mildly.',
    rationale:
      'Size decides how loud each gap is: a missing CISO is a note for 120 people and an error for 5,000. `organization.size` may set the size where the employee count misleads (a security division filed with its parent\'s headcount, a count that is about to change), and declaring a larger size than the count gives is a choice for stricter grading. Declaring a smaller one softens every finding of the file, so it is reported: the reader of a passing check should know that it passed at a size the organization does not have.',
    authority: [
      { authority: 'secops-team', note: 'the size bands: fewer than 250 employees small (the EU SME bound), 250 to 999 medium, 1,000 to 9,999 large, 10,000 and more enterprise (after MITRE\'s SOC strategies, 2014 and 2022)' },
    ],
    fix: 'Remove `size` so that the employee count sets it, correct `employees`, or record an exception whose reason says why the smaller size is right.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 5000
  size: small
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso, security-manager]
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 180
  size: medium
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso, security-manager]
`,
    },
  },
  check({ team }) {
    const org = team.organization;
    if (org.sizeDerived) return [];
    const counted = sizeForEmployees(org.employees);
    if (sizeRank(org.size) >= sizeRank(counted)) return [];
    const problem: Problem = {
      pointer: '/organization/size',
      anchor: 'value',
      message: `organization.size is ${org.size}, but ${formatCount(org.employees)} employees make ${withArticle(counted)} organization: every finding is graded as for ${withArticle(org.size)} one; remove size, or record why the smaller size is right`,
    };
    return [problem];
  },
};
