/**
 * The reporting lines of a team as positions in `team.members`, resolved once
 * per team and shared by the rules that walk them. A large team has a
 * hundred thousand members: each rule resolving every `reportsTo` through
 * `memberById` and keeping its answers in maps keyed by id costs more than
 * the walk itself, so the lines are typed arrays, built on first use and
 * remembered for the team (a Team is never changed once built: `plan` builds
 * a new one for every candidate).
 */
import type { Team } from './team.js';

/** `manager[i]` for a member without `reportsTo`. */
export const NO_MANAGER = -1;
/** `manager[i]` for a `reportsTo` that names no member (an unknown id, or an open position). */
export const UNKNOWN_MANAGER = -2;

export interface ReportingLines {
  /**
   * For each position in `team.members`, the position of the member its
   * `reportsTo` names (the first with that id, as `memberById` gives), or
   * NO_MANAGER, or UNKNOWN_MANAGER.
   */
  manager: Int32Array;
  /** The position in `team.members` of a member's file index (`Member.index`), or -1 for an open position. */
  positionOfIndex: Int32Array;
}

const built = new WeakMap<Team, ReportingLines>();

export function reportingLines(team: Team): ReportingLines {
  let lines = built.get(team);
  if (lines === undefined) {
    lines = buildLines(team);
    built.set(team, lines);
  }
  return lines;
}

function buildLines(team: Team): ReportingLines {
  const { members, memberById } = team;
  const n = members.length;
  let size = 0;
  for (const m of members) if (m.index >= size) size = m.index + 1;
  const positionOfIndex = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) positionOfIndex[(members[i] as (typeof members)[number]).index] = i;
  const manager = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const to = (members[i] as (typeof members)[number]).reportsTo;
    if (to === undefined) {
      manager[i] = NO_MANAGER;
      continue;
    }
    const boss = memberById.get(to);
    manager[i] = boss === undefined ? UNKNOWN_MANAGER : (positionOfIndex[boss.index] as number);
  }
  return { manager, positionOfIndex };
}
