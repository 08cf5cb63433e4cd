import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { collect } from '../../src/lint.js';
import { outputProblems, positionProblems, shapeProblems } from '../robustness.js';

/** The checks the corpus, the fuzz properties and the YAML suite rely on must themselves catch what they look for. */
describe('the robustness checks', () => {
  it.each([
    ['a raw escape', 'name \x1b]0;x\x07'],
    ['a carriage return', 'ok\rfake'],
    ['a one-byte CSI', '\x9b31m'],
    ['a right-to-left override', 'a\u202eb'],
    ['a tag character', 'a\u{e0041}'],
    ['a legacy GitHub command anywhere', 'x ##[error]y'],
    ['an Azure command in an annotation', '::error file=a.yaml::##vso[task.complete]'],
    ['a workflow command line', 'fine\n  ::set-output name=x::y'],
    ['an annotation whose command part carries file text', '::error file=pwned.yaml::x'],
  ])('flags %s', (_what, text) => {
    expect(outputProblems(text)).not.toEqual([]);
  });

  it('accepts escapes, newlines, tabs, and annotations the github format writes', () => {
    expect(outputProblems('a \\x1b]0;x \\x23#[error]\n\tb\n::error file=team.yaml,line=1,col=2,title=schema::unknown ##[role] ::x\n')).toEqual([]);
    expect(outputProblems('\x1b[31merror\x1b[39m', { coloured: true })).toEqual([]);
    expect(outputProblems('\x1b[31merror\x1b[39m')).not.toEqual([]);
  });

  it('flags positions outside the text or ending before they start', () => {
    const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: 'x', severity: 'error', message: 'm', path: '', line, column, endLine, endColumn }) as Finding;
    expect(positionProblems('ab\ncd\n', [at(1, 1, 1, 3), at(3, 1, 3, 1), at(2, 3, 3, 1)])).toEqual([]);
    expect(positionProblems('ab\ncd\n', [at(4, 1, 4, 1)])).toHaveLength(2);
    expect(positionProblems('ab\ncd\n', [at(1, 4, 1, 4)])).toHaveLength(2);
    expect(positionProblems('ab\ncd\n', [at(2, 2, 1, 1)])).toEqual(['x 2:2-1:1: ends before it starts']);
  });

  it('flags a JSON output that is not in its documented shape or whose counts disagree', () => {
    const good = collect([{ file: 'a.yaml', findings: [{ ruleId: 'schema', severity: 'error', message: 'm', path: '/a', line: 1, column: 1, endLine: 1, endColumn: 2 }], suppressed: [], coverage: [], checks: [] }]);
    expect(shapeProblems(good)).toEqual([]);
    expect(shapeProblems({ ...good, summary: { ...good.summary, errors: 0 } })).toEqual(['summary.errors 0 != 1']);
    expect(shapeProblems({ ...good, version: 2 })).not.toEqual([]);
    const [file] = good.files;
    expect(shapeProblems({ ...good, files: [{ ...file, findings: [{ ...file?.findings[0], line: 0 }] }] })).not.toEqual([]);
  });
});
