// Turns measurements into the printed report: one Markdown table per group
// and the targets, each computed from ratios measured side by side in the
// same run. Pure functions, so that they can be tested without timing anything.
import { median } from './measure.mjs';

/** @typedef {{ key: string, label: string, times: number[], rssKb: (number | null)[] }} Result */
/** @typedef {{ id: string, title: string, results: Result[] }} Group */

const PEERS = [
  ['ajv', 'ajv-cli'],
  ['spectral', 'Spectral'],
];

export function summarize(result) {
  const rss = result.rssKb.filter((v) => v !== null);
  return { ms: median(result.times), rssMb: rss.length > 0 ? Math.max(...rss) / 1024 : null, runs: result.times.length };
}

const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

export function renderGroup(group) {
  const stats = new Map(group.results.map((r) => [r.key, summarize(r)]));
  const floor = stats.get('floor');
  const peers = PEERS.filter(([key]) => stats.has(key));
  const head = ['command', 'median', 'peak RSS', '× node -e 0', ...peers.map(([, name]) => `× ${name}`), 'runs'];
  const rows = group.results.map((r) => {
    const s = stats.get(r.key);
    return [
      r.label,
      `${s.ms.toFixed(0)} ms`,
      s.rssMb === null ? '—' : `${s.rssMb.toFixed(0)} MB`,
      floor ? ratio(s.ms, floor.ms) : '—',
      ...peers.map(([key]) => (key === r.key ? '1.00×' : ratio(s.ms, stats.get(key).ms))),
      String(s.runs),
    ];
  });
  return [`### ${group.title}`, '', `| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function stat(groups, groupId, key) {
  const result = groups.find((g) => g.id === groupId)?.results.find((r) => r.key === key);
  return result ? summarize(result) : undefined;
}

/**
 * The targets, each as { name, holds, detail }; a target whose
 * figures were not measured in this run (a partial run) is left out.
 */
export function evaluateTargets(groups) {
  const targets = [];
  const add = (name, figures, test, detail) => {
    if (figures.some((f) => f === undefined || f === null)) return;
    targets.push({ name, holds: test(...figures), detail: detail(...figures) });
  };
  const ms = (g, k) => stat(groups, g, k)?.ms;
  add('check medium.yaml ≤ 1.5× node -e 0', [ms('startup', 'check'), ms('startup', 'floor')], (c, f) => c <= 1.5 * f, (c, f) => `${ratio(c, f)} (${c.toFixed(0)} vs ${f.toFixed(0)} ms)`);
  add('check medium.yaml ≤ 0.5× ajv-cli', [ms('startup', 'check'), ms('startup', 'ajv')], (c, a) => c <= 0.5 * a, (c, a) => `${ratio(c, a)} (${c.toFixed(0)} vs ${a.toFixed(0)} ms)`);
  add('--help ≤ 1.3× node -e 0', [ms('startup', 'help'), ms('startup', 'floor')], (h, f) => h <= 1.3 * f, (h, f) => `${ratio(h, f)} (${h.toFixed(0)} vs ${f.toFixed(0)} ms)`);
  add('10,000 members: no slower than ajv-cli', [ms('10000', 'check'), ms('10000', 'ajv')], (c, a) => c <= a, (c, a) => `${ratio(c, a)} (${c.toFixed(0)} vs ${a.toFixed(0)} ms)`);
  add('100,000 members: no slower than ajv-cli', [ms('100000', 'check'), ms('100000', 'ajv')], (c, a) => c <= a, (c, a) => `${ratio(c, a)} (${c.toFixed(0)} vs ${a.toFixed(0)} ms)`);
  add('plan on 10,000 members < 3 s', [ms('10000', 'plan')], (p) => p < 3000, (p) => `${p.toFixed(0)} ms`);
  add('100,000 members: peak RSS < 400 MB', [stat(groups, '100000', 'check')?.rssMb], (r) => r < 400, (r) => `${r.toFixed(0)} MB`);
  add('100,000 members ≤ 12× the time at 10,000', [ms('100000', 'check'), ms('10000', 'check')], (big, small) => big <= 12 * small, (big, small) => `${ratio(big, small)} (${big.toFixed(0)} vs ${small.toFixed(0)} ms)`);
  return targets;
}

export function renderTargets(targets) {
  return ['### Targets', '', '| target | measured | holds |', '|---|---|---|', ...targets.map((t) => `| ${t.name} | ${t.detail} | ${t.holds ? 'yes' : '**no**'} |`)].join('\n');
}
