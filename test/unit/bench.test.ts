/**
 * The benchmark's own pieces, without timing anything: the generated teams
 * are valid and read without a syntax finding, and the report computes its ratios
 * and targets from the figures it is given.
 */
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { readYaml } from '../../src/load/fast.js';
import { employeesFor, generateTeam } from '../../scripts/bench/generate.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
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

  it.each([
    ['a leading ---', { marker: true }],
    ['a block scalar', { blockScalar: true }],
    ['flow style', { flow: true }],
    ['1 % removed and 1 % changed', { change: true }],
  ])('with %s are valid and give the same findings', (_what, options) => {
    const plain = checkTeam(generateTeam(1000), { today: '2026-06-01' });
    const variant = checkTeam(generateTeam(1000, options), { today: '2026-06-01' });
    expect(variant.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(variant.findings.map((f) => f.ruleId))).toEqual(new Set(plain.findings.map((f) => f.ruleId)));
    expect(variant.suppressed.length).toBeGreaterThan(0);
    const members = variant.team?.members.length ?? 0;
    expect(members).toBe('change' in options ? 990 : 1000);
  });

  it('builds reporting lines three to five levels deep', () => {
    const team = checkTeam(generateTeam(1000), { today: '2026-06-01' }).team;
    const byId = new Map(team?.members.map((m) => [m.id, m]));
    const depths = new Set<number>();
    for (const member of team?.members ?? []) {
      let depth = 1;
      for (let m = member; m.reportsTo !== undefined; depth++) m = byId.get(m.reportsTo) ?? m;
      depths.add(depth);
    }
    expect(Math.max(...depths)).toBe(5);
    expect(depths.has(3) && depths.has(4)).toBe(true);
  });

  it('keeps employees within the schema at any size', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8'));
    const maximum: number = schema.properties.organization.properties.employees.maximum;
    expect(employeesFor(100_000)).toBe(1_200_000);
    expect(employeesFor(900_000)).toBe(maximum);
    expect(generateTeam(1000)).toContain(`employees: ${employeesFor(1000)}\n`);
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

  it('prints ratios to node -e 0, to the floor and to each peer', () => {
    const table = renderGroup({ id: '30', title: '30 members', results: [result('floor', [20, 21, 19]), result('yamlajv', [60, 60, 60]), result('check', [30, 29, 31]), result('ajv', [300, 310, 290])] });
    expect(table).toContain('| check | 30 ms | 50 MB | 1.50× | 0.50× | 0.10× | 3 |');
  });

  it('judges every target from the same run', () => {
    const big = (key: string, ms: number, rss = 300) => result(key, [ms], rss);
    const groups = [
      { id: 'startup', title: '', results: [result('floor', [20]), result('check', [29]), result('ajv', [300]), result('help', [27])] },
      { id: '10000', title: '', results: [big('check', 300), big('diff', 100), big('report', 200)] },
      {
        id: '100000',
        title: '',
        results: [
          big('yamlajv', 900),
          big('ajv', 1000),
          big('check', 1400, 450),
          big('stylish', 1500),
          big('markdown', 1900),
          big('diff', 2000),
          big('report', 1900, 900),
          big('matrix', 1400),
          big('matrixjson', 1400),
          big('marker', 1400),
          big('block', 1900),
          big('flow', 1500),
        ],
      },
    ];
    const verdicts = Object.fromEntries(evaluateTargets(groups).map((t) => [t.name, t.holds]));
    expect(verdicts).toEqual({
      'check medium.yaml ≤ 1.5× node -e 0': true,
      '--help ≤ 1.3× node -e 0': false,
      '100,000 members: `check -f json` ≤ 1.5× ajv-cli': true,
      '100,000 members: `check -f json` ≤ 2× the floor': true,
      '100,000 members: `diff` ≤ 1.5× ajv-cli': false,
      '100,000 members: `report` ≤ 2× ajv-cli': true,
      '100,000 members: `check -f markdown` ≤ 2× ajv-cli': true,
      '100,000 members: `matrix` (table) ≤ 1.5× ajv-cli': true,
      '100,000 members: `matrix -f json` ≤ 1.5× ajv-cli': true,
      '100,000 members: stylish ≤ 1.1× json': true,
      '100,000 members, leading `---`: ≤ 1.3× the plain file': true,
      '100,000 members, a block scalar: ≤ 1.3× the plain file': false,
      '100,000 members, flow style: ≤ 1.3× the plain file': true,
      '100,000 members: peak RSS of check ≤ 400 MB': false,
      '100,000 members: peak RSS of every command ≤ 800 MB': false,
      '10,000 → 100,000 members: every command ≤ 12× slower': false,
    });
  });
});
