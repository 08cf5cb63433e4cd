// Runs one command as a whole process and measures its wall time and its
// peak memory (resident set size). The wall time is taken around the spawn;
// the peak RSS comes from GNU time (`/usr/bin/time -f %M`) when it is
// installed, otherwise from a preloaded module that reads the process's own
// `process.resourceUsage().maxRSS` as it exits (every measured command is a
// Node.js process). Either way every command, the floor included, runs under
// the same wrapper, so the overhead is the same for all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'rss-preload.cjs');

/** How peak memory is measured on this machine: 'gnu-time' or 'preload'. */
export function rssMethod() {
  if (!existsSync(GNU_TIME)) return 'preload';
  const probe = spawnSync(GNU_TIME, ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr) ? 'gnu-time' : 'preload';
}

/**
 * Runs `args` (a Node.js script and its arguments) once.
 * @returns {{ ms: number, rssKb: number | null, status: number | null, stderr: string }}
 */
export function measure(args, { cwd, method, scratch, env = {} }) {
  const rssFile = join(scratch, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env };
  let command = process.execPath;
  let argv = args;
  if (method === 'gnu-time') {
    command = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, process.execPath, ...args];
  } else {
    childEnv.NODE_OPTIONS = `--require "${PRELOAD}"`;
    childEnv.SECOPS_BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssKb = null;
  if (existsSync(rssFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figure.
    const figure = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
    if (/^\d+$/.test(figure)) rssKb = Number(figure);
  }
  return { ms, rssKb, status: run.status, stderr: run.stderr ?? '' };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
