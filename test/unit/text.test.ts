import { describe, expect, it } from 'vitest';
import { csvCell, escapeControl, escapeMarkdown, safeJson, wrap } from '../../src/format/text.js';

describe('escaping untrusted text', () => {
  it.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['\x1b]0;title\x07', '\\x1b]0;title\\x07'],
    ['a\u009bb', 'a\\x9bb'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['\u202eevil', '\\u202eevil'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['Zoë 😀 שלום', 'Zoë 😀 שלום'],
  ])('escapeControl(%j)', (input, output) => {
    expect(escapeControl(input)).toBe(output);
  });

  it('keeps JSON valid and inert', () => {
    const text = safeJson({ name: '\u009b2J\u202e\x1b' });
    expect(text).toBe('{"name":"\\u009b2J\\u202e\\u001b"}');
    expect(JSON.parse(text).name).toBe('\u009b2J\u202e\x1b');
  });

  it('keeps Markdown from rendering links, HTML or breaking tables', () => {
    expect(escapeMarkdown('[x](http://e) <img> a|b *c*')).toBe('&#91;x&#93;(http://e) &#60;img&#62; a&#124;b &#42;c&#42;');
    expect(escapeMarkdown('# heading')).toBe('&#35; heading');
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('wraps prose at the width', () => {
    expect(wrap('one two three four', 9, '  ')).toBe('  one two\n  three\n  four');
  });
});
