/**
 * The diff for a pull-request comment. Everything that comes from a team file
 * or the command line is escaped, so a name can neither break a table nor
 * inject HTML or mention anyone; each table is cut at MAX_ROWS so a large
 * change still fits in one comment.
 */
import { findResponsibility } from '../../catalog/index.js';
import type { FieldChange, Member } from '../../diff/diff.js';
import type { Finding } from '../../findings.js';
import { escapeMarkdown } from '../text.js';
import { carriersText, FIELD_LABELS, memberDetails, regressionLine, summaryLine, valueText } from './common.js';
import type { DiffFormatter } from './types.js';
import { append } from '../../util/arrays.js';

export const MAX_ROWS = 100;

/** Escapes text for the comment: no Markdown, HTML, mention or issue link from a name. */
const m = escapeMarkdown;

function table(head: readonly string[], rows: readonly string[][]): string[] {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows.slice(0, MAX_ROWS)) lines.push(`| ${row.join(' | ')} |`);
  if (rows.length > MAX_ROWS) lines.push('', `…and ${rows.length - MAX_ROWS} more; run \`secops-team diff\` locally for the full list.`);
  return lines;
}

function changeText(change: FieldChange<string>): string {
  return `${FIELD_LABELS[change.field] ?? change.field}: ${m(valueText(change.before))} → ${m(valueText(change.after))}`;
}

function memberRow(mark: string, member: Member): string[] {
  return [mark, m(member.id), m(member.name), member.roles.map((r) => `\`${r}\``).join(', '), m(memberDetails(member).join('; '))];
}

function findingRow(mark: string, f: Finding, severity: string): string[] {
  return [mark, severity, `\`${f.ruleId}\``, m(f.message), `${f.line}:${f.column}`];
}

const ICONS = { worse: '🔻', better: '🔺', neutral: '↔️', carriers: '👥' } as const;

export const diffMarkdown: DiffFormatter = (diff) => {
  const { before, after } = diff;
  const lines: string[] = ['## secops-team diff', ''];
  const name = before.organization.name === after.organization.name ? m(after.organization.name) : `${m(before.organization.name)} → ${m(after.organization.name)}`;
  const size = before.members === after.members ? `${after.members} members` : `${before.members} → ${after.members} members`;
  lines.push(`**${name}**, ${size}: ${m(after.file)} compared with ${m(before.file)}.`, '');
  lines.push(diff.regression.regressed ? `**❌ ${m(regressionLine(diff))}**` : `✅ ${m(regressionLine(diff))}`, '');
  lines.push(m(summaryLine(diff)), '');

  if (diff.organization.length > 0) {
    append(lines, ['### Organization', '', ...diff.organization.map((c) => `- ${changeText(c)}`), '']);
  }

  const { added, removed, changed } = diff.members;
  if (added.length + removed.length + changed.length > 0) {
    lines.push('### Members', '');
    append(lines, [...table(
        ['', 'id', 'name', 'roles', 'details'],
        [
          ...added.map((x) => memberRow('➕ added', x)),
          ...removed.map((x) => memberRow('➖ removed', x)),
          ...changed.map((x) => ['✏️ changed', m(x.id), m(x.name), '', x.changes.map(changeText).join('; ')]),
        ],
      ), '']);
  }

  if (diff.coverage.length > 0) {
    lines.push('### Responsibilities', '');
    append(lines, [...table(
        ['', 'responsibility', 'before', 'after'],
        diff.coverage.map((c) => [
          `${ICONS[c.change]} ${c.change === 'neutral' ? 'changed' : c.change}`,
          `\`${c.responsibility}\` ${findResponsibility(c.responsibility)?.title ?? ''}`.trim(),
          `${c.before.status}: ${m(carriersText(c.before))}`,
          `${c.after.status}: ${m(carriersText(c.after))}`,
        ]),
      ), '']);
  }

  const { findings } = diff;
  if (findings.added.length + findings.removed.length + findings.changed.length > 0) {
    lines.push('### Findings', '');
    append(lines, [...table(
        ['', 'severity', 'rule', 'message', 'line'],
        [
          ...findings.added.map((f) => findingRow('🆕 new', f, f.severity)),
          ...findings.removed.map((f) => findingRow('✔️ resolved', f, f.severity)),
          ...findings.changed.map((x) => findingRow('✏️ changed', x.after, x.before.severity === x.after.severity ? x.after.severity : `${x.before.severity} → ${x.after.severity}`)),
        ],
      ), '', '<sub>Lines of new and changed findings are in the new version, of resolved ones in the old.</sub>', '']);
  }

  const counts = (side: typeof before) => `${side.coverage.covered} covered, ${side.coverage.external} external, ${side.coverage.absorbed} absorbed, ${side.coverage.uncovered} uncovered`;
  lines.push(`<sub>Coverage before: ${counts(before)}. After: ${counts(after)}. Errors ${before.summary.errors} → ${after.summary.errors}, warnings ${before.summary.warnings} → ${after.summary.warnings}.</sub>`);
  return lines.join('\n') + '\n';
};
