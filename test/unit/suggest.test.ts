import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { closest, SUGGESTION_CELLS } from '../../src/util/suggest.js';

describe('suggestions', () => {
  it('suggests the closest candidate within a third of the length', () => {
    expect(closest('cisco', ['ciso', 'cio'])).toBe('ciso');
    expect(closest('xyz', ['ciso', 'cio'])).toBeUndefined();
  });

  it('spends at most its budget, and then suggests nothing', () => {
    const budget = { cells: 100 };
    expect(closest('dana', ['dan', 'lee'], budget)).toBe('dan');
    expect(budget.cells).toBe(100 - 4 * 3 - 4 * 3);
    const tight = { cells: 10 };
    expect(closest('dana', ['dan'], tight)).toBeUndefined();
    expect(closest('dana', ['dana'], tight)).toBeUndefined();
  });

  it('skips candidates whose length alone puts them out of reach, at no cost', () => {
    const budget = { cells: 1000 };
    expect(closest('ab', ['abcdefghij'], budget)).toBeUndefined();
    expect(budget.cells).toBe(1000);
  });

  it('shares one budget across a run: thousands of misspelt ids cannot make a check quadratic', () => {
    // Ids with a long common prefix defeat any early exit: every pair costs the full table.
    const lines = ['version: 1', 'organization:', '  name: Acme', '  employees: 3000', 'members:'];
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const n = String(i).padStart(5, '0');
      lines.push(`  - {id: member-with-a-long-identifier-${n}, name: M, roles: [system-administrator], reportsTo: member-with-a-long-identifier-${n}x}`);
    }
    const findings = checkTeam(lines.join('\n') + '\n').findings.filter((f) => f.ruleId === 'unknown-member');
    expect(findings).toHaveLength(count);
    const suggested = findings.filter((f) => f.message.includes('did you mean')).length;
    // Each suggestion compares a 36-character id with 3,000 ids of 35: the budget allows only that many.
    expect(suggested).toBe(Math.floor(SUGGESTION_CELLS / (count * 36 * 35)));
    expect(suggested).toBeGreaterThan(0);
    expect(findings[0]?.message).toMatch(/did you mean "member-with-a-long-identifier-00000"/);
    expect(findings[count - 1]?.message).not.toMatch(/did you mean/);
  });
});
