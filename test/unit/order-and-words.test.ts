import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/findings.js';
import { article, formatCount } from '../../src/util/words.js';

describe('formatCount', () => {
  it('writes thousands separators as en-US does', () => {
    const numbers = [0, 7, 42, 999, 1000, 1001, 12500, 999999, 1000000, 10000000, 123456789, Number.MAX_SAFE_INTEGER, -1, -999, -1000, -1234567];
    for (const n of numbers) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves what is not a whole number to String()', () => {
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});

describe('article', () => {
  it.each([
    ['enterprise', 'an'],
    ['security lead', 'a'],
    ['MSSP', 'an'],
    ['user', 'a'],
    ['IT team', 'an'],
  ])('%s takes %s', (word, expected) => {
    expect(article(word)).toBe(expected);
  });
});

describe('compareFindings', () => {
  const at = (ruleId: string, severity: Finding['severity'] = 'info', line = 3, column = 5): Finding => ({ ruleId, severity, line, column, message: ruleId }) as Finding;

  it('orders by position, then severity, then rule id', () => {
    const findings = [at('soc-model'), at('absorbed-duties'), at('missing-role', 'error'), at('unused-role', 'info', 2), at('absorbed-duties', 'info', 3, 1)];
    expect(findings.sort(compareFindings).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([
      '2:5 info unused-role',
      '3:1 info absorbed-duties',
      '3:5 error missing-role',
      '3:5 info absorbed-duties',
      '3:5 info soc-model',
    ]);
    expect(compareFindings(at('soc-model'), at('soc-model'))).toBe(0);
  });
});
