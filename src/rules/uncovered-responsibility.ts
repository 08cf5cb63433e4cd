import { findResponsibility, isExpected } from '../catalog/index.js';
import type { Problem, Rule } from './types.js';
import { TEAM_WIDE } from './util.js';

export const uncoveredResponsibility: Rule = {
  id: 'uncovered-responsibility',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'A documented duty that nobody holds or absorbs.',
    rationale:
      'Each responsibility in the catalog is something the source expects a SecOps team to do; when no member holds its role and no fallback role is filled, nobody does it. It is an error when the duty\'s role is expected at the organization\'s size (see missing-role), a warning otherwise.',
    authority: [
      { authority: 'seed', note: 'the responsibilities listed for each SecOps role' },
      { authority: 'NIST NICE Framework v2.0.0', note: 'tasks of the matching work roles' },
    ],
    fix: 'Give the duty an owner: a member holding its role, or one of its fallback roles (`secops-team explain <responsibility>` lists them). Accept it with an exception if the organization has decided not to do it.',
  },
  check({ coverage, team }) {
    const problems: Problem[] = [];
    const size = team.organization.size;
    for (const entry of coverage) {
      if (entry.status !== 'uncovered') continue;
      const duty = findResponsibility(entry.responsibility);
      const expected = isExpected(entry.role, size);
      const fallbacks = (duty?.fallbacks ?? []).filter((f) => f.sizes === undefined || f.sizes.includes(size)).map((f) => f.role);
      problems.push({
        ...TEAM_WIDE,
        severity: expected ? 'error' : 'warning',
        role: entry.role,
        responsibility: entry.responsibility,
        message: `nobody covers ${entry.responsibility} (${duty?.title.toLowerCase() ?? entry.responsibility}): no member holds ${[entry.role, ...fallbacks].join(' or ')}`,
      });
    }
    return problems;
  },
};
