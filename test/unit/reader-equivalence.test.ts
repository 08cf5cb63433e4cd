/**
 * The reader (js-yaml with positions, src/load/fast.ts) against the yaml
 * package, the reference for YAML 1.2: on every file both read, the same
 * data; on team-like files, the same position for every node; on the YAML
 * test suite, positions inside the file, and differences only where the
 * suite's corner cases are listed below. A file the reader refuses is
 * described by the yaml package, and always gives a syntax finding.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { checkTeam } from '../../src/lint.js';
import { readYaml } from '../../src/load/fast.js';
import { encodePointer } from '../../src/load/locate.js';
import { loadWithYaml } from '../../src/load/yaml-doc.js';
import type { LoadedFile } from '../../src/load/load.js';
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

type Outcome = 'refused' | 'same' | 'lenient' | 'other data' | 'other positions';

/**
 * Reads `text` with both; checks what must hold on every file and says how
 * the two compare. `exact`: the file is a team file, whose data and positions
 * must be the yaml package's.
 */
function compare(text: string, label: string, exact: boolean): Outcome {
  const ours = readYaml(text);
  const reference = loadWithYaml(YAML, text);
  const referenceReads = reference.ok && reference.findings.length === 0;
  if (!('locator' in ours)) {
    expect(checkTeam(text, { today: TODAY }).findings.some((f) => f.ruleId === 'yaml-syntax' && f.severity === 'error'), `${label}: a refused file gives a syntax finding`).toBe(true);
    return 'refused';
  }
  const loaded: LoadedFile = ours;
  const lines = text.split('\n').length;
  for (const pointer of pointers(loaded.data)) {
    const r = loaded.locator.locate(pointer, 'value');
    expect(r.line >= 1 && r.endLine <= lines && (r.line < r.endLine || r.column <= r.endColumn), `${label} ${pointer}: inside the file`).toBe(true);
  }
  if (!referenceReads) {
    expect(exact, `${label}: read here, refused by the yaml package: ${reference.findings[0]?.message}`).toBe(false);
    return 'lenient';
  }
  // isDeepStrictEqual: toStrictEqual would compare a `constructor` key as the objects' class.
  const sameData = isDeepStrictEqual(loaded.data, reference.data);
  if (exact) expect(sameData, `${label}: the same data`).toBe(true);
  if (!sameData) return 'other data';
  let same = true;
  for (const pointer of pointers(reference.data)) {
    for (const anchor of ['key', 'value'] as const) {
      const mine = loaded.locator.locate(pointer, anchor);
      const theirs = reference.locator.locate(pointer, anchor);
      if (exact) expect(mine, `${label} ${pointer} (${anchor})`).toEqual(theirs);
      else same &&= mine.line === theirs.line && mine.column === theirs.column;
    }
    if (exact) expect(loaded.locator.source(pointer), `${label} ${pointer} (source)`).toBe(reference.locator.source(pointer));
  }
  return same ? 'same' : 'other positions';
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

/**
 * Corner cases of the YAML test suite that js-yaml reads otherwise than the
 * yaml package: keys that are collections or empty (`? [a, b]`, `[: x]`),
 * which js-yaml turns into other text; and invalid YAML it still reads. A team
 * file's keys are plain words, and the schema refuses any other.
 */
const SUITE_OTHER_DATA = ['6BFJ', '6PBE', '82AN', '9MMW', 'CFD4', 'DFF7', 'FRK4', 'KK5P', 'LX3P', 'M2N8/01', 'M5DY', 'PW8X', 'Q9WF', 'RZP5', 'SBG9', 'UKK6/02', 'V9D5', 'XW4D'];
const SUITE_LENIENT = ['2SXE', '4JVG', '9JBA', '9KBC', 'CVW2', 'CXX2', 'H7J7', 'M5C3', 'S98Z', 'SU5Z', 'W5VH', 'Y79Y/000'];

describe('the reader reads like the yaml package', () => {
  it('on every template: the same data and positions', () => {
    const templates = filesUnder(join(ROOT, 'templates'), (n) => n.endsWith('.yaml'));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) expect(compare(readFileSync(file, 'utf8'), file, true)).toBe('same');
  });

  it('on every test fixture (the hostile corpus included; the YAML test suite has its own case below)', () => {
    const outcomes: Record<string, number> = {};
    for (const file of filesUnder(join(ROOT, 'test', 'fixtures'), (n) => /\.ya?ml$/.test(n))) {
      if (file.startsWith(YAML_TEST_SUITE)) continue;
      // Keys that are collections: js-yaml makes other text of them, and the schema refuses any such key.
      const outcome = compare(readFileSync(file, 'utf8'), file, !file.endsWith('complex-keys.yaml'));
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect(outcomes.same).toBeGreaterThan(40);
  });

  it('on the YAML test suite: the same data but for the listed corner cases, and positions inside the file', () => {
    const cases = filesUnder(YAML_TEST_SUITE, (n) => n === 'in.yaml');
    expect(cases.length).toBeGreaterThan(300);
    const byOutcome: Record<Outcome, string[]> = { refused: [], same: [], lenient: [], 'other data': [], 'other positions': [] };
    for (const file of cases) byOutcome[compare(readFileSync(file, 'utf8'), file, false)].push(relative(YAML_TEST_SUITE, join(file, '..')));
    expect(byOutcome['other data'].sort()).toEqual(SUITE_OTHER_DATA);
    expect(byOutcome.lenient.sort()).toEqual(SUITE_LENIENT);
    // Positions start where the yaml package's do, but inside flow collections js-yaml pairs differently (`[a: b]`).
    expect(byOutcome.same.length).toBeGreaterThan(150);
    expect(byOutcome['other positions'].length).toBeLessThan(30);
  });

  it('on generated teams and mutants of them, in block and in flow style', () => {
    expect(compare(generateTeam(30), 'generated 30', true)).toBe('same');
    expect(compare(generateTeam(30).replace(/\n/g, '\r\n'), 'generated 30, CRLF', true)).toBe('same');
    expect(compare(FLOW_TEAM, 'flow style', true)).toBe('same');
    const bases = [generateTeam(12).split('\n'), FLOW_TEAM.split('\n')];
    const outcomes: Record<string, number> = {};
    for (let seed = 1; seed <= 150; seed++) {
      const pick = random(seed);
      const lines = [...(bases[seed % 2] ?? [])];
      const count = 1 + Math.floor(pick() * 3);
      for (let m = 0; m < count; m++) MUTATIONS[Math.floor(pick() * MUTATIONS.length)]?.(lines, pick);
      const outcome = compare(lines.join('\n'), `mutant ${seed}`, false);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect(outcomes['other data'] ?? 0).toBe(0);
    expect(outcomes.lenient ?? 0).toBe(0);
    expect(outcomes.same).toBeGreaterThan(70);
  });

  it.each([
    ['a leading document marker', `---\n${generateTeam(12)}`],
    ['document markers at both ends', `--- # the team\n${generateTeam(12)}...\n`],
    ['a literal block scalar', 'version: 1\nexceptions:\n  - rule: single-point-of-failure\n    reason: |\n      Two lines\n      of reason.\n    approvedBy: ana\nrules: {}\n'],
    ['a folded block scalar with keep chomping', 'a: >+\n  folded\n  text\n\nb: 2\n'],
    ['anchors and aliases', 'roles: &analyst [security-analyst]\nmembers:\n  - {id: a, roles: *analyst}\n  - id: b\n    roles: *analyst\n'],
    ['a flow mapping over several lines', 'organization: {\n  name: Flow Co,\n  employees: 300\n  }\n'],
    ['a plain scalar over several lines', 'name: one\n  two\nb: 2\n'],
    ['a comment indented deeper than the next line', 'a:\n  b: 1\n    # deeper\n  c: 2\n'],
    ['line and paragraph separators and a next-line character in names', 'organization: {name: "a\u2028b"}\nmembers:\n  - {id: x, name: c\u2029d\u0085e}\n'],
  ])('reads %s itself, with the same data', (_what, text) => {
    expect(compare(text, JSON.stringify(text.slice(0, 60)), false)).not.toMatch(/refused|lenient|other data/);
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
    compare(text, JSON.stringify(text.slice(0, 60)), false);
  });
});
