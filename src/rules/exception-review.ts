import type { SuppressedFinding } from '../findings.js';
import { isExternal, isLive, type Member, type Team, type TeamException } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { sameForAllSizes } from './types.js';
import { who } from './util.js';
import { EXAMPLE_TEAM } from './examples.js';

/** What the findings an exception suppressed name: the members, and whether any names a role, duty or member at all. */
interface Suppressed {
  members: Set<string>;
  targetable: boolean;
}

/** Per exception (its pointer), what its suppressed findings name: one pass, not one per exception. */
function bySuppressor(suppressed: readonly SuppressedFinding[]): Map<string, Suppressed> {
  const index = new Map<string, Suppressed>();
  for (const f of suppressed) {
    let entry = index.get(f.suppression.exception);
    if (!entry) index.set(f.suppression.exception, (entry = { members: new Set(), targetable: false }));
    for (const id of f.members ?? []) entry.members.add(id);
    if (f.role !== undefined || f.responsibility !== undefined || (f.members?.length ?? 0) > 0) entry.targetable = true;
  }
  return index;
}

/** How far up a reporting line the approver's is followed: deeper than any real organization chart. */
const MAX_CHAIN = 64;

/** Whom the exception is about: the member it targets, and the members its findings name (the lone holder, the absorber). */
function subjectsOf(exception: TeamException, named: Suppressed | undefined): Set<string> {
  const subjects = new Set(named?.members);
  if (exception.target !== undefined) subjects.add(exception.target);
  return subjects;
}

/** What is wrong with this approver for these subjects, in words, or undefined. */
function approvalProblem(team: Team, approver: Member, subjects: ReadonlySet<string>): string | undefined {
  if (subjects.has(approver.id)) return 'the person its finding is about: let someone who answers for the risk above them approve it';
  if (isExternal(approver)) return 'a provider: the organization accepts its own risks; let a member of staff who owns the risk approve it';
  // Someone below the person the finding is about accepts their boss's gap.
  let boss = approver.reportsTo === undefined ? undefined : team.memberById.get(approver.reportsTo);
  for (let step = 0; boss !== undefined && boss !== approver && step < MAX_CHAIN; step++) {
    if (subjects.has(boss.id)) return `who reports to ${who(boss)}, the person its finding is about: let someone above them approve it`;
    boss = boss.reportsTo === undefined ? undefined : team.memberById.get(boss.reportsTo);
  }
  return undefined;
}

export const exceptionReview: Rule = {
  id: 'exception-review',
  configurable: true,
  stage: 'exceptions',
  severity: sameForAllSizes('warning'),
  docs: {
    summary: 'An exception that suppresses a finding is approved by the person the finding is about, by someone who reports to them or by a provider (warning), or has no expiry date or no target where its findings name one (info).',
    rationale:
      'An exception is an accepted risk. The person who carries the gap is the last one who should accept it, and neither should someone who reports to them, nor a provider: the approval belongs to a member of staff who answers for the risk above them, as the separation of conflicting duties asks. And an accepted risk is accepted for a time, then looked at again: without `expires`, nothing ever brings the finding back for that review. An exception without `target` accepts every finding of its rule, including ones that appear later: where the findings name a role, duty or member, the exception should too. Only exceptions that suppress something are judged; one that matches nothing is unused-exception\'s.',
    authority: [
      { authority: 'ISO/IEC 27001:2022', note: '6.1.3 risk treatment: the risk owners approve the plan and accept the residual risk; 8.2 risk assessments at planned intervals' },
      { authority: 'ISO/IEC 27002:2022', note: '5.3 segregation of duties: nobody approves what they carry out themselves' },
    ],
    fix: 'Set `approvedBy` to someone other than the person the finding is about (their manager, the CISO, the risk owner), and give the exception an `expires` date for its review.',
    examples: {
      fails: `${EXAMPLE_TEAM}exceptions:
  - rule: absorbed-duties
    target: ciso
    reason: Dana acts as CISO until spring
    approvedBy: dana
    expires: 2027-03-31
`,
      passes: `${EXAMPLE_TEAM}  - id: ceo
    name: Sam Okafor
    roles: [chief-executive]
roles:
  - id: chief-executive
    title: Chief Executive
    duties: []
exceptions:
  - rule: absorbed-duties
    target: ciso
    reason: Dana acts as CISO until spring
    approvedBy: ceo
    expires: 2027-03-31
`,
    },
  },
  check({ team, today, usedExceptions, suppressed }) {
    const problems: Problem[] = [];
    const index = bySuppressor(suppressed);
    for (const exception of team.exceptions) {
      // Stale or expired ones are unused-exception's and expired-exception's.
      if (!usedExceptions.has(exception.index) || !isLive(exception, today)) continue;
      const named = index.get(`/exceptions/${exception.index}`);
      const about = `the exception for ${exception.rule}${exception.target ? ` (${exception.target})` : ''}`;
      const approver = exception.approvedBy === undefined ? undefined : team.memberById.get(exception.approvedBy);
      const verdict = approver === undefined ? undefined : approvalProblem(team, approver, subjectsOf(exception, named));
      if (approver && verdict) {
        problems.push({
          pointer: `/exceptions/${exception.index}/approvedBy`,
          members: [approver.id],
          message: `${about} is approved by ${who(approver)}, ${verdict}`,
        });
      }
      // Without a target an exception accepts every finding of its rule, today's and any later one; where the findings
      // name a role, duty or member, it could have said which. (Organization-wide findings have nothing to name.)
      if (exception.target === undefined && named?.targetable === true) {
        problems.push({
          pointer: `/exceptions/${exception.index}`,
          severity: 'info',
          message: `${about} has no target, so it accepts every ${exception.rule} finding, today's and any new one: name the role, duty or member it is for (target)`,
        });
      }
      if (exception.expires === undefined) {
        problems.push({
          pointer: `/exceptions/${exception.index}`,
          severity: 'info',
          message: `${about} has no expiry date, so nothing brings the finding back for review: add expires (YYYY-MM-DD)`,
        });
      }
    }
    return problems;
  },
};
