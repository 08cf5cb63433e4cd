/**
 * Markdown for pull-request comments and GitHub's job summary
 * ($GITHUB_STEP_SUMMARY): a summary line, then for each file its findings,
 * the exceptions that accepted findings, the coverage matrix and a Mermaid
 * chart of the reporting lines (GitHub draws it).
 *
 * Every piece of text from a team file is escaped for where it lands: table
 * cells, headings and Mermaid labels. It can add no markup, link, image,
 * HTML, table cell or line, cannot close the chart's code block, and cannot
 * mention a person or team (`@name`) or an issue (`#1`).
 */
import { findResponsibility, findRole } from '../catalog/index.js';
import { creditedAs, memberRoles } from '../model/summary.js';
import { COVERAGE_STATUSES, type CoverageEntry, type CoverageStatus, type FileResult, type Finding, type Severity, type TeamSummary } from '../findings.js';
import { relativePath } from './location.js';
import { escapeControl, escapeMarkdown, escapeMermaid } from './escape.js';
import { plural } from './text.js';
import type { Formatter } from './types.js';
import { append, maxOf, sameList } from '../util/arrays.js';
import { formatCount } from '../util/words.js';

/** Above this many members the chart is left out: GitHub would refuse or shrink it past reading. */
export const MAX_CHART_MEMBERS = 150;

/** Inline Markdown text: see escapeMarkdown. */
export const md = escapeMarkdown;

/** A code span that holds any text: a fence longer than any run of backticks inside, `|` escaped for tables. */
export function codeSpan(text: string): string {
  const safe = escapeControl(text).replace(/\|/g, '\\|');
  const longest = maxOf([0, ...(safe.match(/`+/g) ?? []).map((run) => run.length)]);
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe === '' ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** Text inside a quoted Mermaid label: see escapeMermaid. */
export const mermaidText = escapeMermaid;

const SEVERITY: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

const STATUS: Record<CoverageStatus, string> = {
  covered: '✅ covered',
  external: '🤝 external',
  absorbed: '↪️ absorbed',
  uncovered: '❌ uncovered',
  'not-applicable': '➖ not applicable',
};

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function summaryLine(result: Parameters<Formatter>[0]): string {
  const { errors, warnings, infos, files } = result.summary;
  const total = errors + warnings + infos;
  if (total === 0) return `✔ **${plural(files, 'file')} checked: no problems**`;
  const mark = errors > 0 ? '✖' : warnings > 0 ? '⚠' : 'ℹ';
  return `${mark} **${plural(total, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}`;
}

function findingsTable(findings: readonly Finding[]): string[] {
  return table(
    ['Severity', 'Line', 'Rule', 'Message'],
    findings.map((f) => [SEVERITY[f.severity], `${f.line}:${f.column}`, codeSpan(f.ruleId), md(f.message)]),
  );
}

function names(team: TeamSummary | undefined): Map<string, string> {
  const byId = new Map<string, string>();
  for (const m of team?.members ?? []) if (!byId.has(m.id)) byId.set(m.id, m.name);
  return byId;
}

/**
 * The "Carried by" cell of each entry. The duties of one role mostly list the
 * same people (tens of thousands in a large team): a cell whose people are
 * all credited through the entry's own role depends only on the list, the
 * role and whether the entry is credited at all, and is written once.
 */
function carriedByCells(team: TeamSummary | undefined, nameOf: ReadonlyMap<string, string>): (entry: CoverageEntry) => string {
  const written = new Map<string, { members: readonly string[]; cell: string }[]>();
  return (entry) => {
    const credited = entry.status === 'covered' || entry.status === 'external';
    const key = `${entry.role}\u0000${credited}`;
    const same = written.get(key)?.find((w) => sameList(w.members, entry.members));
    if (same) return same.cell;
    let ownRole = true;
    const cell =
      entry.members
        .map((id) => {
          // creditedAs is undefined for a member holding the entry's own role, or none of the team's.
          const roles = team && credited ? memberRoles(team, id) : undefined;
          const as = roles === undefined || roles.includes(entry.role) ? undefined : creditedAs(team, entry, id);
          if (roles !== undefined && !roles.includes(entry.role)) ownRole = false;
          return md(nameOf.get(id) ?? id) + (as !== undefined ? ` (as ${md(as)})` : '');
        })
        .join(', ') || '—';
    if (ownRole) {
      const list = written.get(key);
      if (list) list.push({ members: entry.members, cell });
      else written.set(key, [{ members: entry.members, cell }]);
    }
    return cell;
  };
}

function coverageSection(coverage: readonly CoverageEntry[], team: TeamSummary | undefined, nameOf: ReadonlyMap<string, string>): string[] {
  const counts = new Map<CoverageStatus, number>();
  for (const entry of coverage) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const tally = COVERAGE_STATUSES.filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${status === 'not-applicable' ? 'not applicable' : status}`)
    .join(', ');
  const carriedBy = carriedByCells(team, nameOf);
  const rows = coverage.map((entry) => {
    const role = findRole(entry.role)?.title ?? entry.role;
    const duty = findResponsibility(entry.responsibility)?.title ?? entry.responsibility;
    const via = entry.via !== null ? ` via ${md(findRole(entry.via)?.title ?? entry.via)}` : '';
    return [md(role), `${md(duty)} ${codeSpan(entry.responsibility)}`, `${STATUS[entry.status]}${via}`, carriedBy(entry)];
  });
  return [`**Coverage** of ${plural(coverage.length, 'responsibility', 'responsibilities')}: ${tally}`, '', ...table(['Role', 'Responsibility', 'Status', 'Carried by'], rows)];
}

/**
 * Mermaid refuses a chart whose text is longer than 50,000 characters (its
 * default maxTextSize, which GitHub keeps) and draws an error instead. The
 * chart stops adding members well before that, whatever their names' length,
 * and says how many it leaves out.
 */
export const MAX_CHART_CHARS = 40_000;

/** A top-down chart: each manager above the people who report to them; external people dashed. */
export function reportingChart(team: TeamSummary): string[] {
  if (team.members.length > MAX_CHART_MEMBERS) {
    return [`The reporting chart is left out: ${team.members.length} members are more than the ${MAX_CHART_MEMBERS} it can show legibly.`];
  }
  const first = new Map<string, number>();
  team.members.forEach((m, i) => {
    if (!first.has(m.id)) first.set(m.id, i);
  });
  const nodes: string[] = [];
  const edges: string[] = [];
  const external: string[] = [];
  // Room for the fences, the header, the class lines and the note on what is left out.
  let size = 200 + team.members.length * 12;
  let shown = 0;
  for (const [i, m] of team.members.entries()) {
    const parts = [escapeMermaid(m.name), escapeMermaid(m.roles.join(', '))];
    if (m.provider !== undefined) parts.push(`external: ${escapeMermaid(m.provider)}`);
    const node = `  m${i}["${parts.join('<br/>')}"]`;
    const manager = m.reportsTo === undefined ? undefined : first.get(m.reportsTo);
    const edge = manager !== undefined && manager < i ? `  m${manager} --> m${i}` : undefined;
    const cost = node.length + 1 + (edge === undefined ? 0 : edge.length + 1);
    if (size + cost > MAX_CHART_CHARS) break;
    size += cost;
    shown++;
    nodes.push(node);
    if (edge !== undefined) edges.push(edge);
    if (m.provider !== undefined) external.push(`m${i}`);
  }
  // A manager listed after the people who report to them: the line is drawn once both are in the chart.
  for (const [i, m] of team.members.slice(0, shown).entries()) {
    const manager = m.reportsTo === undefined ? undefined : first.get(m.reportsTo);
    if (manager !== undefined && manager > i && manager < shown) edges.push(`  m${manager} --> m${i}`);
  }
  const lines = ['```mermaid', 'flowchart TD', ...nodes, ...edges];
  const left = team.members.length - shown;
  if (left > 0) lines.push(`  more["${escapeMermaid(`… and ${plural(left, 'more member')}, left out to keep the chart within what Mermaid draws`)}"]`);
  if (external.length > 0) {
    lines.push('  classDef external stroke-dasharray: 5 5');
    lines.push(`  class ${external.join(',')} external`);
  }
  lines.push('```');
  if (left > 0) lines.push('', `${plural(left, 'member')} with long names or roles ${left === 1 ? 'is' : 'are'} left out of the chart: Mermaid draws at most ${formatCount(MAX_CHART_CHARS)} characters of chart here.`);
  return lines;
}

function fileSection(file: FileResult, cwd: string | undefined): string[] {
  const nameOf = names(file.team);
  const lines = [`### ${md(relativePath(file.file, cwd))}`, ''];
  if (file.team) {
    const org = file.team.organization;
    lines.push(`**${md(org.name)}**: ${org.size} organization, ${plural(org.employees, 'employee')}, ${plural(file.team.members.length, 'member')}`, '');
  }
  if (file.openPositions) {
    lines.push(`**Open positions** (counted in no rule): ${file.openPositions.map((p) => `${md(p.name)} (${md(p.id)}: ${p.roles.map(codeSpan).join(', ')})`).join('; ')}`, '');
  }
  if (file.findings.length > 0) append(lines, [...findingsTable(file.findings), '']);
  else lines.push('No findings.', '');
  if (file.suppressed.length > 0) {
    append(lines, [`**Accepted by exceptions** (${file.suppressed.length})`, '', ...table(
        ['Line', 'Rule', 'Message', 'Reason', 'Approved by', 'Expires'],
        file.suppressed.map((f) => [
          `${f.line}:${f.column}`,
          codeSpan(f.ruleId),
          md(f.message),
          md(f.suppression.reason),
          f.suppression.approvedBy === undefined ? '—' : md(nameOf.get(f.suppression.approvedBy) ?? f.suppression.approvedBy),
          md(f.suppression.expires ?? '—'),
        ]),
      ), '']);
  }
  if (file.coverage.length > 0) append(lines, [...coverageSection(file.coverage, file.team, nameOf), '']);
  if (file.team && file.team.members.length > 0) append(lines, ['**Reporting lines**', '', ...reportingChart(file.team), '']);
  return lines;
}

export const markdown: Formatter = (result, options) => {
  const lines = ['## secops-team', '', summaryLine(result), ''];
  for (const file of result.files) append(lines, [...fileSection(file, options.cwd)]);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
};
