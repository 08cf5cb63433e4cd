import { isLive } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const expiredException: Rule = {
  id: 'expired-exception',
  configurable: true,
  stage: 'exceptions',
  severity: sameForAllSizes('error'),
  docs: {
    summary: 'An exception in the team file has passed its expiry date.',
    rationale:
      'An accepted risk is accepted for a time, then reviewed. Past its date an exception no longer suppresses anything, and the finding it covered is reported again, so that the review happens. An expired exception whose finding is gone is not due for review: unused-exception asks for its removal.',
    authority: [{ authority: 'ISO/IEC 27001:2022', note: '6.1.3 risk treatment, with risk acceptance reviewed by the risk owners' }],
    fix: 'Review the accepted finding: fix it, or renew the exception with a new `expires` date and approver.',
    examples: {
      fails: `${EXAMPLE_TEAM}exceptions:
  - rule: absorbed-duties
    reason: A systems analyst starts in spring
    expires: 2026-03-31
`,
      passes: `${EXAMPLE_TEAM}exceptions:
  - rule: absorbed-duties
    reason: A systems analyst starts in spring
    expires: 2026-09-30
`,
    },
  },
  check({ team, today, usedExceptions }) {
    const problems: Problem[] = [];
    for (const exception of team.exceptions) {
      if (isLive(exception, today)) continue;
      // Nothing left to accept: unused-exception asks for its removal, not a review.
      if (!usedExceptions.has(exception.index)) continue;
      problems.push({
        pointer: `/exceptions/${exception.index}`,
        ...(exception.approvedBy !== undefined ? { members: [exception.approvedBy] } : {}),
        message: `the exception for ${exception.rule}${exception.target ? ` (${exception.target})` : ''} expired on ${exception.expires} and no longer applies; review it and renew or remove it`,
      });
    }
    return problems;
  },
};
