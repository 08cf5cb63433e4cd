import { describe, expect, it } from 'vitest';
import type { CoverageEntry } from '../../src/findings.js';
import { carriers, MAX_TABLE_CARRIERS, tableCarriers } from '../../src/format/matrix.js';

function entry(count: number, via: string | null = null): CoverageEntry {
  const members = Array.from({ length: count }, (_, i) => `m${i}`);
  return { responsibility: 'security-analyst.alert-monitoring', role: 'security-analyst', status: 'covered', members, via } as CoverageEntry;
}

describe('the terminal table of the matrix', () => {
  it('lists every carrier of a small cell, as the other formats do', () => {
    const e = entry(MAX_TABLE_CARRIERS);
    expect(tableCarriers(e)).toBe(carriers(e));
  });

  it('lists the first carriers of a large cell and counts the rest', () => {
    const text = tableCarriers(entry(10_000, 'soc-analyst'));
    expect(text).toBe(`${Array.from({ length: MAX_TABLE_CARRIERS }, (_, i) => `m${i}`).join(', ')} and 9,988 more (via soc-analyst)`);
  });
});
