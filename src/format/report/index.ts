/**
 * `secops-team report`: one self-contained HTML page about a team. No
 * scripts, fonts, images or links to load: inline CSS and SVG only, and a
 * Content-Security-Policy that forbids everything else, so the page stays
 * inert even if a name slipped through unescaped. Pure: the command writes it.
 */
import { summarize, type FileResult, type TeamSummary } from '../../findings.js';
import { roleTitle } from '../../model/summary.js';
import { escapeHtml } from '../html.js';
import { renderFindings } from './findings.js';
import { renderCoverageBar, renderHeatmap, renderLegend } from './heatmap.js';
import { renderOrgChart } from './org-chart.js';
import { REPORT_CSS } from './style.js';
import { formatCount } from '../../util/words.js';

export interface ReportOptions {
  /** The day the report is made, YYYY-MM-DD. */
  date: string;
  /** The secops-team version that made it. */
  version: string;
}

const SOC_LABELS: Readonly<Record<TeamSummary['organization']['soc'], string>> = {
  'in-house': 'in-house SOC',
  outsourced: 'outsourced SOC',
  hybrid: 'hybrid SOC',
  none: 'no dedicated SOC',
};

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** A number and what it counts, in the summary tiles; `className` colours a non-zero count. */
function fact(value: number | string, label: string, className = ''): string {
  const word = typeof value === 'number' && value !== 1 ? `${label}s` : label;
  const classes = [className, className && value !== 0 ? 'some' : ''].filter(Boolean).join(' ');
  return `<li${classes ? ` class="${classes}"` : ''}><span class="value">${value}</span><span class="label">${word}</span></li>`;
}

/** Rows of the members table; the rest are counted. The team file and the JSON output list everyone. */
export const MEMBER_ROWS = 2000;

function membersTable(team: TeamSummary): string {
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  const rows = team.members.slice(0, MEMBER_ROWS).map(
    (m) =>
      `<tr><td><strong>${escapeHtml(m.name)}</strong><br><span class="muted">${escapeHtml(m.id)}${m.vacancy ? ' · open position' : ''}</span></td>` +
      `<td>${escapeHtml(m.title ?? '')}</td>` +
      `<td>${m.roles.map((r) => escapeHtml(roleTitle(r, team))).join(', ')}${m.tier !== undefined ? ` (tier ${m.tier})` : ''}</td>` +
      `<td class="optional">${m.reportsTo !== undefined ? escapeHtml(names.get(m.reportsTo) ?? m.reportsTo) : ''}</td>` +
      `<td class="optional">${round(m.fte)}</td>` +
      `<td>${m.provider !== undefined ? escapeHtml(m.provider) : '<span class="muted">internal</span>'}</td></tr>`,
  );
  const left = team.members.length - rows.length;
  const note = left > 0 ? `<p class="muted">The first ${formatCount(rows.length)} members in file order; ${formatCount(left)} more are in the team file.</p>` : '';
  return (
    note +
    '<div class="table-scroll"><table class="members"><thead><tr><th>member</th><th>title</th><th>roles</th><th class="optional">reports to</th><th class="optional">FTE</th><th>provider</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

/** Renders the report of a file that passed the schema (it has a team and coverage). */
export function renderReport(file: FileResult & { team: TeamSummary }, options: ReportOptions): string {
  const { team, coverage } = file;
  const org = team.organization;
  const summary = summarize([file]);
  const external = team.members.filter((m) => m.provider !== undefined && !m.vacancy).length;
  const fte = team.members.filter((m) => m.provider === undefined && !m.vacancy).reduce((sum, m) => sum + m.fte, 0);
  const open = team.members.filter((m) => m.vacancy).length;
  const title = `${org.name}: security-operations team`;
  const generated = `secops-team ${escapeHtml(options.version)}, ${escapeHtml(options.date)}`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<meta name="generator" content="${generated}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="report-head">
<div>
<h1>${escapeHtml(org.name)}</h1>
<p class="subtitle">Security-operations team report · ${escapeHtml(file.file)}</p>
</div>
<p class="subtitle">Generated ${escapeHtml(options.date)} by secops-team ${escapeHtml(options.version)}</p>
</header>

<section class="card" id="organization">
<h2>Organization</h2>
<p>A <strong>${org.size}</strong> organization of ${formatCount(org.employees)} employees, with ${SOC_LABELS[org.soc]} and ${org.monitoring === '24x7' ? 'round-the-clock (24x7)' : 'business-hours'} monitoring.</p>
<ul class="facts">
${fact(team.members.length, 'member')}
${fact(round(fte), 'internal FTE')}
${fact(external, 'external provider')}
${open > 0 ? `${fact(open, 'open position')}\n` : ''}${fact(summary.errors, 'error', 'errors')}
${fact(summary.warnings, 'warning', 'warnings')}
${fact(summary.infos, 'info', 'infos')}
</ul>
${renderCoverageBar(coverage)}
${renderLegend(coverage)}
</section>

<section class="card" id="org-chart">
<h2>Org chart</h2>
${renderOrgChart(team)}
</section>

<section class="card" id="coverage">
<h2>Coverage of the ${coverage.length} documented responsibilities</h2>
${renderHeatmap(team, coverage)}
${renderLegend(coverage)}
</section>

<section class="card" id="findings">
<h2>Findings</h2>
${renderFindings(file.findings, file.suppressed)}
</section>

<section class="card" id="members">
<h2>Members</h2>
${membersTable(team)}
</section>

<footer>Generated ${escapeHtml(options.date)} by secops-team ${escapeHtml(options.version)} from ${escapeHtml(file.file)}. Roles and responsibilities follow the documented SecOps roles, NIST NICE v2.0.0 and ENISA ECSF.</footer>
</main>
</body>
</html>
`;
}
