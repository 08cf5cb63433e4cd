/**
 * The findings, grouped by severity and then by rule, each rule with what it
 * checks and how to fix it (from the rule's own docs).
 */
import { SEVERITIES, type Finding, type Severity, type SuppressedFinding } from '../../findings.js';
import { findRule } from '../../rules/index.js';
import { escapeHtml } from '../html.js';
import { formatCount } from '../../util/words.js';

const HEADINGS: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

function byRule<F extends Finding>(findings: readonly F[]): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const f of findings) {
    const list = groups.get(f.ruleId);
    if (list) list.push(f);
    else groups.set(f.ruleId, [f]);
  }
  return groups;
}

/** Rule docs are our own text: escaped like the rest, with `code` spans shown as code. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function position(f: Finding): string {
  return `<span class="position" title="line ${f.line}, column ${f.column}">${f.line}:${f.column}</span>`;
}

/**
 * Findings listed per rule (and accepted findings in all); the rest are
 * counted. A page of tens of thousands of items is slow to open and unread;
 * the other formats list every finding.
 */
export const FINDINGS_PER_LIST = 500;

function rest(total: number, shown: number): string {
  return total > shown ? `<li class="muted more-items">and ${formatCount(total - shown)} more, listed in the other formats (<code>secops-team check --format json</code>)</li>` : '';
}

function ruleBlock(ruleId: string, findings: readonly Finding[]): string {
  const docs = findRule(ruleId)?.docs;
  const items = findings.slice(0, FINDINGS_PER_LIST).map((f) => `<li>${position(f)} ${escapeHtml(f.message)}</li>`);
  items.push(rest(findings.length, items.length));
  return (
    `<article class="rule" data-rule="${escapeHtml(ruleId)}">` +
    `<h4><code>${escapeHtml(ruleId)}</code> <span class="count">${findings.length}</span></h4>` +
    (docs ? `<p class="rule-summary">${prose(docs.summary)}</p>` : '') +
    `<ul class="finding-list">${items.join('')}</ul>` +
    (docs ? `<p class="rule-fix"><strong>How to fix:</strong> ${prose(docs.fix)}</p>` : '') +
    `</article>`
  );
}

export function renderFindings(findings: readonly Finding[], suppressed: readonly SuppressedFinding[]): string {
  const parts: string[] = [];
  if (findings.length === 0) parts.push('<p class="all-clear">No findings: the team meets every rule at its size.</p>');
  for (const severity of SEVERITIES) {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    parts.push(
      `<section class="severity severity-${severity}" data-severity="${severity}"><h3>${HEADINGS[severity]} <span class="count">${list.length}</span></h3>` +
        [...byRule(list)].map(([rule, group]) => ruleBlock(rule, group)).join('') +
        `</section>`,
    );
  }
  if (suppressed.length > 0) {
    const items = suppressed.slice(0, FINDINGS_PER_LIST).map(
      (f) =>
        `<li>${position(f)} <code>${escapeHtml(f.ruleId)}</code> ${escapeHtml(f.message)}<br><span class="muted">accepted: ${escapeHtml(f.suppression.reason)}` +
        `${f.suppression.approvedBy !== undefined ? `, approved by ${escapeHtml(f.suppression.approvedBy)}` : ''}${f.suppression.expires !== undefined ? `, until ${escapeHtml(f.suppression.expires)}` : ''}</span></li>`,
    );
    items.push(rest(suppressed.length, items.length));
    parts.push(`<section class="severity severity-accepted"><h3>Accepted by exceptions <span class="count">${suppressed.length}</span></h3><ul class="finding-list">${items.join('')}</ul></section>`);
  }
  return parts.join('\n');
}
