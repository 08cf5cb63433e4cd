// Hostile shapes: inputs built to make a linter do too much work. Each one is
// run once through the built CLI as a whole process, with a time limit, and
// the table shows its wall time, peak memory and exit code. Runs on its own:
//
//   node scripts/bench/hostile.mjs [--limit=<seconds>] [--only=<key,key>]
//
// and as the last group of `npm run bench`. What "within a few seconds"
// means is read from this table; no test asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'bin', 'secops-team.js');
const GNU_TIME = '/usr/bin/time';
const PRELOAD = join(here, 'rss-preload.cjs');

const ORG = 'version: 1\norganization:\n  name: Acme\n  employees: 5000\n';

function member(i) {
  return `  - id: m${i}\n    name: Member ${i}\n    roles: [security-analyst]\n    reportsTo: m0\n`;
}

/** `members: [{}, {}, …]` on one line: every member misses every required field. */
export function emptyMembers(count) {
  return `${ORG}members: [${Array(count).fill('{}').join(', ')}]\n`;
}

/** `members:` followed by `depth` opening brackets. */
export function deepNesting(depth) {
  return `${ORG}members: ${'['.repeat(depth)}\n`;
}

/** A valid team of `count` members, all reporting to the first. */
export function manyMembers(count) {
  const parts = [ORG, 'members:\n'];
  for (let i = 0; i < count; i++) parts.push(member(i));
  return parts.join('');
}

/**
 * No CISO: a chain of `managers` Security Managers, each reporting to the
 * next, under a CEO, beside a CIO who absorbs the CISO's duties and owns
 * `providers` managed SOCs: rules that walk a manager's chain, or name the
 * leads for each provider, would be quadratic here.
 */
export function leadChain(managers, providers) {
  const parts = ['version: 1\norganization:\n  name: Acme\n  employees: 200000\nroles:\n  - {id: ceo, title: Chief Executive, duties: []}\nmembers:\n', '  - {id: ceo, name: CEO, roles: [ceo]}\n', '  - {id: cio, name: CIO, roles: [cio], reportsTo: ceo}\n'];
  for (let i = 0; i < managers; i++) parts.push(`  - {id: s${i}, name: S${i}, roles: [security-manager], reportsTo: ${i === 0 ? 'ceo' : `s${i - 1}`}}\n`);
  for (let i = 0; i < providers; i++) parts.push(`  - {id: p${i}, name: P${i}, roles: [security-analyst], provider: Mssp${i}, hours: 24x7, reportsTo: cio}\n`);
  return parts.join('');
}

/**
 * `levels` folders, each holding `fan` links to the next one and the last
 * holding one team file: a glob that follows links would walk fan^levels
 * paths to find that one file.
 */
export function symlinkFanOut(dir, levels, fan) {
  for (let level = 0; level < levels; level++) mkdirSync(join(dir, `d${level}`), { recursive: true });
  for (let level = 0; level < levels - 1; level++) {
    for (let link = 0; link < fan; link++) symlinkSync(join('..', `d${level + 1}`), join(dir, `d${level}`, `l${link}`));
  }
  writeFileSync(join(dir, `d${levels - 1}`, 'team.yaml'), manyMembers(3));
}

function option(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

/** Runs the CLI once; a run past `limitMs` is stopped and shown as such. */
function runOnce(args, cwd, scratch, limitMs) {
  const rssFile = join(scratch, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };
  let command = process.execPath;
  let argv = [cli, ...args];
  if (existsSync(GNU_TIME)) {
    command = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, process.execPath, ...argv];
  } else {
    env.NODE_OPTIONS = `--require "${PRELOAD}"`;
    env.SECOPS_BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: limitMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssKb = null;
  if (existsSync(rssFile)) {
    const figure = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
    if (/^\d+$/.test(figure)) rssKb = Number(figure);
  }
  const timedOut = run.signal === 'SIGKILL' || run.error?.code === 'ETIMEDOUT';
  const firstLine = (run.stderr ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return { ms, rssKb, status: timedOut ? 'killed' : run.status ?? run.signal, firstLine };
}

/** The shapes, each with how to make it and the command that reads it. */
export function shapes(scratch) {
  const file = (name, text) => {
    writeFileSync(join(scratch, name), text);
    return name;
  };
  return [
    { key: 'empty-8k', label: '8,000 empty members on one line (check)', make: () => ['check', file('empty-8k.yaml', emptyMembers(8000))] },
    { key: 'empty-30k', label: '30,000 empty members on one line (check)', make: () => ['check', file('empty-30k.yaml', emptyMembers(30000))] },
    { key: 'nest-1m', label: '1,000,000 `[` after members: (check)', make: () => ['check', file('nest-1m.yaml', deepNesting(1_000_000))] },
    { key: 'nest-4m', label: '4,000,000 `[` after members: (check)', make: () => ['check', file('nest-4m.yaml', deepNesting(4_000_000))] },
    {
      key: 'fan-8x4',
      label: "symlink fan-out, 8 folders x 4 links (check 'fan/**/*.yaml')",
      make: () => {
        symlinkFanOut(join(scratch, 'fan'), 8, 4);
        return ['check', 'fan/**/*.yaml'];
      },
    },
    { key: 'lead-chain-50k', label: '50,000 Security Managers in one chain, 2,000 providers owned by the CIO (check -f json)', make: () => ['check', '-f', 'json', file('lead-chain.yaml', leadChain(50_000, 2_000))] },
    { key: 'members-150k-check', label: '150,000 members, all reporting to one (check -f json)', make: () => ['check', '-f', 'json', file('members-150k.yaml', manyMembers(150_000))] },
    { key: 'members-150k-matrix', label: '150,000 members, all reporting to one (matrix -f json)', make: () => ['matrix', '-f', 'json', 'members-150k.yaml'] },
    { key: 'members-150k-diff', label: '150,000 members, all reporting to one (diff against itself)', make: () => ['diff', 'members-150k.yaml', 'members-150k.yaml'] },
  ];
}

/** Runs every shape (or those in `only`) and returns the Markdown table. */
export function runHostile({ limitSeconds = 60, only } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'secops-team-hostile-'));
  const rows = [];
  try {
    for (const shape of shapes(scratch)) {
      if (only && !only.includes(shape.key)) continue;
      process.stderr.write(`${shape.key} `);
      const args = shape.make();
      const r = runOnce(args, scratch, scratch, limitSeconds * 1000);
      rows.push(`| ${shape.label} | ${r.status === 'killed' ? `> ${limitSeconds} s (stopped)` : `${(r.ms / 1000).toFixed(2)} s`} | ${r.rssKb === null ? '—' : `${Math.round(r.rssKb / 1024)} MB`} | ${r.status} | ${r.firstLine.slice(0, 90).replace(/\|/g, '\\|')} |`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stderr.write('\n');
  return ['### Hostile shapes (one run each)', '', '| shape | wall time | peak RSS | exit | first line on stderr |', '|---|---:|---:|---:|---|', ...rows].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = option('only', undefined)?.split(',');
  console.log(runHostile({ limitSeconds: Number(option('limit', '60')), only }));
}
