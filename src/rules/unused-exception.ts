import { isLive } from '../model/team.js';
import { findResponsibility, findRole } from '../catalog/index.js';
import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const unusedException: Rule = {
  id: 'unused-exception',
  configurable: true,
  stage: 'exceptions',
  severity: sameForAllSizes('warning'),
  docs: {
    summary: 'An exception in the team file matches no finding.',
    rationale:
      'An exception that suppresses nothing is stale: the gap was closed, or the rule or target is misspelt. Left in place it would silently hide the same gap if it came back. An expired one that matches nothing is reported here too, not as expired: there is nothing left to review.',
    authority: [{ authority: 'secops-team', note: 'exceptions in the team file' }],
    fix: 'Remove the exception, or correct its `rule` or `target` (a role, responsibility or member id).',
    examples: {
      fails: `${EXAMPLE_TEAM}exceptions:
  - rule: single-point-of-failure
    reason: A second analyst starts in spring
`,
      passes: `${EXAMPLE_TEAM}exceptions:
  - rule: absorbed-duties
    reason: A systems analyst starts in spring
`,
    },
  },
  check({ team, today, usedExceptions }) {
    const problems: Problem[] = [];
    for (const exception of team.exceptions) {
      if (usedExceptions.has(exception.index)) continue;
      const target = exception.target;
      if (!isLive(exception, today)) {
        // Still matching, it is expired-exception's: due for review. Matching nothing, it is stale whatever its date.
        problems.push({
          pointer: `/exceptions/${exception.index}`,
          message: `the exception for ${exception.rule}${target ? ` (${target})` : ''} expired on ${exception.expires} and matches no finding any more; remove it`,
        });
        continue;
      }
      const unknownTarget = target !== undefined && !findRole(target) && !findResponsibility(target) && !team.memberById.has(target);
      problems.push({
        pointer: `/exceptions/${exception.index}`,
        message: unknownTarget
          ? `the exception's target "${target}" is not a role, responsibility or member id, so it matches no ${exception.rule} finding`
          : `the exception for ${exception.rule}${target ? ` (${target})` : ''} matches no finding; remove it`,
      });
    }
    return problems;
  },
};
