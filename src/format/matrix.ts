/**
 * The coverage matrix of one team: responsibilities down, status and who
 * across. Pure renderers; the `matrix` command writes their output.
 */
import { findResponsibility } from '../catalog/index.js';
import type { CoverageEntry, FileResult, TeamSummary } from '../findings.js';
import { creditedAs } from '../model/summary.js';
import { wrapHard as wrapLines } from '../util/wrap.js';
import { append, maxOf } from '../util/arrays.js';
import { csvCell, escapeControl, escapeMarkdown, safeJson } from './text.js';
import { formatCount } from '../util/words.js';

/** `stylish` is the table for people, as in every command; `table`, its earlier name, still works. */
export const MATRIX_FORMATS = ['stylish', 'json', 'markdown', 'csv'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function matrixFormat(name: string): MatrixFormat | undefined {
  if (name === 'table') return 'stylish';
  return (MATRIX_FORMATS as readonly string[]).includes(name) ? (name as MatrixFormat) : undefined;
}

/** Who carries a duty: member ids, with the title of a specialist or own role they are credited through. */
export function carriers(entry: CoverageEntry, team?: TeamSummary): string {
  if (entry.members.length === 0) return entry.status === 'external' ? 'SOC provider' : '';
  const who = entry.members.map((id) => {
    const as = creditedAs(team, entry, id);
    return as === undefined ? id : `${id} (as ${as})`;
  });
  return who.join(', ') + (entry.via ? ` (via ${entry.via})` : '');
}

export function matrixJson(file: FileResult): string {
  return safeJson({ file: file.file, coverage: file.coverage }, 2) + '\n';
}

export function matrixCsv(file: FileResult): string {
  const rows = [['responsibility', 'role', 'title', 'status', 'members', 'via', 'credited as']];
  for (const e of file.coverage) {
    rows.push([e.responsibility, e.role, findResponsibility(e.responsibility)?.title ?? '', e.status, e.members.join(' '), e.via ?? '', creditedTitles(e, file.team)]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function matrixMarkdown(file: FileResult): string {
  const lines = ['| responsibility | status | who |', '| --- | --- | --- |'];
  for (const e of file.coverage) {
    lines.push(`| \`${e.responsibility}\` | ${e.status} | ${escapeMarkdown(carriers(e, file.team))} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Carriers listed in one cell of the terminal table; the rest are counted. A
 * cell of thousands of names is unreadable, and wrapping it costs time that
 * grows with the square of its length; the other formats list everyone.
 */
export const MAX_TABLE_CARRIERS = 12;

/** `carriers` for the terminal table: at most MAX_TABLE_CARRIERS names, then how many more. */
export function tableCarriers(entry: CoverageEntry, max = MAX_TABLE_CARRIERS, team?: TeamSummary): string {
  if (entry.members.length <= max) return carriers(entry, team);
  const rest = entry.members.length - max;
  return `${carriers({ ...entry, members: entry.members.slice(0, max), via: null }, team)} and ${formatCount(rest)} more` + (entry.via ? ` (via ${entry.via})` : '');
}

/** One letter per status for narrow terminals, explained by the legend above the matrix. */
const STATUS_LETTER: Readonly<Record<CoverageEntry['status'], string>> = { covered: 'C', external: 'E', absorbed: 'A', uncovered: 'U', 'not-applicable': '-' };
export const MATRIX_LEGEND = 'C covered, E external, A absorbed by another role, U uncovered, - not applicable';

/**
 * The matrix for a terminal narrower than the table needs (under 100
 * columns): grouped by role, the status as one letter with a legend, the
 * duty by its short name, and who carries it wrapped under its column, so
 * that no line is longer than `width`.
 */
export function matrixNarrow(file: FileResult, width: number): string {
  const lines = wrapLines(`Status: ${MATRIX_LEGEND}`, width);
  const short = (e: CoverageEntry) => e.responsibility.slice(e.role.length + 1);
  const longest = maxOf(file.coverage.map((e) => short(e).length), 0);
  const nameWidth = Math.min(longest, Math.floor((width - 5) / 2));
  const whoWidth = Math.max(10, width - 5 - nameWidth - 2);
  let role = '';
  for (const e of file.coverage) {
    if (e.role !== role) {
      role = e.role;
      lines.push('', e.role);
    }
    const who = wrapLines(escapeControl(tableCarriers(e, MAX_TABLE_CARRIERS, file.team)) || (e.status === 'uncovered' ? 'nobody' : ''), whoWidth);
    const name = short(e);
    const head = `  ${STATUS_LETTER[e.status]}  `;
    const pad = ' '.repeat(5 + nameWidth + 2);
    if (name.length > nameWidth) {
      append(lines, [...wrapLines(name, width - 5).map((l, i) => (i === 0 ? head : '     ') + l)]);
      append(lines, [...who.map((l) => pad + l)]);
    } else {
      append(lines, [`${head}${name.padEnd(nameWidth)}  ${who[0] ?? ''}`.trimEnd(), ...who.slice(1).map((l) => pad + l)]);
    }
  }
  return lines.join('\n') + '\n';
}

/** Rows for a terminal table; the command lays them out with cli-table3. */
export function matrixRows(file: FileResult): string[][] {
  return file.coverage.map((e) => [e.responsibility, e.status, escapeControl(tableCarriers(e, MAX_TABLE_CARRIERS, file.team))]);
}

/** For CSV: each member's crediting specialist or own role title, space-separated in member order ("-" for the duty's own role). */
function creditedTitles(entry: CoverageEntry, team: TeamSummary | undefined): string {
  const titles = entry.members.map((id) => creditedAs(team, entry, id));
  return titles.some((t) => t !== undefined) ? titles.map((t) => t ?? '-').join('; ') : '';
}
