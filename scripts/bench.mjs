// `npm run bench`: times every command of secops-team side by side with
// bare Node.js, the js-yaml + schema validation floor and ajv-cli, as whole
// processes, on generated teams of 1,000 to 100,000 members.
//
//   node scripts/bench.mjs [--quick] [--sizes=1000,10000,100000|none] [--runs=N] [--rss=preload] [--no-peers] [--no-hostile]
//
// --quick: 1,000 and 10,000 members, one run each, no hostile shapes: for
// development. --sizes=none --no-peers measures the start-up group alone.
//
// ajv-cli and Spectral are not dependencies of the project: the bench installs
// them on first use into a cache folder of the user's ($XDG_CACHE_HOME or
// ~/.cache, under secops-team/bench-peers), without their install scripts,
// and leaves them out with a note when they cannot be installed. Spectral is
// timed at start-up only.
//
// Commands of one group run in alternation (round after round, the order
// rotated each round) after a warm-up, so that a slow moment of the machine
// falls on all of them alike. Prints Markdown tables: per command the median
// wall time, the peak RSS and the ratios to `node -e 0`, to the floor and to
// ajv-cli; then the targets, each judged from figures of the same run.
// Nothing here is asserted by `npm test`: speed is read from this report.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, release, tmpdir, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTeam } from './bench/generate.mjs';
import { renderInBrowser } from './bench/browser.mjs';
import { runHostile } from './bench/hostile.mjs';
import { measure, rssMethod } from './bench/measure.mjs';
import { evaluateTargets, renderGroup, renderPages, renderTargets } from './bench/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

const QUICK = process.argv.includes('--quick');
const sizesOption = option('sizes', QUICK ? '1000,10000' : '1000,10000,100000');
const SIZES = sizesOption === 'none' ? [] : sizesOption.split(',').map(Number);
const RUNS_OVERRIDE = option('runs', QUICK ? '1' : undefined) === undefined ? undefined : Number(option('runs', QUICK ? '1' : undefined));
if (SIZES.some((n) => !Number.isInteger(n) || n < 2) || (RUNS_OVERRIDE !== undefined && !(RUNS_OVERRIDE >= 1))) {
  console.error('usage: node scripts/bench.mjs [--quick] [--sizes=1000,10000,100000|none] [--runs=N] [--rss=preload] [--no-peers] [--no-hostile]');
  process.exit(2);
}

// The peers, at the major versions the README's figures were measured with.
const PEERS = [
  { key: 'ajv', pkg: 'ajv-cli', spec: 'ajv-cli@5', bin: 'ajv' },
  { key: 'spectral', pkg: '@stoplight/spectral-cli', spec: '@stoplight/spectral-cli@6', bin: 'spectral' },
];
const peerFolder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'secops-team', 'bench-peers');

function binOf(folder, pkg, name) {
  const file = join(folder, 'node_modules', ...pkg.split('/'), 'package.json');
  if (!existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const bin = typeof json.bin === 'string' ? json.bin : json.bin?.[name];
  return bin ? { path: join(dirname(file), bin), version: json.version } : undefined;
}

/** Each peer's bin and version, installing the missing ones first; a peer that cannot be had is left out with a note. */
function peers() {
  const missing = PEERS.filter((p) => !binOf(peerFolder, p.pkg, p.bin));
  if (missing.length > 0) {
    process.stderr.write(`installing ${missing.map((p) => p.spec).join(' and ')} into ${peerFolder} (once)\n`);
    mkdirSync(peerFolder, { recursive: true, mode: 0o700 });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['install', '--prefix', peerFolder, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...missing.map((p) => p.spec)];
    const run = spawnSync(npm, args, { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    if (run.status !== 0) process.stderr.write(`could not install ${missing.map((p) => p.spec).join(', ')} (npm exited ${run.status ?? run.signal}): comparing with bare Node.js only\n`);
  }
  const found = new Map();
  for (const p of PEERS) {
    const bin = binOf(peerFolder, p.pkg, p.bin);
    if (bin) found.set(p.key, bin);
    else process.stderr.write(`note: ${p.pkg} is not available; the bench leaves it out\n`);
  }
  return found;
}

const available = process.argv.includes('--no-peers') ? new Map() : peers();
const ajv = available.get('ajv');
const spectral = available.get('spectral');
const cli = join(root, 'bin', 'secops-team.js');
const schema = join(root, 'schemas', 'team.schema.json');
const scratch = mkdtempSync(join(tmpdir(), 'secops-team-bench-'));
// --rss=preload measures peak memory without GNU time even where it is installed.
const method = option('rss', undefined) === 'preload' ? 'preload' : rssMethod();

// Spectral with one rule: the whole document against the same team schema.
const ruleset = join(scratch, 'ruleset.json');
writeFileSync(
  ruleset,
  JSON.stringify({
    rules: {
      'team-schema': {
        message: '{{error}}',
        given: '$',
        severity: 'error',
        then: { function: 'schema', functionOptions: { schema: JSON.parse(readFileSync(schema, 'utf8')), dialect: 'draft2020-12' } },
      },
    },
  }),
);

// The floor runs as one bundle, as the program does: loading js-yaml and the
// validator as separate ES modules would add their module loading to the floor.
const floorScript = join(scratch, 'floor.cjs');
await build({ entryPoints: [join(root, 'scripts', 'bench', 'floor.mjs')], outfile: floorScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minifyWhitespace: true, minifySyntax: true, logLevel: 'error' });

/** Whether the program has a command of this name (another may add it later): read from its help. */
function hasCommand(name) {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout ?? '';
  return new RegExp(`^  ${name} `, 'm').test(help);
}
const HAS_PLAN = hasCommand('plan');
if (!HAS_PLAN) process.stderr.write('note: this build has no `plan` command; the bench leaves it out\n');

/** The start-up group: bare Node.js, the peers and secops-team on a small file. */
function startupCommands(file) {
  const out = join(scratch, 'out-startup');
  return [
    { key: 'floor', label: '`node -e 0`', args: ['-e', '0'], ok: [0] },
    // What reading and validating alone cost at start-up: how much of the goal is left for the rest.
    { key: 'yamlajv', label: 'js-yaml load + schema validation (floor)', args: [floorScript, file], ok: [0] },
    { key: 'check', label: '`secops-team check`', args: [cli, 'check', '--format', 'json', '--output', `${out}.json`, file], ok: [0, 1], verify: () => verifyCheck(`${out}.json`) },
    ...(ajv ? [{ key: 'ajv', label: `\`ajv-cli validate\` ${ajv.version}`, args: [ajv.path, 'validate', '--spec=draft2020', '-s', schema, '-d', file], ok: [0] }] : []),
    ...(spectral ? [{ key: 'spectral', label: `\`spectral lint\` ${spectral.version}`, args: [spectral.path, 'lint', '--ruleset', ruleset, '--format', 'json', '--output', `${out}.spectral.json`, file], ok: [0] }] : []),
  ];
}

/** Every command on one generated team. `ok` lists the exit codes that mean the command did its whole job. */
function commandsOn(size, files) {
  const { file, after, variants } = files;
  const out = join(scratch, `out-${size}`);
  const commands = [
    { key: 'floor', label: '`node -e 0`', args: ['-e', '0'], ok: [0] },
    { key: 'yamlajv', label: 'js-yaml load + schema validation (floor)', args: [floorScript, file], ok: [0] },
    ...(ajv ? [{ key: 'ajv', label: `\`ajv-cli validate\` ${ajv.version}`, args: [ajv.path, 'validate', '--spec=draft2020', '-s', schema, '-d', file], ok: [0] }] : []),
    // Exit 1 means findings: the file was read, validated and analysed in full.
    { key: 'check', label: '`check -f json`', args: [cli, 'check', '--format', 'json', '--output', `${out}.json`, file], ok: [0, 1], verify: () => verifyCheck(`${out}.json`) },
    { key: 'stylish', label: '`check` (stylish)', args: [cli, 'check', '--output', `${out}.txt`, file], ok: [0, 1] },
    { key: 'markdown', label: '`check -f markdown`', args: [cli, 'check', '--format', 'markdown', '--output', `${out}.md`, file], ok: [0, 1] },
    { key: 'diff', label: '`diff -f json` (1 % removed, 1 % changed)', args: [cli, 'diff', '--format', 'json', '--output', `${out}.diff.json`, file, after], ok: [0, 1] },
    { key: 'report', label: '`report` (HTML)', args: [cli, 'report', '--output', `${out}.html`, file], ok: [0, 1] },
    { key: 'matrix', label: '`matrix` (table)', args: [cli, 'matrix', file], ok: [0] },
    { key: 'matrixjson', label: '`matrix -f json`', args: [cli, 'matrix', '--format', 'json', file], ok: [0] },
  ];
  // plan re-runs the rules once per candidate and step: measured where its goal is stated (about 3 s at 10,000).
  if (HAS_PLAN && size <= 10000) commands.push({ key: 'plan', label: '`plan -f json`', args: [cli, 'plan', '--format', 'json', '--output', `${out}.plan.json`, file], ok: [0] });
  for (const [key, label, variant] of variants) {
    commands.push({ key, label: `\`check -f json\`, ${label}`, args: [cli, 'check', '--format', 'json', '--output', `${out}.${key}.json`, variant], ok: [0, 1], verify: () => verifyCheck(`${out}.${key}.json`) });
  }
  return { commands, html: `${out}.html` };
}

/** The file must have passed the syntax and schema stages, so that the rules ran too. */
function verifyCheck(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stopped = report.files[0].findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');
  if (stopped.length > 0) throw new Error(`secops-team check found ${stopped[0].ruleId} problems in a generated file: ${stopped[0].message}`);
}

function runGroup(group) {
  const results = group.commands.map((c) => ({ key: c.key, label: c.label, times: [], rssKb: [] }));
  const once = (command, index, record) => {
    const run = measure(command.args, { cwd: root, method, scratch });
    if (!command.ok.includes(run.status)) {
      throw new Error(`${command.label} exited ${run.status} in "${group.title}":\n${run.stderr.slice(0, 2000)}`);
    }
    if (record) {
      results[index].times.push(run.ms);
      results[index].rssKb.push(run.rssKb);
    }
  };
  for (let w = 0; w < group.warmup; w++) group.commands.forEach((c, i) => once(c, i, false));
  const wanted = group.commands.map((c) => Math.min(RUNS_OVERRIDE ?? Infinity, c.runs ?? group.runs));
  for (let round = 0; round < Math.max(...wanted); round++) {
    const order = group.commands.map((_, i) => (i + round) % group.commands.length);
    for (const i of order) if (results[i].times.length < wanted[i]) once(group.commands[i], i, true);
    process.stderr.write('.');
  }
  group.commands.forEach((c) => c.verify?.());
  process.stderr.write('\n');
  return { id: group.id, title: group.title, results };
}

// Runs per group: enough for a stable median, within about fifteen minutes on two cores.
// At 100,000 members every command takes seconds per run, so they run fewer times.
const plan = [];
const medium = join(root, 'templates', 'medium.yaml');
plan.push({
  id: 'startup',
  title: 'Start-up: templates/medium.yaml (9 members), --help and roles',
  warmup: QUICK ? 1 : 3,
  runs: 25,
  commands: [
    ...startupCommands(medium),
    { key: 'help', label: '`secops-team --help`', args: [cli, '--help'], ok: [0] },
    { key: 'roles', label: '`secops-team roles`', args: [cli, 'roles'], ok: [0] },
  ],
});
const htmlPages = [];
for (const size of SIZES) {
  const write = (name, text) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };
  const file = write(`team-${size}.yaml`, generateTeam(size));
  const after = write(`team-${size}-after.yaml`, generateTeam(size, { change: true }));
  const big = size >= 100000;
  // The shapes that used to send a whole file to a slower reader, at the largest size.
  const variants = big
    ? [
        ['marker', 'leading `---`', write(`team-${size}-marker.yaml`, generateTeam(size, { marker: true }))],
        ['block', 'one block scalar', write(`team-${size}-block.yaml`, generateTeam(size, { blockScalar: true }))],
        ['flow', 'flow style', write(`team-${size}-flow.yaml`, generateTeam(size, { flow: true }))],
      ]
    : [];
  const { commands, html } = commandsOn(size, { file, after, variants });
  htmlPages.push({ size, html });
  plan.push({
    id: String(size),
    title: `${size.toLocaleString('en-US')} members (${(Buffer.byteLength(readFileSync(file)) / 1024 / 1024).toFixed(1)} MB)`,
    warmup: big || QUICK ? 0 : 1,
    runs: big ? 3 : size >= 10000 ? 5 : 7,
    commands,
  });
}

const started = Date.now();
const groups = [];
try {
  for (const group of plan) {
    process.stderr.write(`${group.title} `);
    groups.push(runGroup(group));
  }
  for (const page of htmlPages) {
    if (!existsSync(page.html)) continue;
    page.bytes = statSync(page.html).size;
    page.render = await renderInBrowser(page.html);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const lines = [
  `Machine: ${cpu}, ${availableParallelism()} cores, ${type()} ${release()}, Node.js ${process.version}.`,
  `Peak RSS from ${method === 'gnu-time' ? 'GNU time (/usr/bin/time -f %M)' : "each process's own resource usage, read by a preloaded module"}; times are medians of whole-process wall time.`,
  '',
  ...groups.flatMap((g) => [renderGroup(g), '']),
  renderPages(htmlPages),
  '',
  renderTargets(evaluateTargets(groups)),
  '',
  ...(QUICK || process.argv.includes('--no-hostile') ? [] : [runHostile(), '']),
  `Bench took ${((Date.now() - started) / 1000).toFixed(0)} s. Reproduce with: npm run bench${QUICK ? ' -- --quick' : ''}`,
];
console.log(lines.join('\n'));
