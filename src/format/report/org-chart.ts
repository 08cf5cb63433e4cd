/**
 * The org chart as inline SVG, or, for teams too large for a readable
 * drawing, as an indented list. Every piece of text from the team file goes
 * through escapeHtml.
 */
import { getRole, isCatalogRoleId, ROLE_IDS, type RoleId } from '../../catalog/index.js';
import { roleTitle } from '../../model/summary.js';
import type { TeamSummary } from '../../findings.js';
import { escapeHtml } from '../html.js';
import { buildForest, DEFAULT_LAYOUT, flattenForest, layoutOrgChart, type ForestNode } from './org-layout.js';
import { formatCount } from '../../util/words.js';

type Member = TeamSummary['members'][number];

/** Above this many members the chart is a list: boxes would be too small to read. */
export const CHART_LIMIT = 150;

/** Specialists and the file's own roles share one colour each: the chart tells the documented roles apart. */
const SPECIALIST_COLOR = '#37474f';
const OWN_ROLE_COLOR = '#6d4c41';

function colorOf(role: string): string {
  return (ROLE_COLORS as Readonly<Record<string, string>>)[role] ?? (isCatalogRoleId(role) ? SPECIALIST_COLOR : OWN_ROLE_COLOR);
}

export const ROLE_COLORS: Readonly<Record<RoleId, string>> = {
  ciso: '#5b2a86',
  cio: '#7a4fb5',
  'security-manager': '#1f4e9c',
  'security-engineer': '#00796b',
  'security-analyst': '#2b8a3e',
  'it-operations-manager': '#b35c00',
  'system-administrator': '#8d5524',
  'system-analyst': '#546e7a',
};

/**
 * The width of text in a sans-serif font, in ems, estimated per character:
 * SVG text does not wrap or clip, so a box's lines are cut to fit by this.
 */
function emWidth(char: string): number {
  if (/[il.,:;'|!I\[\]()j]/.test(char)) return 0.3;
  if (char === ' ') return 0.3;
  if (/[mwMW@]/.test(char)) return 0.9;
  if (/[A-Z]/.test(char)) return 0.66;
  if (/[a-z0-9]/.test(char)) return 0.54;
  // Wide scripts (CJK, emoji) take about a full em.
  return (char.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.62;
}

/** Cuts text to fit `maxEm` ems (whole code points), with an ellipsis. */
export function fitText(text: string, maxEm: number): string {
  const chars = Array.from(text);
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += emWidth(chars[i] ?? '');
    if (width > maxEm) {
      let cut = i;
      let kept = chars.slice(0, cut).reduce((sum, c) => sum + emWidth(c), 0);
      while (cut > 0 && kept + 0.6 > maxEm) kept -= emWidth(chars[--cut] ?? '');
      return `${chars.slice(0, cut).join('').trimEnd()}…`;
    }
  }
  return text;
}

function roleLine(member: Member): string {
  if (member.provider !== undefined) return `external: ${member.provider}`;
  return member.roles.join(', ') + (member.tier !== undefined ? ` · tier ${member.tier}` : '');
}

function problemText(node: ForestNode<Member>): string {
  if (node.problem === 'unknown-manager') return `reports to "${node.member.reportsTo ?? ''}", who is not in the team`;
  if (node.problem === 'cycle') return `reports to "${node.member.reportsTo ?? ''}", which closes a reporting loop`;
  return '';
}

function tooltip(node: ForestNode<Member>, names: ReadonlyMap<string, string>): string {
  const m = node.member;
  const lines = [`${m.name} (${m.id})`];
  if (m.title !== undefined) lines.push(m.title);
  lines.push(`roles: ${m.roles.join(', ')}`);
  if (m.tier !== undefined) lines.push(`tier ${m.tier}`);
  if (m.fte !== 1) lines.push(`${m.fte} FTE`);
  if (m.provider !== undefined) lines.push(`external: ${m.provider}`);
  if (m.reportsTo !== undefined && node.problem === undefined) lines.push(`reports to ${names.get(m.reportsTo) ?? m.reportsTo}`);
  if (node.problem) lines.push(problemText(node));
  return lines.map(escapeHtml).join('&#10;');
}

function svgChart(roots: ForestNode<Member>[], names: ReadonlyMap<string, string>, team: TeamSummary): string {
  const o = DEFAULT_LAYOUT;
  const layout = layoutOrgChart(roots);
  // Text starts 14px in and keeps 8px from the right edge.
  const room = o.nodeWidth - 22;
  const parts: string[] = [];
  parts.push(
    `<svg class="org-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" style="--chart-width:${layout.width}px" role="img" aria-label="Org chart: ${layout.nodes.length} members by reporting line">`,
  );
  parts.push(`<g class="edges" fill="none">${layout.edges.map((d) => `<path d="${d}"/>`).join('')}</g>`);
  for (const { node, x, y } of layout.nodes) {
    const m = node.member;
    const role = m.roles[0] ?? 'security-analyst';
    const classes = ['node', m.provider !== undefined ? 'external' : '', node.problem ? 'line-problem' : ''].filter(Boolean).join(' ');
    const second = m.title ?? roleTitle(role, team);
    parts.push(
      `<g class="${classes}" data-member="${escapeHtml(m.id)}" transform="translate(${x},${y})">` +
        `<title>${tooltip(node, names)}</title>` +
        `<rect class="box" width="${o.nodeWidth}" height="${o.nodeHeight}" rx="6"/>` +
        `<rect class="band" width="6" height="${o.nodeHeight}" rx="3" fill="${colorOf(role)}"/>` +
        `<text x="14" y="19" class="name">${escapeHtml(fitText(m.name, room / 13.5))}</text>` +
        `<text x="14" y="35" class="title">${escapeHtml(fitText(second, room / 11.5))}</text>` +
        `<text x="14" y="50" class="roles">${node.problem ? '⚠ ' : ''}${escapeHtml(fitText(roleLine(m), (room - (node.problem ? 14 : 0)) / 10.5))}</text>` +
        `</g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Above this many members the list shows only the people others report to
 * (and those whose reporting line has a problem), each with a count of the
 * direct reports left out, and at most this many rows: a list of 100,000
 * people is tens of megabytes that nobody reads.
 */
export const LIST_LIMIT = 2000;

function listChart(roots: ForestNode<Member>[], total: number): string {
  let nodes = flattenForest(roots);
  const summarised = total > LIST_LIMIT;
  if (summarised) nodes = nodes.filter((n) => n.children.length > 0 || n.problem !== undefined || n.depth === 0);
  const shown = nodes.slice(0, LIST_LIMIT);
  const rows = shown.map((node) => {
    const m = node.member;
    const depth = Math.min(node.depth, 12);
    const details = [m.title, roleLine(m), problemText(node)].filter((d): d is string => d !== undefined && d !== '');
    const leaves = summarised ? node.children.filter((c) => c.children.length === 0 && c.problem === undefined).length : 0;
    if (leaves > 0) details.push(`${leaves} direct ${leaves === 1 ? 'report' : 'reports'} not listed`);
    return `<li class="org-row${node.problem ? ' line-problem' : ''}" data-member="${escapeHtml(m.id)}" style="--depth:${depth}"><span class="swatch" style="background:${colorOf(m.roles[0] ?? 'security-analyst')}"></span><strong>${escapeHtml(m.name)}</strong> <span class="muted">${escapeHtml(details.join(' · '))}</span></li>`;
  });
  const note = summarised
    ? `<p class="muted">${formatCount(total)} members: listed are the ${formatCount(shown.length)} people others report to${shown.length < nodes.length ? ` (of ${formatCount(nodes.length)})` : ''}, with how many direct reports are not listed.</p>`
    : '';
  return `${note}<ul class="org-list">${rows.join('')}</ul>`;
}

function roleLegend(team: TeamSummary): string {
  const present = new Set(team.members.flatMap((m) => m.roles.slice(0, 1)));
  const items = ROLE_IDS.filter((r) => present.has(r)).map((r) => `<li><span class="swatch" style="background:${ROLE_COLORS[r]}"></span>${escapeHtml(getRole(r).title)}</li>`);
  if ([...present].some((r) => !(ROLE_IDS as readonly string[]).includes(r) && isCatalogRoleId(r))) items.push(`<li><span class="swatch" style="background:${SPECIALIST_COLOR}"></span>specialist role</li>`);
  if ([...present].some((r) => !isCatalogRoleId(r))) items.push(`<li><span class="swatch" style="background:${OWN_ROLE_COLOR}"></span>the team's own role</li>`);
  return `<ul class="legend">${items.join('')}<li><span class="swatch external"></span>external (provider)</li></ul>`;
}

export function renderOrgChart(team: TeamSummary): string {
  const roots = buildForest(team.members);
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  const all = flattenForest(roots);
  const problems = all.filter((n) => n.problem).map((n) => `<li>${escapeHtml(n.member.name)} ${escapeHtml(problemText(n))}: drawn at the top, without that line</li>`);
  const alone = roots.filter((r) => r.children.length === 0 && r.member.reportsTo === undefined).length;
  const notes: string[] = [];
  if (team.members.length > CHART_LIMIT) notes.push(`<p class="muted">${team.members.length} members are too many for a readable drawing; the reporting lines are listed, managers first.</p>`);
  if (alone > 0 && alone === team.members.length) notes.push('<p class="muted">No reporting lines are given (<code>reportsTo</code>); everyone is shown side by side.</p>');
  const chart = team.members.length > CHART_LIMIT ? listChart(roots, team.members.length) : `<div class="chart-scroll">${svgChart(roots, names, team)}</div>`;
  return [
    ...notes,
    chart,
    roleLegend(team),
    problems.length > 0 ? `<ul class="line-problems">${problems.join('')}</ul>` : '',
  ].join('\n');
}
