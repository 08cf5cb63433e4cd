import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';

function team(members: string): string {
  return `version: 1\norganization:\n  name: Acme\n  employees: 120\nmembers:\n${members}`;
}
const m = (id: string, extra = '') => `  - id: ${id}\n    name: ${id.toUpperCase()}\n    roles: [security-manager]\n${extra}`;
const reference = (text: string) =>
  checkTeam(text)
    .findings.filter((f) => ['duplicate-member', 'unknown-member', 'reporting-cycle'].includes(f.ruleId))
    .map(({ ruleId, severity, line, column, path, members }) => ({ ruleId, severity, line, column, path, members }));

describe('reference checks', () => {
  it('reports a duplicate member id at the second occurrence', () => {
    expect(reference(team(m('dana') + m('lee') + m('dana')))).toEqual([
      { ruleId: 'duplicate-member', severity: 'error', line: 12, column: 9, path: '/members/2/id', members: ['dana'] },
    ]);
  });

  it('reports reportsTo naming no member, with a suggestion', () => {
    const text = team(m('dana') + m('lee', '    reportsTo: danna\n'));
    expect(reference(text)).toEqual([{ ruleId: 'unknown-member', severity: 'error', line: 12, column: 16, path: '/members/1/reportsTo', members: ['lee'] }]);
    expect(checkTeam(text).findings.find((f) => f.ruleId === 'unknown-member')?.message).toMatch(/did you mean "dana"/);
  });

  it('reports someone who reports to themself', () => {
    expect(reference(team(m('dana', '    reportsTo: dana\n')))).toEqual([
      { ruleId: 'reporting-cycle', severity: 'error', line: 9, column: 16, path: '/members/0/reportsTo', members: ['dana'] },
    ]);
  });

  it('reports a loop once, at the member that comes first in the file', () => {
    const text = team(m('a', '    reportsTo: b\n') + m('b', '    reportsTo: c\n') + m('c', '    reportsTo: a\n') + m('d', '    reportsTo: a\n'));
    const found = reference(text);
    expect(found).toEqual([{ ruleId: 'reporting-cycle', severity: 'error', line: 9, column: 16, path: '/members/0/reportsTo', members: ['a', 'b', 'c'] }]);
    expect(checkTeam(text).findings.find((f) => f.ruleId === 'reporting-cycle')?.message).toBe('reporting lines form a loop: a → b → c → a');
  });

  it('finds and names a loop below an open position (open positions are not members)', () => {
    const open = '  - id: open1\n    name: Future hire\n    roles: [security-engineer]\n    vacancy: true\n';
    const text = team(open + m('a', '    reportsTo: b\n') + m('b', '    reportsTo: a\n') + m('c', ''));
    expect(reference(text)).toEqual([{ ruleId: 'reporting-cycle', severity: 'error', line: 13, column: 16, path: '/members/1/reportsTo', members: ['a', 'b'] }]);
    expect(checkTeam(text).findings.find((f) => f.ruleId === 'reporting-cycle')?.message).toBe('reporting lines form a loop: a → b → a');
  });

  it('accepts a chain of 20,000 members without recursion', () => {
    const lines = ['version: 1', 'organization:', '  name: Big', '  employees: 30000', 'members:'];
    for (let i = 0; i < 20_000; i++) lines.push(`  - {id: m${i}, name: M, roles: [system-administrator]${i > 0 ? `, reportsTo: m${i - 1}` : ''}}`);
    expect(reference(lines.join('\n') + '\n')).toEqual([]);
  });
});

describe('the gap analysis after reference checks', () => {
  it('stops at duplicate member ids, since who holds what is ambiguous', () => {
    const text = team(m('dana') + '  - id: dana\n    name: Other\n    roles: [system-administrator]\n');
    const result = checkTeam(text);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['duplicate-member']);
    expect(result.coverage).toEqual([]);
  });

  it('goes on after an unknown reportsTo', () => {
    const result = checkTeam(team(m('dana', '    reportsTo: nobody\n')));
    expect(result.findings.map((f) => f.ruleId)).toContain('unknown-member');
    expect(result.coverage).toHaveLength(43);
  });
});
