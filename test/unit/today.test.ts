import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayUtc } from '../../src/lint.js';

describe('todayUtc', () => {
  it('gives the UTC date Date#toISOString gives, for any instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(todayUtc(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
        expect(todayUtc(new Date(ms))).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('knows leap days and the turn of a century', () => {
    for (const day of ['2000-02-29', '1900-03-01', '2024-02-29', '2100-03-01', '1970-01-01', '2026-12-31']) {
      expect(todayUtc(Date.parse(`${day}T23:59:59.999Z`))).toBe(day);
      expect(todayUtc(Date.parse(`${day}T00:00:00Z`))).toBe(day);
    }
  });
});
