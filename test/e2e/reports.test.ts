import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/format/index.js';
import { BIN, ROOT, runCli, STACK_TRACE } from '../helpers.js';
import { childrenNamed, parseXml } from '../xml.js';

const BAD = ['version: 1', 'organization:', '  name: Acme', '  employees: 120', 'members:', '  - id: dana', '    name: Dana', '    roles: [cisco]', ''].join('\n');

/** A folder with teams/ holding a valid and an invalid team file. */
function workspace(options: { bad?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-reports-'));
  mkdirSync(join(dir, 'teams'));
  copyFileSync(join(ROOT, 'templates', 'large.yaml'), join(dir, 'teams', 'northwind.yaml'));
  if (options.bad !== false) writeFileSync(join(dir, 'teams', 'acme.yaml'), BAD);
  return dir;
}

describe('several reports in one run', () => {
  it('lists every format and --report in check --help', () => {
    const help = runCli(['check', '--help']).stdout;
    expect(help).toMatch(/--report <format=file>/);
    const formats = /-f, --format <name>\s+output format: ([^(]+)/.exec(help)?.[1]?.replace(/\s+/g, ' ').trim();
    expect(formats?.split(/, | or /).sort()).toEqual(Object.keys(FORMATTERS).sort());
  });

  it.each([
    ['with error findings', true, 1],
    ['with a clean team', false, 0],
  ])('writes three reports and the terminal output, and exits as a plain run does (%s)', (_what, bad, code) => {
    const dir = workspace({ bad });
    const plain = runCli(['check', 'teams/*.yaml'], { cwd: dir });
    expect(plain.status).toBe(code);
    const run = runCli(['check', 'teams/*.yaml', '--report', 'sarif=out.sarif', '--report', 'junit=junit.xml', '--report=markdown=summary.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(code);
    expect(run.stdout).toBe(plain.stdout);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(bad ? 1 : 0);
    const suites = childrenNamed(parseXml(readFileSync(join(dir, 'junit.xml'), 'utf8')), 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(bad ? ['teams/acme.yaml', 'teams/northwind.yaml'] : ['teams/northwind.yaml']);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toMatch(bad ? /^✖ \*\*1 problem\*\* \(1 error, 0 warnings, 0 infos\) in 2 files$/m : /^✔ \*\*1 file checked: no problems\*\*$/m);
    expect(summary).not.toMatch(/\x1b\[/);
    // No temporary files are left beside the reports.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the main output with -f and -o next to the reports', () => {
    const dir = workspace();
    const run = runCli(['check', 'teams/*.yaml', '-f', 'github', '-o', 'annotations.txt', '--report', 'json=results.json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'annotations.txt'), 'utf8')).toMatch(/^::error file=teams\/acme\.yaml,line=8,/);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
  });

  it('appends to $GITHUB_STEP_SUMMARY and keeps what the step wrote there', () => {
    const dir = workspace();
    const summary = join(dir, 'step_summary');
    writeFileSync(summary, '# Earlier in this step\n');
    const env = { GITHUB_STEP_SUMMARY: summary };
    expect(runCli(['check', 'teams/*.yaml', '--report', `markdown=${summary}`], { cwd: dir, env }).status).toBe(1);
    expect(runCli(['check', 'teams/northwind.yaml', '--report', 'markdown=step_summary'], { cwd: dir, env }).status).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier in this step\n## secops-team\n')).toBe(true);
    expect(text.match(/^## secops-team$/gm)).toHaveLength(2);
    // A summary that does not end with a line break gets one before the report.
    writeFileSync(summary, 'no newline');
    runCli(['check', 'teams/northwind.yaml', '--report', 'markdown=step_summary'], { cwd: dir, env });
    expect(readFileSync(summary, 'utf8').startsWith('no newline\n## secops-team\n')).toBe(true);
    // Any other file is replaced, not appended to.
    writeFileSync(join(dir, 'other.md'), 'old\n');
    runCli(['check', 'teams/northwind.yaml', '--report', 'markdown=other.md'], { cwd: dir, env });
    expect(readFileSync(join(dir, 'other.md'), 'utf8').startsWith('## secops-team\n')).toBe(true);
  });

  it.each([
    ['a value without =', ['--report', 'sarif'], /^secops-team: --report "sarif" needs the form <format>=<file>/],
    ['an unknown format', ['--report', 'xml=out.xml'], /^secops-team: unknown format "xml" in --report; use one of: github, json, junit, markdown, sarif, stylish\n$/],
    ['a misspelt format, with a suggestion', ['--report', 'jnit=out.xml'], /^secops-team: unknown format "jnit" in --report; did you mean "junit"\? use one of: github, json, junit, markdown, sarif, stylish\n$/],
    ['no file', ['--report', 'sarif='], /^secops-team: --report "sarif=" names no file/],
    ['two reports to one file', ['--report', 'sarif=a.out', '--report', 'json=./a.out'], /^secops-team: two outputs would write "\.\/a\.out"; give each report its own file\n$/],
    ['a report to the -o file', ['-o', 'a.out', '--report', 'json=a.out'], /^secops-team: two outputs would write "a\.out"/],
    ['a report into a missing folder', ['--report', 'sarif=no/such/dir/out.sarif'], /^secops-team: cannot write "no\/such\/dir\/out\.sarif": no such file or directory/],
    ['a report over a folder', ['--report', 'sarif=teams'], /^secops-team: cannot write "teams": it is a directory; name a file\n$/],
  ])('exits 2 with one line for %s', (_what, args, message) => {
    const dir = workspace();
    const run = runCli(['check', 'teams/*.yaml', ...args], { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status).toBe(2);
  });

  it('leaves the old report whole when writing the new one fails', () => {
    const dir = workspace();
    const old = 'the previous report\n';
    writeFileSync(join(dir, 'old.sarif'), old);
    // A 1 KiB file-size limit makes the write fail (EFBIG) after the report has started.
    const run = spawnSync('sh', ['-c', `ulimit -f 1 && exec "${process.execPath}" "${BIN}" check 'teams/*.yaml' --report sarif=old.sarif`], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toMatch(/^secops-team: cannot write "old\.sarif": the file would be larger than this system allows/);
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'old.sarif'), 'utf8')).toBe(old);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('many files and globs', () => {
  function tree(): string {
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-globs-'));
    for (const sub of ['teams/emea/de', 'teams/amer', 'teams/node_modules/pkg', 'teams/.drafts']) mkdirSync(join(dir, sub), { recursive: true });
    const clean = readFileSync(join(ROOT, 'templates', 'large.yaml'), 'utf8');
    writeFileSync(join(dir, 'teams', 'hq.yaml'), clean);
    writeFileSync(join(dir, 'teams', 'emea', 'de', 'berlin.yaml'), BAD);
    writeFileSync(join(dir, 'teams', 'amer', 'nyc.yaml'), clean);
    writeFileSync(join(dir, 'teams', 'amer', 'notes.txt'), 'not a team');
    writeFileSync(join(dir, 'teams', 'node_modules', 'pkg', 'x.yaml'), 'not: a team');
    writeFileSync(join(dir, 'teams', '.drafts', 'wip.yaml'), 'not: a team');
    return dir;
  }

  it('checks a folder of team files given as a quoted glob, with one summary', () => {
    const dir = tree();
    const run = runCli(['check', 'teams/**/*.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/teams\/emea\/de\/berlin\.yaml\n {2}8:13 {2}error/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings, 0 infos) in 3 files');
    const json = JSON.parse(runCli(['check', 'teams/**/*.yaml', '-f', 'json'], { cwd: dir }).stdout);
    // Sorted as a shell sorts them, without node_modules, dot folders or other extensions.
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['teams/amer/nyc.yaml', 'teams/emea/de/berlin.yaml', 'teams/hq.yaml']);
  });

  it('takes braces, absolute globs and a file named twice once each', () => {
    const dir = tree();
    const json = (args: string[]) => JSON.parse(runCli(['check', ...args, '-f', 'json'], { cwd: dir }).stdout).files.map((f: { file: string }) => f.file);
    expect(json(['teams/{hq,amer/nyc}.yaml'])).toEqual(['teams/amer/nyc.yaml', 'teams/hq.yaml']);
    expect(json([`${dir}/teams/amer/*.yaml`])).toEqual([join(dir, 'teams', 'amer', 'nyc.yaml')]);
    expect(json(['teams/hq.yaml', 'teams/*.yaml', './teams/hq.yaml'])).toEqual(['teams/hq.yaml']);
    expect(json(['teams/node_modules/**/*.yaml'])).toEqual(['teams/node_modules/pkg/x.yaml']);
    expect(json(['teams/.drafts/*.yaml'])).toEqual(['teams/.drafts/wip.yaml']);
    symlinkSync('hq.yaml', join(dir, 'teams', 'link.yaml'));
    expect(json(['teams/*.yaml'])).toEqual(['teams/hq.yaml']);
  });

  it('reads a file whose name looks like a glob as that file', () => {
    const dir = tree();
    copyFileSync(join(ROOT, 'templates', 'large.yaml'), join(dir, 'teams', '[draft].yaml'));
    const run = runCli(['check', 'teams/[draft].yaml', '-f', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file)).toEqual(['teams/[draft].yaml']);
  });

  it('refuses a glob that matches nothing with exit 2 and one line', () => {
    const dir = tree();
    const run = runCli(['check', 'teams/**/*.yml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('secops-team: no files match "teams/**/*.yml" (from the current folder); check the pattern, or name the files\n');
    expect(run.stdout).toBe('');
  });

  it('checks standard input beside globbed files', () => {
    const dir = tree();
    const run = runCli(['check', 'teams/amer/*.yaml', '-', '--stdin-filename', 'teams/piped.yaml', '-f', 'json'], { cwd: dir, input: BAD });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file)).toEqual(['teams/amer/nyc.yaml', 'teams/piped.yaml']);
  });
});

describe('hostile names through the CLI', () => {
  it('emits nothing but the intended annotations', () => {
    const hostileName = 'x::set-output name=pwned::1,%0A::error::y\n::warning::z';
    const team = BAD.replace('[cisco]', '["::error file=a::b%0A::warning::c"]').replace('name: Dana', 'name: "::stop-commands::tok"');
    const run = runCli(['check', '-', '--stdin-filename', hostileName, '-f', 'github'], { input: team });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=x%3A%3Aset-output name=pwned%3A%3A1%2C%250A%3A%3Aerror%3A%3Ay\\n%3A%3Awarning%3A%3Az,line=8,endLine=8,col=13,endColumn=\d+,title=schema::unknown role "::error file=a::b%250A::warning::c"/);
    expect(lines[1]).toBe('secops-team: 1 problem (1 error, 0 warnings, 0 infos) in 1 file');
    expect(existsSync(join(ROOT, 'a'))).toBe(false);
  });
});
