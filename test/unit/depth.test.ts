import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { MAX_NESTING_DEPTH, tooDeepAt } from '../../src/load/depth.js';
import { ROOT } from '../helpers.js';

const org = 'version: 1\norganization:\n  name: Acme\n  employees: 50\n';

describe('the nesting scan before the readers', () => {
  it('passes every example, template and fixture that is not built to nest deeply', () => {
    const dirs = ['examples', 'templates', join('test', 'fixtures', 'hostile'), join('test', 'fixtures', 'api')];
    let seen = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(join(ROOT, dir))) {
        if (!/\.ya?ml$/.test(name) || name === 'cases.yaml' || name === 'nested-200.yaml') continue;
        seen++;
        expect({ name, at: tooDeepAt(readFileSync(join(ROOT, dir, name), 'utf8')) }).toEqual({ name, at: undefined });
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it.each([
    ['flow lists', (n: number) => `${org}members: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['flow mappings', (n: number) => `${org}members: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['block lists on one line', (n: number) => `${org}members:\n  ${'- '.repeat(n)}x\n`],
    ['complex keys', (n: number) => `${org}members:\n  ${'? '.repeat(n)}x\n`],
    ['indentation', (n: number) => `${org}members:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}\n`],
  ])('counts %s: the limit passes, one more is refused at the level that goes past it', (_kind, make) => {
    // Three levels are open before the members' value: the top mapping, members' list or mapping, and so on.
    const within = make(MAX_NESTING_DEPTH - 3);
    expect(tooDeepAt(within)).toBeUndefined();
    const beyond = make(MAX_NESTING_DEPTH + 5);
    const at = tooDeepAt(beyond);
    expect(at).toBeDefined();
    const finding = checkTeam(beyond).findings[0];
    expect(finding).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error' });
    expect(finding?.message).toMatch(`more than ${MAX_NESTING_DEPTH} levels deep`);
    expect(checkTeam(beyond).findings).toHaveLength(1);
  });

  it('does not count brackets in quotes, comments, plain text or block scalars', () => {
    const brackets = '['.repeat(MAX_NESTING_DEPTH * 2);
    const text = [
      org + 'members:',
      `  - id: a # ${brackets}`,
      `    name: "${brackets}"`,
      `    notes: '${brackets}'`,
      `    title: x${brackets}`,
      '    summary: |',
      `      ${brackets}`,
      '',
      `      ${brackets}`,
      '    roles: [ciso]',
      '',
    ].join('\n');
    expect(tooDeepAt(text)).toBeUndefined();
  });

  it('stops at the first level past the limit, however long the rest', () => {
    const text = `${org}members: ${'['.repeat(1_000_000)}\n`;
    const at = tooDeepAt(text);
    // The top-level mapping is one level; the 100th bracket is the 101st.
    expect(at).toBe(text.indexOf('[') + MAX_NESTING_DEPTH - 1);
  });
});
