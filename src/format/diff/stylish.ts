/** The diff for people in a terminal: one section per kind of change, then the verdict. */
import { palette } from '../palette.js';
import type { FieldChange, Member } from '../../diff/diff.js';
import type { Finding } from '../../findings.js';
import { escapeControl } from '../text.js';
import { CHANGE_LABELS, carriersDelta, carriersText, FIELD_LABELS, memberDetails, regressionLine, summaryLine, valueText } from './common.js';
import type { DiffFormatter } from './types.js';
import { append } from '../../util/arrays.js';

type Paint = (text: string) => string;
interface Cell {
  text: string;
  paint?: Paint;
}

/** Lays out rows in columns by their plain text, then paints each cell. */
function columns(rows: readonly Cell[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.text.length)));
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, i) => {
          const text = i === row.length - 1 ? cell.text : cell.text.padEnd(widths[i] ?? 0);
          return cell.paint ? cell.paint(text) : text;
        })
        .join('  '),
  );
}

function changeText(change: FieldChange<string>): string {
  return `${FIELD_LABELS[change.field] ?? change.field} ${valueText(change.before)} → ${valueText(change.after)}`;
}

function memberText(member: Member): string {
  return [`${member.name}: ${member.roles.join(', ')}`, ...memberDetails(member)].join('; ');
}

export const diffStylish: DiffFormatter = (diff, options) => {
  const c = palette(options.color);
  const severityPaint: Record<string, Paint> = { error: c.red, warning: c.yellow, info: c.blue };
  const e = escapeControl;
  const lines: string[] = [];
  const { before, after } = diff;
  lines.push(c.underline(`${e(before.file)} → ${e(after.file)}`));
  const name = before.organization.name === after.organization.name ? e(after.organization.name) : `${e(before.organization.name)} → ${e(after.organization.name)}`;
  lines.push(`${name}: ${before.members === after.members ? `${after.members} members` : `${before.members} → ${after.members} members`}`);
  lines.push('');

  if (diff.organization.length > 0) {
    lines.push(c.bold('organization'));
    append(lines, [...columns(diff.organization.map((change) => [{ text: '~', paint: c.yellow }, { text: e(changeText(change)) }]))]);
    lines.push('');
  }

  const { added, removed, changed } = diff.members;
  if (added.length + removed.length + changed.length > 0) {
    lines.push(c.bold('members'));
    append(lines, [...columns([
        ...added.map((m) => [{ text: '+', paint: c.green }, { text: e(m.id) }, { text: e(memberText(m)) }]),
        ...removed.map((m) => [{ text: '-', paint: c.red }, { text: e(m.id) }, { text: e(memberText(m)) }]),
        ...changed.map((m) => [{ text: '~', paint: c.yellow }, { text: e(m.id) }, { text: e(`${m.name}: ${m.changes.map(changeText).join('; ')}`) }]),
      ])]);
    lines.push('');
  }

  if (diff.coverage.length > 0) {
    lines.push(c.bold('responsibilities'));
    const kindPaint: Record<string, Paint> = { worse: c.red, better: c.green, neutral: c.yellow, carriers: c.dim };
    append(lines, [...columns(
        diff.coverage.map((change) => [
          { text: CHANGE_LABELS[change.change], paint: kindPaint[change.change] },
          { text: change.responsibility },
          {
            text: e(
              change.change === 'carriers'
                ? `${change.after.status}: ${carriersDelta(change)}`
                : `${change.before.status} → ${change.after.status}: ${carriersText(change.before)} → ${carriersText(change.after)}`,
            ),
          },
        ]),
      )]);
    lines.push('');
  }

  const { findings } = diff;
  if (findings.added.length + findings.removed.length + findings.changed.length > 0) {
    lines.push(c.bold('findings'));
    const row = (mark: Cell, f: Finding, severity: Cell): Cell[] => [mark, { text: `${f.line}:${f.column}`, paint: c.dim }, severity, { text: `${e(f.message)}  ${c.dim(f.ruleId)}` }];
    append(lines, [...columns([
        ...findings.added.map((f) => row({ text: '+', paint: c.green }, f, { text: f.severity, paint: severityPaint[f.severity] })),
        ...findings.removed.map((f) => row({ text: '-', paint: c.red }, f, { text: f.severity, paint: severityPaint[f.severity] })),
        ...findings.changed.map((x) =>
          row({ text: '~', paint: c.yellow }, x.after, {
            text: x.before.severity === x.after.severity ? x.after.severity : `${x.before.severity} → ${x.after.severity}`,
            paint: severityPaint[x.after.severity],
          }),
        ),
      ])]);
    lines.push(c.dim('  + new and ~ changed at their line in the new version, - resolved at its line in the old one'));
    lines.push('');
  }

  lines.push(summaryLine(diff));
  const verdict = regressionLine(diff);
  lines.push(diff.regression.regressed ? c.red.bold(`✖ ${verdict}`) : c.green(`✔ ${verdict}`));
  return lines.join('\n') + '\n';
};
