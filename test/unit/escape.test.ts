import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMermaid, escapeSarifMessage, escapeTerminal, escapeWorkflowData, escapeWorkflowProperty, escapeXml } from '../../src/format/escape.js';
import { escapeControl, safeJson } from '../../src/format/text.js';
import { RAW_CONTROL } from '../helpers.js';

describe('escaping text from team files', () => {
  it.each([
    ['a terminal title (OSC 0)', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['a hyperlink (OSC 8)', '\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\', '\\x1b]8;;https://evil.example\\x1b\\link\\x1b]8;;\\x1b\\'],
    ['a clear screen (CSI)', '\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['a one-byte CSI', '\x9b31m', '\\x9b31m'],
    ['a carriage return that would overwrite the line', 'ok\rFAKE', 'ok\\rFAKE'],
    ['a right-to-left override', 'abc\u202edcba', 'abc\\u202edcba'],
    ['zero-width characters', 'a\u200bb\u200dc\u2060d', 'a\\u200bb\\u200dc\\u2060d'],
    ['invisible tag characters', 'a\u{e0041}\u{e007f}', 'a\\u{e0041}\\u{e007f}'],
    ['a soft hyphen', 'a\u00adb', 'a\\xadb'],
  ])('escapes %s visibly', (_what, raw, escaped) => {
    expect(escapeControl(raw)).toBe(escaped);
    expect(escapeControl(raw)).not.toMatch(RAW_CONTROL);
  });

  it('leaves right-to-left letters and emoji alone: they are text, not controls', () => {
    expect(escapeControl('שלום مرحبا 😀 Zoë')).toBe('שלום مرحبا 😀 Zoë');
  });

  it.each([
    ['a GitHub workflow command at the start', '::error file=a.yaml::pwned', '\\x3a:error file=a.yaml::pwned'],
    ['a workflow command after spaces', '   ::stop-commands::token', '   \\x3a:stop-commands::token'],
    ['the legacy GitHub form anywhere', 'Dana ##[error]pwned', 'Dana \\x23#[error]pwned'],
    ['an Azure Pipelines command', 'x ##vso[task.setvariable variable=A]1', 'x \\x23#vso[task.setvariable variable=A]1'],
    ['a TeamCity service message', '##teamcity[buildStatus text=pwned]', '\\x23#teamcity[buildStatus text=pwned]'],
  ])('makes %s inert', (_what, raw, escaped) => {
    expect(escapeControl(raw)).toBe(escaped);
  });

  it('keeps "::" and "#" in the middle of ordinary text', () => {
    expect(escapeControl('Team A::B #1 [x]')).toBe('Team A::B #1 [x]');
  });

  it('keeps JSON valid and the data unchanged, with nothing raw left in it', () => {
    const value = { name: '\x1b]0;t\x07 \u202e ##[error]x ##VSO[task] \u{e0041} \u0085 ::warning::y' };
    const json = safeJson(value, 2);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(RAW_CONTROL);
    expect(json).not.toMatch(/##[a-z]*\[/i);
  });
});

describe('the escaping module: one function per target', () => {
  it.each([
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115f'],
    ['Hangul jungseong filler', '\u1160'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['noncharacter U+FFFE', '\ufffe'],
    ['noncharacter U+FFFF', '\uffff'],
  ])('shows a %s as an escape in the terminal, Markdown, JSON and XML', (_what, char) => {
    const code = `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
    expect(escapeTerminal(`a${char}b`)).toBe(`a${code}b`);
    expect(escapeMarkdown(`a${char}b`)).toBe(`a\\${code}b`);
    expect(escapeXml(`a${char}b`)).toBe(`a${code}b`);
    expect(safeJson(`a${char}b`)).toBe(`"a${code}b"`);
  });

  it.each([
    ['a bare URL', 'see https://evil.example', 'see https&#8288;://evil.example'],
    ['a mailto: link', 'mailto:x@y.example', 'mailto&#8288;:x@&#8288;y.example'],
    ['a www. address', 'www.evil.example', 'www&#8288;.evil.example'],
    ['a GH- issue reference', 'GH-7', 'GH&#8288;-7'],
    ['an issue reference', '#7', '#&#8288;7'],
    ['a mention', '@octocat', '@&#8288;octocat'],
    ['math', '$x^2$', '\\$x^2\\$'],
  ])('defuses %s in Markdown', (_what, raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  it('writes every sign of a Mermaid label as an entity, and keeps $$ and \\n apart', () => {
    expect(escapeMermaid('%%{init: {"theme":"dark"}}%%')).toBe('#37;#37;#123;init#58; #123;#34;theme#34;#58;#34;dark#34;#125;#125;#37;#37;');
    expect(escapeMermaid('www.x/y @z')).toBe('www#46;x#47;y #64;z');
    expect(escapeMermaid('$$a$$')).toBe('#36;#8288;#36;a#36;#8288;#36;');
    expect(escapeMermaid('a\\nb')).toBe('a#92;#8288;nb');
    expect(escapeMermaid('Zoë 李 (Ops), O\'Neill - 2+2=4?!')).toBe('Zoë 李 (Ops), O\'Neill - 2+2=4?!');
  });

  it('doubles braces in SARIF message text, and escapes workflow-command text', () => {
    expect(escapeSarifMessage('unknown role "{0}"')).toBe('unknown role "{{0}}"');
    expect(escapeWorkflowData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(escapeWorkflowProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});
