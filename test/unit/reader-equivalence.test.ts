/**
 * The fast reader (js-yaml) must give what the yaml package gives: the same
 * findings, the same data and the same position for every node, on every
 * file it accepts. It may decline a file, never read one differently.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { loadFast } from '../../src/load/fast.js';
import { loadText } from '../../src/load/load.js';
import { encodePointer } from '../../src/load/locate.js';
import { generateTeam } from '../../scripts/bench/generate.mjs';
import { ROOT, YAML_TEST_SUITE } from '../helpers.js';

const TODAY = '2026-06-01';

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, accept) : accept(name) ? [path] : [];
  });
}

/** Every JSON pointer into the data, and a few that lead nowhere. */
function pointers(data: unknown, at = ''): string[] {
  const out = [at, `${at}/missing`, `${at}/0`];
  if (Array.isArray(data)) data.forEach((item, i) => out.push(...pointers(item, `${at}${encodePointer([i])}`)));
  else if (data !== null && typeof data === 'object') {
    for (const key of Object.keys(data)) out.push(...pointers((data as Record<string, unknown>)[key], `${at}${encodePointer([key])}`));
  }
  return out;
}

/** Compares the two readers on one text; returns whether the fast reader accepted it. */
function compare(text: string, label: string): boolean {
  expect(checkTeam(text, { today: TODAY }), label).toEqual(checkTeam(text, { today: TODAY, reader: 'yaml' }));
  const fast = loadFast(text);
  if (!fast) return false;
  const reference = loadText(text, 'yaml');
  expect(reference.ok && reference.findings.length === 0, `${label}: the fast reader accepted a file the yaml package reports`).toBe(true);
  // isDeepStrictEqual: toStrictEqual would compare a `constructor` key as the objects' class.
  expect(isDeepStrictEqual(fast.data, reference.data), `${label}: the same data`).toBe(true);
  for (const pointer of pointers(reference.data)) {
    for (const anchor of ['key', 'value'] as const) {
      expect(fast.locator.locate(pointer, anchor), `${label} ${pointer} (${anchor})`).toEqual(reference.locator.locate(pointer, anchor));
    }
    expect(fast.locator.source(pointer), `${label} ${pointer} (source)`).toBe(reference.locator.source(pointer));
  }
  return true;
}

/** A small deterministic generator, so that mutants are the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const MUTATIONS: ((lines: string[], pick: () => number) => void)[] = [
  (lines, pick) => void lines.splice(Math.floor(pick() * lines.length), 1),
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    const indent = ['', ' ', '  ', '   ', '    ', '      '][Math.floor(pick() * 6)] ?? '';
    lines.splice(i, 0, `${indent}# a comment`);
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = `${lines[i] ?? ''}   # trailing`;
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines.splice(i, 0, '');
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = (lines[i] ?? '').replace(/: .*$/, ['', ': ', ': {a: 1}', ': [x, y]', ': "quoted"', ": 'single'", ': 7', ': -0', ': 0x1F', ': 1e3', ': .inf', ': null', ': true', ': ~', ': x # c', ':   '][Math.floor(pick() * 16)] ?? '');
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = (lines[i] ?? '').replace(/^( *)(- )?([a-zA-Z]+):/, (_m, indent: string, dash: string | undefined, key: string) => `${indent}${dash ?? ''}${['colour', 'tier', '__proto__', 'id', '"roles"', 'fte', key][Math.floor(pick() * 7)] ?? key}:`);
  },
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    lines[i] = ` ${lines[i] ?? ''}`;
  },
];

/** A team written with flow collections, as some people write them. */
const FLOW_TEAM = [
  'version: 1',
  'organization: {name: "Flow Co", employees: 300, soc: in-house}',
  'members:',
  '  - {id: ana, name: Ana Silva, roles: [ciso]}',
  "  - {id: ben, name: 'Ben Ode', roles: [security-manager, security-engineer], reportsTo: ana}",
  '  - {id: cai, name: Cai Wu, roles: [security-analyst], tier: 2, reportsTo: ben, fte: 0.5}',
  '  - { id: dee, name: "Dee, Jr.", roles: [ system-administrator ], reportsTo: ben }',
  'exceptions: []',
  'rules: {}',
  '',
].join('\n');

describe('the fast reader reads like the yaml package', () => {
  it('on every template, reading each one on the fast path', () => {
    const templates = filesUnder(join(ROOT, 'templates'), (n) => n.endsWith('.yaml'));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) expect(compare(readFileSync(file, 'utf8'), file), `${file} should be read on the fast path`).toBe(true);
  });

  it('on every test fixture (test/fixtures/**, the hostile corpus included; the YAML test suite has its own case below)', () => {
    for (const file of filesUnder(join(ROOT, 'test', 'fixtures'), (n) => /\.ya?ml$/.test(n))) if (!file.startsWith(YAML_TEST_SUITE)) compare(readFileSync(file, 'utf8'), file);
  });

  it('on the YAML test suite', () => {
    const suite = YAML_TEST_SUITE;
    const cases = filesUnder(suite, (n) => n === 'in.yaml');
    expect(cases.length).toBeGreaterThan(300);
    let fast = 0;
    for (const file of cases) if (compare(readFileSync(file, 'utf8'), file)) fast++;
    // The suite is full of YAML a team file does not use; some of it is still read fast.
    expect(fast).toBeGreaterThan(20);
  });

  it('on generated teams and mutants of them, in block and in flow style', () => {
    expect(compare(generateTeam(30), 'generated 30')).toBe(true);
    expect(compare(generateTeam(30).replace(/\n/g, '\r\n'), 'generated 30, CRLF')).toBe(true);
    expect(compare(FLOW_TEAM, 'flow style')).toBe(true);
    const bases = [generateTeam(12).split('\n'), FLOW_TEAM.split('\n')];
    let fast = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const pick = random(seed);
      const lines = [...(bases[seed % 2] ?? [])];
      const count = 1 + Math.floor(pick() * 3);
      for (let m = 0; m < count; m++) MUTATIONS[Math.floor(pick() * MUTATIONS.length)]?.(lines, pick);
      if (compare(lines.join('\n'), `mutant ${seed}`)) fast++;
    }
    expect(fast).toBeGreaterThan(50);
  });

  it.each([
    ['a duplicate key', 'version: 1\nversion: 1\n'],
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n'],
    ['a __proto__ key', 'version: 1\n__proto__: {polluted: true}\norganization: {name: A, employees: 3}\nmembers: []\n'],
    ['prototype keys in a member', 'members:\n  - id: a\n    __proto__: {isAdmin: true}\n    constructor: {prototype: {isAdmin: true}}\n    prototype: x\n'],
    ['control characters in a quoted name and in a comment', 'a: "\u009b31m"\nb: 1 # \u0007\n'],
    ['a next-line character', 'a: x\u0085y\n'],
    ['timestamps and merge keys, which the core schema reads as text', 'version: 1\nwhen: 2024-01-01\n<<: {a: 1}\n'],
    ['YAML 1.1 booleans and octals', 'a: yes\nb: off\nc: 010\nd: 0o10\ne: 1_000\nf: 0b11\ng: +.5\nh: .5e3\n'],
    ['an empty value at the end of the file', 'version: 1\norganization:'],
    ['a file without a final line break', 'version: 1\nmembers: []'],
    ['an empty file', ''],
    ['only a comment', '# nothing\n'],
    ['a scalar document', 'just text\n'],
    ['a byte-order mark', '\uFEFFversion: 1\n'],
    ['a tab', 'version:\t1\n'],
    ['a comment right after a quoted value', 'a: "x"#c\n'],
    ['keys over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a multi-line plain scalar', 'a: one\n  two\nb: 2\n'],
    ['indented comments after a value', 'a:\n  b: 1\n    # deeper\n  c: 2\n'],
    ['a trailing comment at the end of a nested mapping', 'a:\n  b: 1\n  # same depth\nc: 2\n'],
    ['a compact sequence with a comment', 'a:\n- x\n# c\nb: 1\n'],
    ['nested flow collections', '[[a], [b, [c]]]\n'],
    ['flow items js-yaml reads in a wrapper node', 'key: [:x]\nother: [[:y]]\n'],
    ['a flow mapping with a key and no value', 'a: {b, c: d}\n'],
    ['a flow sequence of pairs', 'a: [b: c, d]\n'],
    ['an explicit key in a flow sequence', '- [a, [b, ? {c: d}]]\n'],
    ['quoted keys', '"version": 1\n\'organization\': {"name": x}\n"a\\"b": 2\n'],
  ])('on %s', (_what, text) => {
    compare(text, JSON.stringify(text.slice(0, 60)));
  });
});
