import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows exactly what the tour command prints', () => {
    const block = readme.match(/```console\n\$ npx secops-team check templates\/small\.yaml\n([\s\S]*?)```/);
    expect(block, 'the tour block is missing').not.toBeNull();
    expect(runCli(['check', 'templates/small.yaml']).stdout).toBe(block?.[1]);
  });

  it('keeps the two set-up commands of the quick start', () => {
    expect(readme).toContain('npm install && npx secops-team check templates/small.yaml\nnpm test\n');
  });

  it('lists every rule in the rules table', async () => {
    const { ALL_RULES } = await import('../../src/rules/index.js');
    for (const rule of ALL_RULES) expect(readme).toContain(`\`${rule.id}\``);
  });

  it('shows exactly what the diff example prints, and its exit code', () => {
    const block = readme.match(/```console\n\$ npx secops-team diff (test\/fixtures\/\S+) (test\/fixtures\/\S+) --fail-on-regression\n([\s\S]*?)```/);
    expect(block, 'the diff example is missing').not.toBeNull();
    const run = runCli(['diff', block?.[1] ?? '', block?.[2] ?? '', '--fail-on-regression']);
    expect(run.stdout).toBe(block?.[3]);
    expect(run.status).toBe(1);
  });

  it('shows the CI workflow exactly as examples/github-diff-comment.yml has it', () => {
    const workflow = readFileSync(join(ROOT, 'examples', 'github-diff-comment.yml'), 'utf8');
    expect(readme).toContain('```yaml\n' + workflow + '```');
  });

  it('shows a screenshot of a report that is committed and small', () => {
    const image = readme.match(/!\[[^\]]*\]\((docs\/[^)]+\.png)\)/)?.[1];
    expect(image).toBeDefined();
    const path = join(ROOT, image ?? '');
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeLessThan(400 * 1024);
  });
});
