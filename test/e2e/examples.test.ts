import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(join(ROOT, 'examples', 'github-diff-comment.yml'), 'utf8')) as {
  on: { pull_request: { paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const diffStep = steps.find((s) => s.run?.includes('secops-team diff'));
const commentStep = steps.find((s) => s.run?.startsWith('gh pr comment'));

describe('examples/github-diff-comment.yml', () => {
  it('runs on pull requests that touch team.yaml, allowed to comment', () => {
    expect(workflow.on.pull_request.paths).toEqual(['team.yaml']);
    expect(workflow.permissions['pull-requests']).toBe('write');
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });

  it('compares git:origin/<base>:team.yaml with team.yaml as Markdown, failing on a regression', () => {
    expect(diffStep?.env?.BASE_REF).toBe('${{ github.base_ref }}');
    expect(diffStep?.run).toBe('npx secops-team diff "git:origin/${BASE_REF}:team.yaml" team.yaml --format markdown -o team-diff.md --fail-on-regression');
  });

  it('posts the file the diff wrote, even when the diff step failed', () => {
    expect(commentStep?.run).toBe('gh pr comment "$PR_NUMBER" --body-file team-diff.md --edit-last --create-if-none');
    expect(commentStep?.if).toContain('!cancelled()');
    expect(commentStep?.env?.GH_TOKEN).toBe('${{ github.token }}');
  });

  it.skipIf(spawnSync('git', ['--version']).status !== 0)('its diff command works as written in a repository with an origin branch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-example-'));
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    const team = (members: string[]) =>
      ['version: 1', 'organization: {name: Acme, employees: 120}', 'members:', ...members.map((m) => `  - ${m}`), ''].join('\n');
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'team.yaml'), team(['{id: dana, name: Dana, roles: [security-manager]}', '{id: omar, name: Omar, roles: [it-operations-manager]}', '{id: ana, name: Ana, roles: [security-analyst]}']));
    git('add', 'team.yaml');
    git('commit', '-q', '-m', 'team');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    // The pull request removes the only analyst.
    writeFileSync(join(dir, 'team.yaml'), team(['{id: dana, name: Dana, roles: [security-manager]}', '{id: omar, name: Omar, roles: [it-operations-manager]}']));

    const script = (diffStep?.run ?? '').replace(/^npx secops-team /, `"${process.execPath}" "${BIN}" `);
    const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BASE_REF: 'main', NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const comment = readFileSync(join(dir, 'team-diff.md'), 'utf8');
    expect(comment).toContain('## secops-team diff');
    expect(comment).toContain('| ➖ removed | ana | Ana |');
    expect(comment).toContain('**❌ regression:');
  });
});
