/**
 * The hostile-input corpus (test/fixtures/hostile/cases.yaml), run through
 * the built binary as a table: the committed files, paths that are not plain
 * files (made in a temporary folder) and hostile command lines. The large
 * generated files run in the slow lane (hostile-large.slow.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/lint.js';
import { decodeText } from '../../src/load/load.js';
import { BIN, permissionRunner, ROOT, spawnCli, STACK_TRACE } from '../helpers.js';
import { outputProblems, positionProblems } from '../robustness.js';
import { CASES, type Case, checkCase, ENV, FIXTURES, GENERATORS, HANG_GUARD_MS, label, named, type Prepared, type Run, useScratch } from '../hostile.js';

const scratchFolder = useScratch();
const permissions = permissionRunner();

function prepareFile(c: Case): Prepared {
  const name = c.file ?? '';
  return { cwd: FIXTURES, path: name, bytes: readFileSync(join(FIXTURES, name)) };
}

function preparePath(c: Case): Prepared {
  const dir = mkdtempSync(join(scratchFolder(), `${c.path}-`));
  chmodSync(dir, 0o755);
  const team = readFileSync(join(FIXTURES, 'duplicate-member-ids.yaml'));
  const at = (path: string): Prepared => ({ cwd: dir, path });
  switch (c.path) {
    case 'missing':
      return at('missing.yaml');
    case 'directory':
      mkdirSync(join(dir, 'a-folder'));
      return at('a-folder');
    case 'unreadable':
      writeFileSync(join(dir, 'unreadable.yaml'), team);
      chmodSync(join(dir, 'unreadable.yaml'), 0o000);
      return { ...at('unreadable.yaml'), ...permissions };
    case 'fifo': {
      if (process.platform === 'win32') return { ...at('pipe.yaml'), skip: 'Windows has no named pipes in the file system' };
      const made = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
      return made.status === 0 ? at('pipe.yaml') : { ...at('pipe.yaml'), skip: 'mkfifo is not available' };
    }
    case 'device':
      return existsSync('/dev/null') ? at('/dev/null') : { ...at('/dev/null'), skip: 'no /dev/null here' };
    case 'symlink-loop':
      symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
      symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
      return at('loop-a.yaml');
    case 'dangling-symlink':
      symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
      return at('dangling.yaml');
    case 'not-a-directory':
      writeFileSync(join(dir, 'team.yaml'), team);
      return at('team.yaml/team.yaml');
    case 'empty':
      return at('');
    case 'spaces-and-unicode': {
      const folder = join(dir, 'dir with spaces', 'ünïcødé');
      mkdirSync(folder, { recursive: true });
      const path = join('dir with spaces', 'ünïcødé', 'tëam fïle 😀.yaml');
      writeFileSync(join(dir, path), team);
      return { ...at(path), bytes: team };
    }
    default:
      throw new Error(`unknown path kind ${c.path}`);
  }
}

describe('the hostile corpus', () => {
  it('lists every fixture, with at least 40 committed files, each with a note and an expected outcome', () => {
    const listed = CASES.flatMap((c) => (c.file ? [c.file] : []));
    const files = readdirSync(FIXTURES).filter((f) => f !== 'cases.yaml');
    expect(listed.slice().sort()).toEqual(files.slice().sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) {
      expect([c.file, c.generate, c.path].filter((x) => x !== undefined), label(c)).toHaveLength(1);
      expect(c.note.length, label(c)).toBeGreaterThan(10);
      expect([0, 1, 2], label(c)).toContain(c.exit);
      if (c.exit === 1) expect(c.rule, label(c)).toBeDefined();
      if (c.exit === 2) expect(c.message, label(c)).toBeDefined();
      if (c.generate) expect(GENERATORS[c.generate], label(c)).toBeDefined();
    }
  });
});

describe.concurrent('hostile files (built binary, JSON output, every format)', () => {
  it.for(named(CASES.filter((c) => c.file)))('$name', async ({ c }, context) => {
    await checkCase(c, prepareFile, context);
    // Nothing ran from a tag: the python payload would have created this file.
    context.expect(existsSync(join(FIXTURES, 'pwned'))).toBe(false);
  });
});

describe('hostile files in-process', () => {
  it.for(named(CASES.filter((c) => c.file)))('$name', ({ c }) => {
    const bytes = readFileSync(join(FIXTURES, c.file ?? ''));
    const result = checkBytes(bytes, { file: c.file ?? '' });
    expect(result.findings.some((f) => f.severity === 'error')).toBe(c.exit === 1);
    expect(positionProblems(decodeText(bytes).text, result.findings)).toEqual([]);
    expect((globalThis as Record<string, unknown>).secopsTagRan).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe.concurrent('paths that are not plain files (built binary)', () => {
  it.for(named(CASES.filter((c) => c.path)))('$name', async ({ c }, context) => {
    await checkCase(c, preparePath, context);
  });
});

describe.concurrent('hostile text in the terminal (built binary, stylish, with colour)', () => {
  const textCases = ['invisible-characters.yaml', 'ansi-osc-escapes.yaml', 'ansi-in-references.yaml', 'workflow-commands-schema.yaml', 'workflow-commands-references.yaml', 'control-in-key.yaml'];
  it.for(textCases)('%s', async (file, context) => {
    const run = await spawnCli(['check', '--color', file], { cwd: FIXTURES, env: ENV, timeout: HANG_GUARD_MS });
    context.expect(run.status).toBe(1);
    context.expect(run.stderr).toBe('');
    context.expect(run.stdout).toMatch(/\x1b\[31m/); // coloured, so the check below strips only stylish's own codes
    context.expect(outputProblems(run.stdout, { coloured: true })).toEqual([]);
  });
});

/**
 * The command line's own promises, each from an outside probe's finding:
 * what a run reads, writes, follows and refuses. Every case checks the
 * corpus's invariants: an exit code of 0, 1 or 2; no stack trace; one line on
 * standard error for exit 2; nothing clobbered; nothing leaked.
 */
describe('hostile command lines (built binary)', () => {
  const TEAM = readFileSync(join(ROOT, 'templates', 'small.yaml'), 'utf8');

  function place(): string {
    const dir = mkdtempSync(join(scratchFolder(), 'cli-'));
    writeFileSync(join(dir, 'team.yaml'), TEAM);
    return dir;
  }

  function cli(args: readonly string[], cwd: string, options: { input?: string; env?: Record<string, string>; stdin?: number } = {}): Run {
    const run = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...ENV, ...options.env },
      encoding: 'utf8',
      timeout: HANG_GUARD_MS,
      ...(options.stdin !== undefined ? { stdio: [options.stdin, 'pipe', 'pipe'] } : { input: options.input ?? '' }),
    });
    return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
  }

  /** The invariants; `kept` files must hold what they held, `secrets` must appear nowhere. */
  function holds(run: Run, { kept = [], secrets = [] }: { kept?: [string, string][]; secrets?: string[] } = {}): void {
    expect(run.signal, 'a hang or a crash').toBeNull();
    expect([0, 1, 2]).toContain(run.status);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(outputProblems(run.stderr)).toEqual([]);
    if (run.status === 2) {
      expect(run.stderr.endsWith('\n') && run.stderr.split('\n').length === 2, `one line on stderr: ${run.stderr}`).toBe(true);
    }
    for (const [path, text] of kept) expect(readFileSync(path, 'utf8'), `${path} clobbered`).toBe(text);
    for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
  }

  it.each([
    ['check', ['check', '-', '--stdin-filename', 'team.yaml', '-o', 'team.yaml']],
    ['check, through a link', ['check', '-', '--stdin-filename', 'team.yaml', '-o', 'link.yaml']],
    ['report', ['report', '-', '--stdin-filename', 'team.yaml', '-o', 'team.yaml']],
    ['diff', ['diff', '-', 'other.yaml', '--stdin-filename', 'team.yaml', '-o', './team.yaml']],
  ])('never writes output onto the team file piped in under its name (%s)', (_what, args) => {
    const dir = place();
    writeFileSync(join(dir, 'other.yaml'), TEAM);
    symlinkSync('team.yaml', join(dir, 'link.yaml'));
    const run = cli(args, dir, { input: TEAM });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/it is one of the team files being read/);
    holds(run, { kept: [[join(dir, 'team.yaml'), TEAM]] });
  });

  it('refuses -o onto a dangling link, and creates nothing where it points', () => {
    const dir = place();
    symlinkSync(join(dir, 'elsewhere', 'made.json'), join(dir, 'out.json'));
    mkdirSync(join(dir, 'elsewhere'));
    const run = cli(['check', 'team.yaml', '-f', 'json', '-o', 'out.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/symbolic link to nothing/);
    expect(existsSync(join(dir, 'elsewhere', 'made.json'))).toBe(false);
    holds(run, { kept: [[join(dir, 'team.yaml'), TEAM]] });
  });

  it('refuses two outputs that are one file through a link', () => {
    const dir = place();
    writeFileSync(join(dir, 'out.json'), 'old');
    symlinkSync('out.json', join(dir, 'alias.sarif'));
    const run = cli(['check', 'team.yaml', '-f', 'json', '-o', 'out.json', '--report', 'sarif=alias.sarif'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/two outputs would write/);
    holds(run, { kept: [[join(dir, 'out.json'), 'old']] });
  });

  it.skipIf(process.platform === 'win32')('refuses -o onto a FIFO at once, rather than hang', () => {
    const dir = place();
    const made = spawnSync('mkfifo', [join(dir, 'pipe')]);
    if (made.status !== 0) return;
    const run = cli(['check', 'team.yaml', '-o', 'pipe'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a regular file/);
    holds(run);
  });

  it('writes -o - to standard output, and no file named "-"', () => {
    const dir = place();
    const run = cli(['check', 'team.yaml', '-f', 'json', '-o', '-'], dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).version).toBe(1);
    expect(existsSync(join(dir, '-'))).toBe(false);
    holds(run);
  });

  it('reads a git revision whose path has glob characters as a path, never as a pathspec', () => {
    const dir = place();
    writeFileSync(join(dir, 'team-b.yaml'), TEAM);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    if (git('init', '-q').status !== 0) return;
    git('add', '.');
    git('commit', '-qm', 'team');
    const run = cli(['diff', 'git:HEAD:team*.yaml', 'team.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/"team\*\.yaml" does not exist in revision "HEAD"/);
    holds(run);
    expect(cli(['diff', 'git:HEAD:team.yaml', 'team.yaml'], dir).status).toBe(0);
  });

  it.each(['999999999999', '253402300800'])('refuses SOURCE_DATE_EPOCH=%s past the year 9999 with one line', (epoch) => {
    const dir = place();
    const run = cli(['report', 'team.yaml'], dir, { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/SOURCE_DATE_EPOCH/);
    holds(run);
  });

  it.each(['report', 'matrix'])('refuses --stdin-filename without - in %s', (command) => {
    const dir = place();
    const run = cli([command, 'team.yaml', '--stdin-filename', 'x.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--stdin-filename names standard input, but no "-" was given/);
    holds(run);
  });

  it('says standard input is a folder when it is one', () => {
    const dir = place();
    const fd = openSync(dir, 'r');
    try {
      const run = cli(['check', '-'], dir, { stdin: fd });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/standard input is a folder/);
      holds(run);
    } finally {
      closeSync(fd);
    }
  });

  it('escapes Hangul fillers and U+FFFE in the terminal and in Markdown', () => {
    const dir = place();
    const name = 'Eve\u3164Filler\u115fHangul\uffa0Half\ufffeNon';
    writeFileSync(join(dir, 'team.yaml'), TEAM.replace(/name: .*/, `name: "${name}"`));
    for (const format of ['stylish', 'markdown', 'github', 'junit']) {
      const run = cli(['check', 'team.yaml', '-f', format], dir);
      holds(run);
      expect(run.stdout, format).not.toMatch(/[\u3164\u115f\uffa0\ufffe]/);
    }
    const run = cli(['matrix', 'team.yaml', '-f', 'markdown'], dir);
    expect(run.stdout).not.toMatch(/[\u3164\u115f\uffa0\ufffe]/);
  });

  it('doubles { and } in SARIF message text, so {0} stays text', () => {
    const dir = place();
    writeFileSync(join(dir, 'team.yaml'), TEAM.replace(/roles: \[([a-z-]+)/, 'roles: ["x{0}", $1'));
    const run = cli(['check', 'team.yaml', '-f', 'sarif'], dir);
    expect(run.status).toBe(1);
    const texts: string[] = JSON.parse(run.stdout).runs[0].results.map((r: { message: { text: string } }) => r.message.text);
    expect(texts.some((t) => t.includes('"x{{0}}"'))).toBe(true);
    expect(texts.every((t) => !/(^|[^{])\{\d+\}/.test(t))).toBe(true);
    holds(run);
  });

  it('lets only one of two init --yes at the same moment create the file', async () => {
    for (let round = 0; round < 6; round++) {
      const dir = mkdtempSync(join(scratchFolder(), 'init-race-'));
      const start = (name: string) =>
        spawnCli(['init', '--yes', '--name', name, '--employees', '50'], { cwd: dir, env: ENV, timeout: HANG_GUARD_MS });
      const runs = await Promise.all([start('First Org'), start('Second Org')]);
      const won = runs.filter((r) => r.status === 0);
      expect(won, runs.map((r) => r.stderr).join('')).toHaveLength(1);
      const lost = runs.find((r) => r.status !== 0);
      if (lost) {
        expect(lost.status).toBe(2);
        expect(lost.stderr).toMatch(/already exists; use --force/);
        holds(lost);
      }
      const written = readFileSync(join(dir, 'team.yaml'), 'utf8');
      expect(written).toContain(won[0]?.stdout.includes('First Org') ? 'First Org' : 'Second Org');
      expect(readdirSync(dir)).toEqual(['team.yaml']);
    }
  });

  it('never echoes a linked secret file: refused for CI formats, only short excerpts of keys otherwise', () => {
    const dir = place();
    const outside = mkdtempSync(join(scratchFolder(), 'outside-'));
    const longKey = `LONG_${'k'.repeat(200)}`;
    writeFileSync(join(outside, 'secret.env'), `AWS_SECRET_ACCESS_KEY: AKIA-SECRET-VALUE-1234\n${longKey}: hidden-value-5678\nroot: $6$saltsalt$hashhashhash\n`);
    symlinkSync(join(outside, 'secret.env'), join(dir, 'linked.yaml'));
    const secrets = ['AKIA-SECRET-VALUE-1234', 'hidden-value-5678', '$6$saltsalt$hashhashhash', longKey.slice(0, 70)];
    for (const format of ['github', 'sarif', 'junit', 'markdown']) {
      const run = cli(['check', 'linked.yaml', '-f', format], dir);
      expect(run.status, format).toBe(2);
      expect(run.stderr).toMatch(/symbolic link to a file outside the working folder/);
      holds(run, { secrets });
    }
    const report = cli(['check', 'linked.yaml', '--report', 'sarif=out.sarif'], dir);
    expect(report.status).toBe(2);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(false);
    for (const format of ['stylish', 'json']) {
      const run = cli(['check', 'linked.yaml', '-f', format], dir);
      expect(run.status, format).toBe(1);
      holds(run, { secrets });
    }
    // A file that is not YAML at all: the parser's messages quote a short excerpt of a token, never a whole line.
    writeFileSync(join(outside, 'shadow'), `version: 1\n]]] "TOKEN-${'t'.repeat(80)}-END-OF-SECRET" ]\n`);
    symlinkSync(join(outside, 'shadow'), join(dir, 'shadow.yaml'));
    const broken = cli(['check', 'shadow.yaml'], dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/TOKEN-t+\.\.\./);
    holds(broken, { secrets: ['END-OF-SECRET'] });
    // A link inside the working folder is read as usual.
    symlinkSync('team.yaml', join(dir, 'inside.yaml'));
    expect(cli(['check', 'inside.yaml', '-f', 'github'], dir).status).toBe(0);
  });

  it('expands a glob without following links: a fan-out of links to folders is not walked, each file is checked once', () => {
    const dir = place();
    const levels = 5;
    for (let level = 0; level < levels; level++) mkdirSync(join(dir, 'fan', `d${level}`), { recursive: true });
    for (let level = 0; level < levels - 1; level++) for (let link = 0; link < 4; link++) symlinkSync(join('..', `d${level + 1}`), join(dir, 'fan', `d${level}`, `l${link}`));
    writeFileSync(join(dir, 'fan', `d${levels - 1}`, 'team.yaml'), TEAM);
    symlinkSync('team.yaml', join(dir, 'fan', `d${levels - 1}`, 'again.yaml'));
    const run = cli(['check', 'fan/**/*.yaml', 'fan/d4/team.yaml', '-f', 'json'], dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file)).toEqual(['fan/d4/team.yaml']);
    holds(run);
  });

  it('defuses Markdown and Mermaid in names, in every Markdown-producing command', () => {
    const dir = place();
    const hostile = ['%%{init: {"theme": "dark"}}%%', 'click m0 href "https://evil.example"', 'https://evil.example/x', 'www.evil.example', '$x^2$ math', 'see GH-7 and #7', '@octocat'];
    let text = TEAM;
    hostile.forEach((name, i) => {
      text = text.replace(/\n {4}name: (?!")[^\n]*/, `\n    name: ${JSON.stringify(name)} # ${i}`);
    });
    writeFileSync(join(dir, 'team.yaml'), text);
    writeFileSync(join(dir, 'before.yaml'), TEAM);
    const outputs = [cli(['check', 'team.yaml', '-f', 'markdown'], dir), cli(['matrix', 'team.yaml', '-f', 'markdown'], dir), cli(['diff', 'before.yaml', 'team.yaml', '-f', 'markdown'], dir)];
    for (const run of outputs) {
      holds(run);
      const out = run.stdout;
      expect(out).not.toMatch(/https?:\/\//);
      expect(out).not.toMatch(/\bwww\./);
      expect(out).not.toMatch(/(^|[^\\])\$x/);
      expect(out).not.toMatch(/\bGH-7/);
      expect(out).not.toMatch(/#7/);
      expect(out).not.toMatch(/@octocat/);
    }
    const chart = outputs[0]?.stdout.split('```mermaid')[1]?.split('```')[0] ?? '';
    expect(chart).toContain('flowchart TD');
    expect(chart).not.toMatch(/^\s*click\b/m);
    // Inside labels, every sign is an entity: no %, $ or @ is left for Mermaid to read.
    expect(chart).not.toMatch(/[%$@]/);
  });
});

describe('findings on one line', () => {
  it('come in order of column, whichever pass found them (control character, encoding, parser)', () => {
    // A control character at column 11, an invalid byte at column 13: found by two passes, in the other order.
    const bytes = Buffer.concat([Buffer.from('version: 1\x01 '), Buffer.from([0xff]), Buffer.from('\norganization: [\n')]);
    const findings = checkBytes(bytes, { file: 'team.yaml' }).findings;
    expect(findings.length).toBeGreaterThan(1);
    const positions = findings.map((f) => [f.line, f.column]);
    expect(positions).toEqual([...positions].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
  });
});

describe('stack safety of the source', () => {
  it('spreads no array into a call anywhere in src/ (push(...items), Math.max(...values))', async () => {
    const ts = await import('typescript');
    const found: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
    for (const file of walk(join(ROOT, 'src'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: import('typescript').Node): void => {
        if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
          found.push(`${file.slice(ROOT.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
