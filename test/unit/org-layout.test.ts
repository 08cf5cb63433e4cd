import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildForest, DEFAULT_LAYOUT, flattenForest, layoutOrgChart, type ChartMember, type ForestNode } from '../../src/format/report/org-layout.js';

const ids = (nodes: readonly ForestNode<ChartMember>[]) => nodes.map((n) => n.member.id);

describe('buildForest', () => {
  it('makes members without reportsTo roots and hangs the rest under their managers, in file order', () => {
    const roots = buildForest([{ id: 'a' }, { id: 'b', reportsTo: 'a' }, { id: 'c', reportsTo: 'a' }, { id: 'd', reportsTo: 'b' }, { id: 'e' }]);
    expect(ids(roots)).toEqual(['a', 'e']);
    expect(ids(roots[0]?.children ?? [])).toEqual(['b', 'c']);
    expect(flattenForest(roots).map((n) => `${n.member.id}:${n.depth}`)).toEqual(['a:0', 'b:1', 'd:2', 'c:1', 'e:0']);
  });

  it('makes a member whose manager is not in the team a root, and says why', () => {
    const roots = buildForest([{ id: 'a', reportsTo: 'ghost' }, { id: 'b', reportsTo: 'a' }]);
    expect(ids(roots)).toEqual(['a']);
    expect(roots[0]?.problem).toBe('unknown-manager');
    expect(roots[0]?.children[0]?.problem).toBeUndefined();
  });

  it('cuts every reporting loop at its first member in the file, self-reports included', () => {
    const roots = buildForest([
      { id: 'x', reportsTo: 'z' },
      { id: 'y', reportsTo: 'x' },
      { id: 'z', reportsTo: 'y' },
      { id: 's', reportsTo: 's' },
      { id: 't', reportsTo: 'y' },
    ]);
    expect(ids(roots)).toEqual(['x', 's']);
    expect(roots.map((r) => r.problem)).toEqual(['cycle', 'cycle']);
    expect(flattenForest(roots).map((n) => n.member.id).sort()).toEqual(['s', 't', 'x', 'y', 'z']);
  });

  it('handles a chain of thousands without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, ...(i > 0 ? { reportsTo: `m${i - 1}` } : {}) }));
    const flat = flattenForest(buildForest(chain));
    expect(flat).toHaveLength(20_000);
    expect(flat[19_999]?.depth).toBe(19_999);
  });
});

/** Random teams: each member reports to nobody, an earlier or later member, itself, or someone unknown. */
const teams = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.array(fc.oneof(fc.constant(-1), fc.constant(-2), fc.integer({ min: 0, max: n - 1 })), { minLength: n, maxLength: n }).map((managers) =>
    managers.map((m, i): ChartMember => ({ id: `m${i}`, ...(m === -1 ? {} : { reportsTo: m === -2 ? 'ghost' : `m${m}` }) })),
  ),
);

describe('layoutOrgChart', () => {
  it('places every member once, inside the chart, with no two boxes overlapping and reports below their manager', () => {
    const o = DEFAULT_LAYOUT;
    fc.assert(
      fc.property(teams, (members) => {
        const layout = layoutOrgChart(buildForest(members));
        expect(layout.nodes.map((n) => n.node.member.id).sort()).toEqual(members.map((m) => m.id).sort());
        const position = new Map(layout.nodes.map((n) => [n.node.member.id, n]));
        for (const a of layout.nodes) {
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.y).toBeGreaterThanOrEqual(0);
          expect(a.x + o.nodeWidth).toBeLessThanOrEqual(layout.width);
          expect(a.y + o.nodeHeight).toBeLessThanOrEqual(layout.height);
          for (const child of a.node.children) expect(position.get(child.member.id)?.y).toBeGreaterThanOrEqual(a.y + o.nodeHeight);
        }
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = i + 1; j < layout.nodes.length; j++) {
            const a = layout.nodes[i];
            const b = layout.nodes[j];
            if (!a || !b) continue;
            const apart = a.x + o.nodeWidth <= b.x || b.x + o.nodeWidth <= a.x || a.y + o.nodeHeight <= b.y || b.y + o.nodeHeight <= a.y;
            expect(apart, `${a.node.member.id} and ${b.node.member.id} overlap`).toBe(true);
          }
        }
        // One drawn line per reporting line that was kept.
        expect(layout.edges).toHaveLength(members.length - buildForest(members).length);
      }),
      { numRuns: 100 },
    );
  });

  it('centres a manager over the first and last of their reports', () => {
    const layout = layoutOrgChart(buildForest([{ id: 'boss' }, { id: 'a', reportsTo: 'boss' }, { id: 'b', reportsTo: 'boss' }, { id: 'c', reportsTo: 'a' }]));
    const at = (id: string) => layout.nodes.find((n) => n.node.member.id === id);
    const centre = (id: string) => (at(id)?.x ?? NaN) + DEFAULT_LAYOUT.nodeWidth / 2;
    expect(centre('boss')).toBe((centre('a') + centre('b')) / 2);
    expect(at('a')?.y).toBe(at('b')?.y);
  });

  it('stacks three or more reports who lead nobody in balanced columns under their manager', () => {
    const reports = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, reportsTo: 'lead' }));
    const layout = layoutOrgChart(buildForest([{ id: 'lead' }, ...reports]));
    const columns = new Map<number, number>();
    for (const n of layout.nodes) if (n.node.member.id !== 'lead') columns.set(n.x, (columns.get(n.x) ?? 0) + 1);
    expect([...columns.values()]).toEqual([5, 5]);
    // Narrow: two columns wide, not ten.
    expect(layout.width).toBeLessThan(3 * DEFAULT_LAYOUT.nodeWidth);
  });

  it('hangs reports in columns when side by side they would be wider than the maximum width', () => {
    const members: ChartMember[] = [{ id: 'ciso' }];
    for (let m = 0; m < 4; m++) {
      members.push({ id: `mgr${m}`, reportsTo: 'ciso' });
      for (let l = 0; l < 3; l++) {
        members.push({ id: `lead${m}${l}`, reportsTo: `mgr${m}` });
        for (let a = 0; a < 2; a++) members.push({ id: `an${m}${l}${a}`, reportsTo: `lead${m}${l}` });
      }
    }
    const layout = layoutOrgChart(buildForest(members));
    expect(layout.width).toBeLessThanOrEqual(DEFAULT_LAYOUT.maxRowWidth + 2 * DEFAULT_LAYOUT.margin);
    const at = (id: string) => layout.nodes.find((n) => n.node.member.id === id);
    // The managers hang below the CISO's left edge, one under another.
    expect(at('mgr0')?.x).toBeGreaterThan(at('ciso')?.x ?? Infinity);
    expect(at('mgr1')?.y).toBeGreaterThan(at('mgr0')?.y ?? Infinity);
    // Each manager's own leads still sit side by side.
    expect(at('lead00')?.y).toBe(at('lead01')?.y);
  });

  it('wraps trees onto a new row past the maximum width', () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ id: `solo${i}` }));
    const layout = layoutOrgChart(buildForest(members), { maxRowWidth: 1000 });
    expect(layout.width).toBeLessThanOrEqual(1000 + 2 * DEFAULT_LAYOUT.margin);
    expect(new Set(layout.nodes.map((n) => n.y)).size).toBeGreaterThan(1);
  });
});
