import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers.js';

const COMMANDS = ['check', 'matrix', 'explain', 'roles', 'init', 'diff', 'report', 'plan', 'schema'];
/** Commands that write a report: each takes -f and -o. */
const REPORTERS = ['check', 'matrix', 'diff', 'report', 'plan'];
const help = async (...args: string[]) => (await runInProcess([...args, '--help'])).stdout;
/** The format names a command's -f lists in its help. */
const formats = (text: string) => /-f, --format <name>\s+output format: ([^(]*?)(?:\s+\(default|\n {2}-)/.exec(text)?.[1]?.replace(/\s+/g, ' ').replace(/ or /, ', ').split(', ') ?? [];

describe('help', () => {
  it('shows a short example of every command in the program\'s help, and the exit codes', async () => {
    const text = await help();
    for (const command of COMMANDS) expect(text, command).toMatch(new RegExp(`^ {2}\\$ secops-team ${command}\\b`, 'm'));
    expect(text).toMatch(/Exit codes:\n {2}0 {2}success\n {2}1 {2}.*\n {2}2 {2}could not run/);
  });

  it.each(COMMANDS)('%s --help lists its exit codes', async (command) => {
    const text = await help(command);
    const codes = /\nExit codes:\n((?: {2}\d+ {2}.*\n)+)/.exec(text)?.[1] ?? '';
    expect(codes).toMatch(/^ {2}0 {2}/);
    if (command !== 'schema') expect(codes).toMatch(/\n {2}2 {2}/);
    if (command === 'init') expect(codes).toMatch(/\n {2}130 {2}cancelled/);
  });

  it.each(REPORTERS)('%s takes -f and -o', async (command) => {
    const text = await help(command);
    expect(text).toMatch(/^ {2}-f, --format <name> /m);
    expect(text).toMatch(/^ {2}-o, --output <file> /m);
  });

  it('uses one set of format names: stylish for people and json for scripts wherever a command has them', async () => {
    for (const command of ['check', 'matrix', 'diff', 'plan', 'explain', 'roles']) {
      const names = formats(await help(command));
      expect(names, command).toContain('stylish');
      expect(names, command).toContain('json');
      expect(names, command).not.toContain('table');
      expect(names, command).not.toContain('text');
    }
    expect(formats(await help('report'))).toEqual(['html']);
  });
});

describe('matrix -f and -o', () => {
  it('writes any format to a file, and keeps the earlier name table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secops-team-matrix-'));
    const out = join(dir, 'coverage.csv');
    const run = await runInProcess(['matrix', join(ROOT, 'templates', 'small.yaml'), '-f', 'csv', '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^responsibility,/);
    const stylish = await runInProcess(['matrix', 'templates/small.yaml']);
    expect((await runInProcess(['matrix', 'templates/small.yaml', '-f', 'table'])).stdout).toBe(stylish.stdout);
    expect((await runInProcess(['roles', '-f', 'table'])).stdout).toBe((await runInProcess(['roles'])).stdout);
    expect((await runInProcess(['explain', 'schema', '-f', 'text'])).stdout).toBe((await runInProcess(['explain', 'schema'])).stdout);
  });

  it('refuses to write over the team file it reads, and an unknown format', async () => {
    expect((await runInProcess(['matrix', 'templates/small.yaml', '-o', 'templates/small.yaml'])).status).toBe(2);
    const bad = await runInProcess(['matrix', 'templates/small.yaml', '-f', 'sarif']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('secops-team: unknown format "sarif"; use one of: stylish, json, markdown, csv\n');
    expect((await runInProcess(['report', 'templates/small.yaml', '-f', 'json'])).status).toBe(2);
  });
});
