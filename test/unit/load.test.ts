import { describe, expect, it } from 'vitest';
import { checkBytes, checkTeam } from '../../src/lint.js';
import { brief, yaml } from '../helpers.js';

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
