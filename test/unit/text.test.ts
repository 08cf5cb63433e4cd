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
    expect(escapeMarkdown('[x](http://e) <img> a|b *c*')).toBe('\\[x\\](http&#8288;://e) &lt;img&gt; a\\|b \\*c\\*');
    expect(escapeMarkdown('# heading @team #7')).toBe('#&#8288; heading @&#8288;team #&#8288;7');
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('wraps prose at the width', () => {
    expect(wrap('one two three four', 12, '  ')).toBe('  one two\n  three four');
  });
});

describe('stylish at a terminal width', () => {
  it('wraps long messages under the message column and keeps every line within the width', async () => {
    const { stylish } = await import('../../src/format/stylish.js');
    const { checkTeam, collect } = await import('../../src/lint.js');
    const { readFileSync } = await import('node:fs');
    const result = collect([checkTeam(readFileSync('templates/small.yaml', 'utf8'), { file: 'small.yaml' })]);
    const out = stylish(result, { color: false, width: 80 });
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(out).toContain('  16:9  info     nobody holds Chief Information Security Officer (ciso); Dana\n                 Reyes (security-manager) takes all 5 duties: strategy,\n                 executive-reporting, compliance,\n                 prevention-detection-response, threat-landscape\n                 absorbed-duties\n');
    expect(stylish(result, { color: false })).toContain('nobody holds Chief Information Security Officer (ciso); Dana Reyes (security-manager) takes all 5 duties: strategy, executive-reporting, compliance, prevention-detection-response, threat-landscape  absorbed-duties\n');
  });
});
