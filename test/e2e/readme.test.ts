import { readFileSync } from 'node:fs';
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
});
