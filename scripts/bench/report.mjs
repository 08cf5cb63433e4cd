// Turns measurements into the printed report: one Markdown table per group
// and the targets, each computed from ratios measured side by side in the
// same run. Pure functions, so that they can be tested without timing anything.
import { median } from './measure.mjs';

/** @typedef {{ key: string, label: string, times: number[], rssKb: (number | null)[] }} Result */
/** @typedef {{ id: string, title: string, results: Result[] }} Group */

const PEERS = [
  ['yamlajv', 'floor'],
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

/** Commands at 100,000 members and their limits as a multiple of ajv-cli (and of the floor, where one is set). */
const LARGE = [
  ['check', '`check -f json`', 1.5, 2.0],
  ['diff', '`diff`', 1.5],
  ['report', '`report`', 2.0],
  ['markdown', '`check -f markdown`', 2.0],
  ['matrix', '`matrix` (table)', 1.5],
  ['matrixjson', '`matrix -f json`', 1.5],
];

/**
 * The targets, each as { name, holds, detail }; a target whose figures were
 * not measured in this run (a partial run) is left out.
 */
export function evaluateTargets(groups) {
  const targets = [];
  const add = (name, figures, test, detail) => {
    if (figures.some((f) => f === undefined || f === null)) return;
    targets.push({ name, holds: test(...figures), detail: detail(...figures) });
  };
  const ms = (g, k) => stat(groups, g, k)?.ms;
  const times = (limit) => [(a, b) => a <= limit * b, (a, b) => `${ratio(a, b)} (${a.toFixed(0)} vs ${b.toFixed(0)} ms)`];
  add('check medium.yaml ≤ 1.5× node -e 0', [ms('startup', 'check'), ms('startup', 'floor')], ...times(1.5));
  add('--help ≤ 1.3× node -e 0', [ms('startup', 'help'), ms('startup', 'floor')], ...times(1.3));
  const big = '100000';
  for (const [key, name, limit, floorLimit] of LARGE) {
    add(`100,000 members: ${name} ≤ ${limit}× ajv-cli`, [ms(big, key), ms(big, 'ajv')], ...times(limit));
    if (floorLimit) add(`100,000 members: ${name} ≤ ${floorLimit}× the floor`, [ms(big, key), ms(big, 'yamlajv')], ...times(floorLimit));
  }
  add('plan on 10,000 members < 3 s', [ms('10000', 'plan')], (p) => p < 3000, (p) => `${p.toFixed(0)} ms`);
  add('100,000 members: stylish ≤ 1.1× json', [ms(big, 'stylish'), ms(big, 'check')], ...times(1.1));
  for (const [key, name] of [
    ['marker', 'leading `---`'],
    ['block', 'a block scalar'],
    ['flow', 'flow style'],
  ]) {
    add(`100,000 members, ${name}: ≤ 1.3× the plain file`, [ms(big, key), ms(big, 'check')], ...times(1.3));
  }
  add('100,000 members: peak RSS of check ≤ 400 MB', [stat(groups, big, 'check')?.rssMb], (r) => r <= 400, (r) => `${r.toFixed(0)} MB`);
  const group = groups.find((g) => g.id === big);
  const heaviest = group?.results.map((r) => ({ label: r.label, rssMb: summarize(r).rssMb })).filter((r) => r.rssMb !== null).sort((a, b) => b.rssMb - a.rssMb)[0];
  add('100,000 members: peak RSS of every command ≤ 800 MB', [heaviest?.rssMb], (r) => r <= 800, (r) => `${r.toFixed(0)} MB (${heaviest.label})`);
  const growth = groups
    .find((g) => g.id === '10000')
    ?.results.filter((r) => !['floor', 'yamlajv', 'ajv'].includes(r.key) && ms(big, r.key) !== undefined)
    .map((r) => ({ label: r.label, factor: ms(big, r.key) / ms('10000', r.key) }))
    .sort((a, b) => b.factor - a.factor)[0];
  add('10,000 → 100,000 members: every command ≤ 12× slower', [growth?.factor], (f) => f <= 12, (f) => `at most ${f.toFixed(1)}× (${growth.label})`);
  return targets;
}

/** The HTML report's size and how long Chromium takes to show it, per size. */
export function renderPages(pages) {
  const rows = pages.filter((p) => p.bytes !== undefined);
  if (rows.length === 0) return '';
  return [
    '### The HTML report in headless Chromium',
    '',
    '| members | page size | load and layout |',
    '|---:|---:|---:|',
    ...rows.map((p) => `| ${p.size.toLocaleString('en-US')} | ${(p.bytes / 1024 / 1024).toFixed(1)} MB | ${p.render && 'ms' in p.render ? `${(p.render.ms / 1000).toFixed(1)} s` : (p.render?.note ?? '—')} |`),
  ].join('\n');
}

export function renderTargets(targets) {
  return ['### Targets', '', '| target | measured | holds |', '|---|---|---|', ...targets.map((t) => `| ${t.name} | ${t.detail} | ${t.holds ? 'yes' : '**no**'} |`)].join('\n');
}
