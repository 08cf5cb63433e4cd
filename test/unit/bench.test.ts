/**
 * The benchmark's own pieces, without timing anything: the generated teams
 * are valid and read on the fast path, and the report computes its ratios
 * and targets from the figures it is given.
 */
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { readYaml } from '../../src/load/fast.js';
import { generateTeam } from '../../scripts/bench/generate.mjs';
import { median } from '../../scripts/bench/measure.mjs';
import { evaluateTargets, renderGroup } from '../../scripts/bench/report.mjs';

describe('generated teams', () => {
  it.each([30, 1000])('of %i members are valid, clean and read without a syntax finding', (size) => {
    const text = generateTeam(size);
    expect(text).toBe(generateTeam(size));
    const loaded = readYaml(text);
    expect('locator' in loaded).toBe(true);
    const data = ('data' in loaded ? loaded.data : undefined) as { members: { id: string }[] };
    expect(data.members).toHaveLength(size);
    expect(new Set(data.members.map((m) => m.id)).size).toBe(size);
    expect(checkTeam(text, { today: '2026-06-01' }).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses a size too small for a team', () => {
    expect(() => generateTeam(1)).toThrow(RangeError);
  });
});

function result(key: string, times: number[], rssMb = 50) {
  return { key, label: key, times, rssKb: times.map(() => rssMb * 1024) };
}

describe('the bench report', () => {
  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints ratios to the floor and to each peer', () => {
    const table = renderGroup({ id: '30', title: '30 members', results: [result('floor', [20, 21, 19]), result('check', [30, 29, 31]), result('ajv', [300, 310, 290]), result('spectral', [600, 610, 590])] });
    expect(table).toContain('| 1.50× | 0.10× | 0.05× |');
    expect(table).toContain('| 30 ms | 50 MB |');
  });

  it('judges every target from the same run', () => {
    const groups = [
      { id: 'startup', title: '', results: [result('floor', [20]), result('check', [29]), result('ajv', [300]), result('help', [27])] },
      { id: '10000', title: '', results: [result('check', [300]), result('ajv', [400])] },
      { id: '100000', title: '', results: [result('check', [1300], 450), result('ajv', [1200])] },
    ];
    const verdicts = Object.fromEntries(evaluateTargets(groups).map((t) => [t.name, t.holds]));
    expect(verdicts).toEqual({
      'check medium.yaml ≤ 1.5× node -e 0': true,
      'check medium.yaml ≤ 0.5× ajv-cli': true,
      '--help ≤ 1.3× node -e 0': false,
      '10,000 members: no slower than ajv-cli': true,
      '100,000 members: no slower than ajv-cli': false,
      '100,000 members: peak RSS < 400 MB': false,
      '100,000 members ≤ 12× the time at 10,000': true,
    });
  });
});
