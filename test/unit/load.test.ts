import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkBytes, checkTeam } from '../../src/lint.js';
import { brief, ROOT, yaml } from '../helpers.js';
import { positionProblems } from '../robustness.js';

/** Findings of the reading and schema stages: the gap analysis has its own tests. */
const readingFindings = (text: string) => checkTeam(text).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');

const VALID = yaml`
  version: 1
  organization:
    name: Acme
    employees: 120
  members:
    - id: dana
      name: Dana Reyes
      roles: [security-manager, system-administrator]
`;

describe('loading YAML', () => {
  it('accepts a valid team with no syntax findings', () => {
    expect(checkTeam(VALID).findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
  });

  it.each([
    ['a duplicate key, at the second key', 'version: 1\nversion: 1\n', 2, 1],
    ['an unclosed flow sequence', 'version: 1\nmembers: [a, b\n', 3, 1],
    ['tabs used for indentation', 'organization:\n\tname: x\n', 2, 1],
    ['an unresolved custom tag', 'version: !foo 1\n', 1, 10],
    ['a language tag', 'version: !!js/function "f() {}"\n', 1, 10],
    ['a second document', 'version: 1\n---\nversion: 1\n', 2, 1],
  ])('reports %s as yaml-syntax with its position', (_what, text, line, column) => {
    const findings = brief(text).filter((f) => f.ruleId === 'yaml-syntax');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ severity: 'error', line, column });
  });

  it('reports invalid UTF-8 at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('version: 1\nname: "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]);
    const [first] = checkBytes(bytes).findings;
    expect(first).toMatchObject({ ruleId: 'yaml-syntax', line: 2, column: 8 });
    expect(first?.message).toMatch(/UTF-8/);
  });

  it('stops an alias bomb with a finding instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const result = checkTeam(lines.join('\n') + '\n');
    expect(result.findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 2 });
    expect(result.findings[0]?.message).toMatch(/aliases/);
  });

  it('treats an empty file as a schema finding at 1:1', () => {
    expect(brief('')).toEqual([{ ruleId: 'schema', severity: 'error', line: 1, column: 1 }]);
    expect(checkTeam('# only a comment\n').findings[0]?.message).toMatch(/empty/);
  });

  it('keeps positions right with a byte-order mark and CRLF line endings', () => {
    const text = '\uFEFF' + 'version: 1\r\norganization:\r\n  name: Acme\r\n  employees: 120\r\n  colour: red\r\nmembers: []\r\n';
    expect(brief(text)).toEqual([{ ruleId: 'schema', severity: 'error', line: 5, column: 3 }]);
  });
});

describe('loading hostile YAML', () => {
  it.each([
    ['a NUL byte', 'version: 1\0\n', 1, 11, 'U+0000'],
    ['a raw escape character', 'version: 1\norganization:\n  name: "a\x1b[2Jb"\n', 3, 11, 'U+001B'],
    ['DEL', 'version: 1\x7f\n', 1, 11, 'U+007F'],
    ['a C1 control (one-byte CSI)', 'version: 1\norganization: \x9b31m\n', 2, 15, 'U+009B'],
    ['a lone surrogate', 'version: 1\nname: \ud800\n', 2, 7, 'U+D800'],
  ])('reports %s, which YAML does not allow, at its position', (_what, text, line, column, code) => {
    const [finding, ...rest] = checkTeam(text).findings;
    expect(finding).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', line, column });
    expect(finding?.message).toContain(code);
    // The stage stops there: nothing is validated from a file YAML cannot hold.
    expect(rest.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('accepts tabs, CR LF, a byte-order mark and emoji: they are allowed', () => {
    const text = '\uFEFFversion: 1\r\norganization:\r\n  name: "Acme\t😀"\r\n  employees: 3\r\nmembers: []\r\n';
    expect(readingFindings(text)).toEqual([]);
  });

  it.each([
    ['block mappings', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['block sequences', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')],
    ['flow sequences', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow mappings', '{a: '.repeat(10_000) + '}'.repeat(10_000)],
  ])('reports 10,000 levels of nested %s once, in plain words', (_what, text) => {
    const findings = checkTeam(text).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error' });
    expect(findings[0]?.message).toMatch(/^the file nests lists and mappings more than 100 levels deep/);
  });

  it('prints no warnings of the yaml package: problems are findings only', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const findings = checkTeam('? [a, b]\n: 1\n? {c: d}\n: 2\n').findings;
      expect(findings.length).toBeGreaterThan(0);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  it.each([
    ['an unclosed quote', 'version: 1\nname: "abc\n'],
    ['an unclosed quote with no final newline', 'version: 1\nname: "abc'],
    ['an unclosed flow sequence', 'members: [a, b\n'],
    ['a lone directive', '%YAML 1.2\n%YAML 1.2\n---\n'],
    ['a document end only', '---\n'],
  ])('keeps positions at the end of the file inside it: %s', (_what, text) => {
    const lines = text.split('\n');
    const findings = checkTeam(text).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.line).toBeLessThanOrEqual(lines.length);
      expect(f.column).toBeLessThanOrEqual((lines[f.line - 1] ?? '').length + 1);
      expect(f.endLine).toBeLessThanOrEqual(lines.length);
      expect(f.endColumn).toBeLessThanOrEqual((lines[f.endLine - 1] ?? '').length + 1);
      expect(f.endLine > f.line || f.endColumn >= f.column).toBe(true);
    }
  });

  it('does not instantiate or run anything from language tags, and keeps prototypes clean', () => {
    const text = [
      'version: 1',
      'organization: !!js/function "function () { globalThis.secopsTagRan = true; }"',
      'members: !!python/object/apply:os.system ["true"]',
      'rules: !<tag:yaml.org,2002:js/regexp> /x/',
      '__proto__: {polluted: true}',
      'constructor: {prototype: {polluted: true}}',
      '',
    ].join('\n');
    const findings = checkTeam(text).findings;
    expect(findings.filter((f) => f.ruleId === 'yaml-syntax').map((f) => f.line)).toEqual([2, 3, 4]);
    expect((globalThis as Record<string, unknown>).secopsTagRan).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('line numbers', () => {
  it('come from the text, not the parser: a stray quote that swallows line breaks shifts no position', () => {
    // The yaml package's own line count misses a line break here, which put columns past the end of line 77.
    const text = `'     ${readFileSync(join(ROOT, 'templates', 'large.yaml'), 'utf8')}`;
    const findings = checkTeam(text).findings;
    expect(findings.length).toBeGreaterThan(1);
    expect(positionProblems(text, findings)).toEqual([]);
  });
});

describe('tags and aliases', () => {
  it.each(['!!binary RGFuYQ==', '!!timestamp 2024-01-01', '!!set {a}', '!!omap [a: 1]', '!!pairs [a: 1]'])('builds no object from the known tag %s: it is an unresolved tag', (value) => {
    const [finding, ...rest] = checkTeam(`version: 1\nname: ${value}\n`).findings;
    expect(finding).toMatchObject({ ruleId: 'yaml-syntax', line: 2, column: 7 });
    expect(finding?.message).toMatch(/^Unresolved tag/);
    expect(rest.filter((f) => f.ruleId === 'schema')).toEqual([]);
  });

  it('keeps the core tags: !!str makes text of a number', () => {
    expect(readingFindings('version: 1\norganization: {name: !!str 2024, employees: 3}\nmembers:\n  - {id: !!str 0123, name: X, roles: [ciso]}\n')).toEqual([]);
  });

  it('reports an alias to no anchor at the alias, by name', () => {
    const text = 'version: 1\nroles: &ok [ciso]\nmore: *ok\nother: *missing\n';
    const [finding] = checkTeam(text).findings;
    expect(finding).toMatchObject({ ruleId: 'yaml-syntax', line: 4, column: 8 });
    expect(finding?.message).toBe('the alias *missing refers to no anchor before it; define &missing first, or write the value out');
  });
});

describe('YAML versions', () => {
  it('reports a %YAML 1.1 directive instead of reading 1.1 conversions into the team', () => {
    const text = '%YAML 1.1\n---\nversion: 1\norganization:\n  name: yes\n  employees: 0123\nmembers: []\n';
    const findings = checkTeam(text).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 1, column: 1, endColumn: 10 });
    expect(findings[0]?.message).toMatch(/asks for YAML 1\.1.*remove the %YAML line/);
  });

  it('reads values with the 1.2 core schema: yes, on and dates stay text', () => {
    const text = '%YAML 1.2\n---\nversion: 1\norganization:\n  name: yes\n  employees: 12\nmembers:\n  - {id: on, name: 2024-01-01, roles: [ciso], title: off}\n';
    expect(readingFindings(text)).toEqual([]);
  });
});

describe('a file that is not YAML at all', () => {
  it('lists the first 100 syntax problems and sums up the rest in one finding', () => {
    const html = Array.from({ length: 400 }, (_, i) => `<div class="a: b" id=x${i}>: {[</div>`).join('\n') + '\n';
    const findings = checkTeam(html).findings;
    expect(findings.length).toBe(101);
    expect(findings.every((f) => f.ruleId === 'yaml-syntax')).toBe(true);
    const last = findings.at(-1);
    expect(last?.message).toMatch(/^\d+ more YAML syntax problems from here on are not listed; is this a YAML team file\?/);
    expect(last!.line).toBeGreaterThanOrEqual(findings[99]!.line);
  });
});

describe('the library checks its arguments', () => {
  it('says what it expects instead of failing deep inside', () => {
    expect(() => checkTeam(42 as unknown as string)).toThrow('checkTeam expects the team file as a string');
    expect(() => checkBytes('text' as unknown as Uint8Array)).toThrow('checkBytes expects the team file as a Uint8Array');
    expect(() => checkTeam('version: 1\n', { today: new Date() as unknown as string })).toThrow('options.today must be a date written YYYY-MM-DD');
    expect(() => checkTeam('version: 1\n', { today: 'garbage' })).toThrow(TypeError);
  });
});
