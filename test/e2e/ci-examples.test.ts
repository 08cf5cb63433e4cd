import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers.js';
import { childrenNamed, parseXml } from '../xml.js';

const FILES = {
  github: 'examples/github-actions/secops-team.yml',
  gitlab: 'examples/gitlab-ci/secops-team.gitlab-ci.yml',
  precommitConfig: 'examples/pre-commit/.pre-commit-config.yaml',
  hooks: '.pre-commit-hooks.yaml',
};

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** Strict YAML: duplicate keys and anything else suspicious fail the test. */
const load = <T>(file: string): T => parse(read(file), { strict: true, uniqueKeys: true, prettyErrors: true });

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
}
interface GitLabJob {
  script: string[];
  artifacts: { when: string; reports: { junit: string } };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
}

/** A repository with a valid and an invalid team file under teams/. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-ci-'));
  mkdirSync(join(dir, 'teams', 'emea'), { recursive: true });
  copyFileSync(join(ROOT, 'templates', 'large.yaml'), join(dir, 'teams', 'hq.yaml'));
  writeFileSync(join(dir, 'teams', 'emea', 'berlin.yaml'), 'version: 1\norganization:\n  name: Berlin\n  employees: 80\nmembers:\n  - id: dana\n    name: Dana\n    roles: [cisco]\n');
  return dir;
}

/** Runs a CI command line in a shell, with the published package replaced by this build. */
function shell(command: string, dir: string, env: Record<string, string> = {}) {
  const local = command.replace(/^npx --yes secops-team@0 /, `"${process.execPath}" "${BIN}" `);
  expect(local).not.toBe(command);
  return spawnSync('sh', ['-c', local], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
}

describe('CI examples', () => {
  it.each(Object.entries(FILES))('%s is valid YAML and appears verbatim in docs/ci.md', (_name, file) => {
    expect(() => load(file)).not.toThrow();
    if (file !== FILES.hooks) expect(read('docs/ci.md')).toContain('```yaml\n' + read(file) + '```');
  });

  it('GitHub Actions: annotations, SARIF upload with security-events: write and if: always(), and the job summary', () => {
    const job = load<Workflow>(FILES.github).jobs.check!;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const check = job.steps.find((s) => s.run?.includes('secops-team'));
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    if (!check?.run || !upload?.with?.sarif_file) throw new Error('the workflow needs a check step and an upload step with sarif_file');
    expect(upload.if).toBe('always()');
    expect(check.run).toMatch(/^npx --yes secops-team@0 check 'teams\/\*\*\/\*\.yaml' --format github --report sarif=(\S+) --report markdown="\$GITHUB_STEP_SUMMARY"$/);
    expect(check.run).toContain(`--report sarif=${upload.with.sarif_file}`);

    // Run the step as the runner would.
    const dir = repository();
    const summary = join(dir, 'step_summary');
    writeFileSync(summary, '');
    const run = shell(check.run, dir, { GITHUB_STEP_SUMMARY: summary });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=teams\/emea\/berlin\.yaml,line=8,endLine=8,col=13,endColumn=18,title=schema::unknown role "cisco"/);
    const sarif = JSON.parse(readFileSync(join(dir, upload.with.sarif_file), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## secops-team\n\n✖ \*\*1 problem\*\*/);
  });

  it('GitLab CI: the JUnit report as an artifact, kept when the job fails', () => {
    const job = load<Record<string, GitLabJob>>(FILES.gitlab)['secops-team']!;
    expect(job.artifacts.when).toBe('always');
    const report = job.artifacts.reports.junit;
    expect(job.script).toEqual([`npx --yes secops-team@0 check 'teams/**/*.yaml' --report junit=${report}`]);
    const dir = repository();
    const run = shell(job.script[0]!, dir);
    expect(run.status).toBe(1);
    const suites = childrenNamed(parseXml(readFileSync(join(dir, report), 'utf8')), 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['teams/emea/berlin.yaml', 'teams/hq.yaml']);
  });

  it('pre-commit: the hook runs check on team files', () => {
    const hooks = load<Hook[]>(FILES.hooks);
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ id: 'secops-team', entry: 'secops-team check', language: 'node', types: ['yaml'] });
    const files = new RegExp(hook.files);
    for (const name of ['team.yaml', 'org/team.yml', 'teams/hq.yaml', 'teams/emea/berlin.yaml']) expect(name).toMatch(files);
    for (const name of ['teams.yaml', 'docker-compose.yaml', 'my-team.yaml', 'teams/notes.md']) expect(name).not.toMatch(files);
    // pre-commit runs the entry with the changed files' names appended.
    const dir = repository();
    const run = shell(`npx --yes secops-team@0 ${hook.entry.replace(/^secops-team /, '')} teams/hq.yaml teams/emea/berlin.yaml`, dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/in 2 files/);
    const config = load<{ repos: { repo: string; hooks: { id: string }[] }[] }>(FILES.precommitConfig);
    expect(config.repos[0]?.hooks.map((h) => h.id)).toEqual([hook.id]);
  });
});
