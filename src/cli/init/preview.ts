/**
 * What `init` shows before writing: the team as a table, the roles nobody
 * holds, and the report `check` will give on the file. The report is the
 * pipeline's own, so the preview shows every rule the pipeline runs.
 */
import type CliTable3 from 'cli-table3';
import { ROLES } from '../../catalog/index.js';
import { stylish } from '../../format/stylish.js';
import { escapeControl } from '../../format/text.js';
import { checkTeam, collect } from '../../lint.js';
import type { RawTeam } from '../../model/team.js';
import { vacantRoles } from '../../init/draft.js';
import { wrap } from '../../util/wrap.js';
import { append, maxOf } from '../../util/arrays.js';

/** cli-table3's constructor, loaded by the command when it needs it. */
export type TableConstructor = typeof CliTable3;

export interface PreviewOptions {
  /** The text that will be written, checked as it is. */
  text: string;
  /** The file name the report names. */
  file: string;
  width: number;
  color: boolean;
  Table: TableConstructor;
}

function notes(m: RawTeam['members'][number]): string {
  return [
    m.title,
    m.tier !== undefined ? `tier ${m.tier}` : undefined,
    m.provider !== undefined ? `external: ${m.provider}` : undefined,
    m.fte !== undefined ? `${m.fte} FTE` : undefined,
    m.reportsTo !== undefined ? `reports to ${m.reportsTo}` : undefined,
  ]
    .filter((n) => n !== undefined)
    .map((n) => escapeControl(n))
    .join('\n');
}

export function teamTable(team: RawTeam, width: number, Table: TableConstructor): string {
  if (team.members.length === 0) return 'Nobody holds a role yet.';
  // Borders take one column per cell plus one.
  const room = Math.max(60, Math.min(width, 120)) - 5;
  const idWidth = Math.min(18, maxOf([4, ...team.members.map((m) => m.id.length)]) + 2);
  const rolesWidth = 23;
  const nameWidth = Math.floor((room - idWidth - rolesWidth) * 0.45);
  const notesWidth = room - idWidth - rolesWidth - nameWidth;
  const table = new Table({
    head: ['id', 'name', 'roles', 'notes'],
    colWidths: [idWidth, nameWidth, rolesWidth, notesWidth],
    wordWrap: true,
    style: { head: [], border: [] },
    // No rule between rows: a team of thirty still fits on a screen or two.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const m of team.members) table.push([m.id, escapeControl(m.name), m.roles.join('\n'), notes(m)]);
  return table.toString();
}

export function preview(team: RawTeam, options: PreviewOptions): string {
  const lines: string[] = [`The team (${team.members.length} ${team.members.length === 1 ? 'member' : 'members'}):`, teamTable(team, options.width, options.Table)];
  const vacant = vacantRoles(team);
  if (vacant.length > 0) {
    const room = Math.max(40, Math.min(options.width, 80));
    append(lines, ['', ...wrap(`Roles nobody holds (${vacant.length} of ${ROLES.length}): ${vacant.join(', ')}`, room)]);
  }
  const result = checkTeam(options.text, { file: options.file });
  lines.push('', 'What `secops-team check` will report on this team:', stylish(collect([result]), { color: options.color, width: Math.min(options.width, 120) }));
  return lines.join('\n');
}
