/**
 * The coverage matrix as a heat map: one row per role, one cell per
 * responsibility, coloured by status and naming who carries it. The status
 * is also written in each cell, so the map reads without colour.
 */
import { findResponsibility, getRole, ROLES } from '../../catalog/index.js';
import { coverageCounts } from '../../coverage/coverage.js';
import { creditedAs } from '../../model/summary.js';
import { COVERAGE_STATUSES, type CoverageEntry, type CoverageStatus, type TeamSummary } from '../../findings.js';
import { escapeHtml } from '../html.js';
import { maxOf } from '../../util/arrays.js';
import { formatCount } from '../../util/words.js';

export const STATUS_LABELS: Readonly<Record<CoverageStatus, string>> = {
  covered: 'covered',
  external: 'external',
  absorbed: 'absorbed',
  uncovered: 'uncovered',
  'not-applicable': 'not applicable',
};

const STATUS_MEANINGS: Readonly<Record<CoverageStatus, string>> = {
  covered: 'an internal member holds the role',
  external: 'a provider carries it',
  absorbed: 'someone in another role takes it on',
  uncovered: 'nobody carries it',
  'not-applicable': 'does not apply to this team',
};

/** Names shown in a cell; the rest are counted, and all are in the cell's tooltip. */
export const NAMES_PER_CELL = 4;

/** Names in a cell's tooltip; a duty of a large team can have tens of thousands of carriers. */
export const TOOLTIP_NAMES = 50;

function carriers(entry: CoverageEntry, names: ReadonlyMap<string, string>, team: TeamSummary): string {
  if (entry.members.length === 0) return entry.status === 'external' ? 'SOC provider' : entry.status === 'uncovered' ? 'nobody' : '';
  // Only the names shown are written out: a duty of a large team has tens of thousands of carriers.
  const listed = entry.members.length > NAMES_PER_CELL + 1 ? entry.members.slice(0, NAMES_PER_CELL) : entry.members;
  const shown = listed.map((id) => { const as = creditedAs(team, entry, id); return (names.get(id) ?? id) + (as !== undefined ? ` (as ${as})` : ''); });
  const more = entry.members.length - shown.length;
  const who = shown.map(escapeHtml).join(', ') + (more > 0 ? ` <span class="more">+${more} more</span>` : '');
  return entry.via ? `${who} <span class="via">via ${escapeHtml(getRole(entry.via).title)}</span>` : who;
}

export function renderLegend(coverage: readonly CoverageEntry[]): string {
  const counts = coverageCounts(coverage);
  const items = COVERAGE_STATUSES.map(
    (s) => `<li class="status-${s}"><span class="swatch"></span><strong>${STATUS_LABELS[s]}</strong> <span class="count">${counts[s]}</span> <span class="muted">${STATUS_MEANINGS[s]}</span></li>`,
  );
  return `<ul class="legend status-legend">${items.join('')}</ul>`;
}

/** A bar of the statuses' shares, for the summary at the top. */
export function renderCoverageBar(coverage: readonly CoverageEntry[]): string {
  const counts = coverageCounts(coverage);
  const total = coverage.length || 1;
  const segments = COVERAGE_STATUSES.filter((s) => counts[s] > 0).map(
    (s) => `<span class="status-${s}" style="flex:${counts[s]}" title="${STATUS_LABELS[s]}: ${counts[s]} of ${total}">${counts[s]}</span>`,
  );
  return `<div class="coverage-bar" role="img" aria-label="${COVERAGE_STATUSES.map((s) => `${counts[s]} ${STATUS_LABELS[s]}`).join(', ')}">${segments.join('')}</div>`;
}

export function renderHeatmap(team: TeamSummary, coverage: readonly CoverageEntry[]): string {
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  const byDuty = new Map(coverage.map((e) => [e.responsibility, e]));
  const width = maxOf([...ROLES.map((r) => r.responsibilities.length)]);
  const rows: string[] = [];
  for (const role of ROLES) {
    if (role.responsibilities.length === 0) continue;
    const holders = team.members.filter((m) => m.roles.includes(role.id)).length;
    const cells = role.responsibilities.map((duty) => {
      const entry = byDuty.get(duty.id);
      if (!entry) return '<td class="empty"></td>';
      const listed = entry.members.slice(0, TOOLTIP_NAMES).map((id) => names.get(id) ?? id);
      const rest = entry.members.length - listed.length;
      const everyone = listed.join(', ') + (rest > 0 ? ` and ${formatCount(rest)} more` : '');
      const tip = [`${duty.id}: ${findResponsibility(duty.id)?.summary ?? ''}`, everyone].filter(Boolean).map(escapeHtml).join('&#10;');
      return (
        `<td class="duty status-${entry.status}" data-responsibility="${duty.id}" data-status="${entry.status}" title="${tip}">` +
        `<span class="duty-title">${escapeHtml(duty.title)}</span>` +
        `<span class="duty-status">${STATUS_LABELS[entry.status]}</span>` +
        `<span class="duty-who">${carriers(entry, names, team)}</span></td>`
      );
    });
    for (let i = role.responsibilities.length; i < width; i++) cells.push('<td class="empty"></td>');
    rows.push(
      `<tr><th scope="row"><span class="role-title">${escapeHtml(role.title)}</span><span class="muted">${role.id} · ${holders === 0 ? 'no holder' : holders === 1 ? '1 holder' : `${holders} holders`}</span></th>${cells.join('')}</tr>`,
    );
  }
  return `<div class="heatmap-scroll"><table class="heatmap"><tbody>${rows.join('')}</tbody></table></div>`;
}
