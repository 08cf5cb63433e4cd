import { describe, expect, it } from 'vitest';
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
