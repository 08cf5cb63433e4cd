import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

interface ActionStep {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** A repository with secops-team installed (linked to this build), one broken team file and one with infos only. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-action-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'secops-team'), 'dir');
  mkdirSync(join(dir, 'teams'));
  copyFileSync(join(ROOT, 'templates', 'small.yaml'), join(dir, 'teams', 'hq.yaml'));
  writeFileSync(join(dir, 'teams', 'berlin.yaml'), 'version: 1\norganization:\n  name: Berlin\n  employees: 80\nmembers:\n  - id: dana\n    name: Dana\n    roles: [cisco]\n');
  return dir;
}

/** Runs the action's step as the runner would: inputs as INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files. */
function runAction(dir: string, inputs: Record<string, string>) {
  writeFileSync(join(dir, 'output.txt'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1', GITHUB_OUTPUT: join(dir, 'output.txt'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [join(ROOT, 'action', 'run.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
  const outputs = Object.fromEntries(
    readFileSync(join(dir, 'output.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(join(dir, 'summary.md'), 'utf8') };
}

describe('the GitHub Action', () => {
  it('is a composite action whose step passes every input on, then uploads SARIF even after a failed check', () => {
    expect(action.runs.using).toBe('composite');
    const [check, upload] = action.runs.steps;
    expect(check?.run).toBe('node "$GITHUB_ACTION_PATH/action/run.mjs"');
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'upload-sarif' && n !== 'working-directory')) {
      expect(check?.env?.[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    }
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload?.if).toContain('always()');
    expect(upload?.with?.sarif_file).toBe('${{ steps.check.outputs.sarif-path }}');
  });

  it('annotates, writes SARIF and the job summary, and fails on errors', () => {
    const dir = repository();
    const run = runAction(dir, { files: 'teams/hq.yaml\nteams/berlin.yaml', format: 'github', sarif: 'secops-team.sarif', summary: 'true', 'fail-on': 'error' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=teams\/berlin\.yaml,line=8,/m);
    expect(run.stdout).toMatch(/^::notice file=teams\/hq\.yaml,/m);
    expect(run.outputs).toEqual({ 'exit-code': '1', sarif: 'secops-team.sarif', 'sarif-path': join(dir, 'secops-team.sarif') });
    const sarif = JSON.parse(readFileSync(join(dir, 'secops-team.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('schema');
    expect(run.summary).toMatch(/^## secops-team/);
  });

  it('passes with fail-on: never unless it could not run, and fails on warnings with fail-on: warning', () => {
    const dir = repository();
    expect(runAction(dir, { files: 'teams/*.yaml', 'fail-on': 'never' }).status).toBe(0);
    const missing = runAction(dir, { files: 'teams/nowhere.yaml', 'fail-on': 'never' });
    expect(missing.status).toBe(2);
    expect(missing.outputs['exit-code']).toBe('2');
    writeFileSync(join(dir, 'teams', 'warn.yaml'), 'version: 1\norganization:\n  name: W\n  employees: 80\nmembers:\n  - {id: d, name: D, roles: [security-manager]}\n  - {id: s, name: S, roles: [system-administrator]}\n  - {id: o, name: O, roles: [it-operations-manager], onCall: true}\n  - {id: a, name: A, roles: [security-analyst], tier: 1}\n  - {id: b, name: B, roles: [security-analyst], tier: 1}\n');
    const warnings = runAction(dir, { files: 'teams/warn.yaml', sarif: '' });
    expect(warnings.stdout).toMatch(/^::warning /m);
    expect(warnings.status).toBe(0);
    expect(warnings.outputs.sarif).toBeUndefined();
    expect(runAction(dir, { files: 'teams/warn.yaml', sarif: '', 'fail-on': 'warning' }).status).toBe(1);
  });

  it('refuses inputs it does not know, with an annotation, before running anything', () => {
    const dir = repository();
    const run = runAction(dir, { format: 'table' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('::error title=secops-team::format "table" is not one of stylish, json, sarif, github, junit, markdown\n');
    expect(runAction(dir, { 'fail-on': 'sometimes' }).status).toBe(2);
    expect(runAction(dir, { version: '1.0.0; rm -rf /' }).status).toBe(2);
  });

  it('is what the README\'s workflow uses, with inputs the action has', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## GitHub Action\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const workflow = parse(block) as { jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; with?: Record<string, string> }[] }> };
    const job = Object.values(workflow.jobs)[0];
    const step = job?.steps.find((s) => s.uses === 'secops-team/secops-team@v1');
    expect(step).toBeDefined();
    for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    expect(job?.permissions['security-events']).toBe('write');
  });
});
