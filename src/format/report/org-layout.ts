import { maxOf, minOf } from '../../util/arrays.js';
/**
 * The org chart's geometry, from the reporting lines: who is under whom, and
 * where each box goes. Pure; the report draws it.
 *
 * The tree: members without `reportsTo` are roots, and so is anyone whose
 * manager is not in the team or who is part of a reporting loop (one member
 * of each loop, the first in the file, is cut loose; the rest hang under it).
 *
 * The layout is a tidy tree: a subtree is laid out as a box; siblings' boxes
 * sit side by side without overlapping, and a parent is centred over its first
 * and last child. Where that would make a subtree wider than `maxRowWidth`,
 * the reports hang below their manager's left edge instead, in as many
 * columns as fit (the "hanging" style of printed org charts), and so do three
 * or more reports who lead nobody (a team lead with ten analysts stays
 * narrow). So a chart of a few dozen people keeps to a screen's width at a
 * readable size and grows downwards. Trees are placed left to right and wrap
 * onto a new row past `maxRowWidth`.
 */

export interface ChartMember {
  id: string;
  reportsTo?: string;
}

/** Why a member's reporting line is not drawn. */
export type LineProblem = 'unknown-manager' | 'cycle';

export interface ForestNode<M extends ChartMember> {
  member: M;
  children: ForestNode<M>[];
  depth: number;
  problem?: LineProblem;
}

/** Members as a forest, in file order. Iterative, so a long chain cannot overflow the stack. */
export function buildForest<M extends ChartMember>(members: readonly M[]): ForestNode<M>[] {
  const index = new Map<string, number>();
  members.forEach((m, i) => {
    if (!index.has(m.id)) index.set(m.id, i);
  });
  const parent: (number | undefined)[] = [];
  const problem: (LineProblem | undefined)[] = [];
  members.forEach((m) => {
    const p = m.reportsTo === undefined ? undefined : index.get(m.reportsTo);
    parent.push(p);
    problem.push(m.reportsTo !== undefined && p === undefined ? 'unknown-manager' : undefined);
  });

  // Cut one reporting line in every loop (a self-report is a loop of one).
  const state = new Uint8Array(members.length); // 0 unseen, 1 on the current walk, 2 done
  for (let start = 0; start < members.length; start++) {
    const walk: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = parent[at];
    }
    if (at !== undefined && state[at] === 1) {
      const loop = walk.slice(walk.indexOf(at));
      const cut = minOf([...loop]);
      parent[cut] = undefined;
      problem[cut] = 'cycle';
    }
    for (const i of walk) state[i] = 2;
  }

  const nodes: ForestNode<M>[] = members.map((member, i) => ({ member, children: [], depth: 0, ...(problem[i] ? { problem: problem[i] } : {}) }));
  const roots: ForestNode<M>[] = [];
  nodes.forEach((node, i) => {
    const p = parent[i];
    const parentNode = p === undefined ? undefined : nodes[p];
    if (parentNode) parentNode.children.push(node);
    else roots.push(node);
  });
  const stack = roots.map((node) => node);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return roots;
}

/** Members in the order of a depth-first walk of the forest, with their depth. */
export function flattenForest<M extends ChartMember>(roots: readonly ForestNode<M>[]): ForestNode<M>[] {
  const out: ForestNode<M>[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child) stack.push(child);
    }
  }
  return out;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between sibling subtrees. */
  gapX: number;
  /** Vertical space between a parent and its row of children. */
  gapY: number;
  /** Vertical space between hanging reports who lead nobody. */
  stackGap: number;
  /** How far hanging reports are indented from their manager's left edge. */
  stackIndent: number;
  /** Reports who lead nobody hang in columns of at most this many. */
  stackRows: number;
  /** No subtree is wider than this unless a single report's is; trees wrap onto a new row past it. */
  maxRowWidth: number;
  /** Space around the whole chart. */
  margin: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeWidth: 200,
  nodeHeight: 58,
  gapX: 20,
  gapY: 40,
  stackGap: 10,
  stackIndent: 22,
  stackRows: 8,
  maxRowWidth: 1600,
  margin: 12,
};

export interface PlacedNode<M extends ChartMember> {
  node: ForestNode<M>;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface OrgLayout<M extends ChartMember> {
  nodes: PlacedNode<M>[];
  /** SVG path data, one per reporting line. */
  edges: string[];
  width: number;
  height: number;
}

interface Measured<M extends ChartMember> {
  node: ForestNode<M>;
  width: number;
  height: number;
  /** `row`: reports side by side under a centred manager; `columns`: reports hang in columns below the manager's left edge. */
  mode: 'leaf' | 'row' | 'columns';
  children: Measured<M>[];
  /** For `columns`: the reports of each column, top to bottom. */
  columns: Measured<M>[][];
}

/** Cuts a list into `count` runs of nearly equal length, in order: ten in two columns are five and five. */
function split<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/** Space below a hanging report before the next: more under a report who has reports of their own. */
function gapBelow<M extends ChartMember>(m: Measured<M>, o: LayoutOptions): number {
  return m.mode === 'leaf' ? o.stackGap : o.gapY / 2;
}

function columnHeight<M extends ChartMember>(column: readonly Measured<M>[], o: LayoutOptions): number {
  return column.reduce((sum, c, i) => sum + c.height + (i < column.length - 1 ? gapBelow(c, o) : 0), 0);
}

function columnsShape<M extends ChartMember>(columns: readonly Measured<M>[][], o: LayoutOptions): { width: number; height: number } {
  const widths = columns.map((column) => maxOf([...column.map((c) => c.width)]));
  return {
    width: Math.max(o.nodeWidth, o.stackIndent + widths.reduce((sum, w) => sum + w, 0) + o.gapX * (columns.length - 1)),
    height: o.nodeHeight + o.gapY / 2 + maxOf([...columns.map((column) => columnHeight(column, o))]),
  };
}

/**
 * Measures a subtree, choosing how its reports sit: three or more reports
 * who lead nobody hang in columns of at most `stackRows`; reports whose
 * subtrees side by side would be wider than `maxRowWidth` hang in as many
 * columns as fit; otherwise they sit side by side.
 */
function measure<M extends ChartMember>(node: ForestNode<M>, o: LayoutOptions): Measured<M> {
  const children = node.children.map((child) => measure(child, o));
  if (children.length === 0) return { node, width: o.nodeWidth, height: o.nodeHeight, mode: 'leaf', children, columns: [] };
  const rowWidth = children.reduce((sum, c) => sum + c.width, 0) + o.gapX * (children.length - 1);
  const leaves = children.every((c) => c.mode === 'leaf');
  if ((leaves && children.length >= 3) || rowWidth > o.maxRowWidth) {
    let columns = split(children, leaves ? Math.ceil(children.length / o.stackRows) : 1);
    if (!leaves) {
      for (let count = children.length; count > 1; count--) {
        const candidate = split(children, count);
        if (columnsShape(candidate, o).width <= o.maxRowWidth) {
          columns = candidate;
          break;
        }
      }
    }
    return { node, ...columnsShape(columns, o), mode: 'columns', children, columns };
  }
  return {
    node,
    width: Math.max(o.nodeWidth, rowWidth),
    height: o.nodeHeight + o.gapY + maxOf([...children.map((c) => c.height)]),
    mode: 'row',
    children,
    columns: [],
  };
}

/** Places a measured subtree in its box at (x, y); returns the x of its root's centre. Every box has its root at its top. */
function place<M extends ChartMember>(m: Measured<M>, x: number, y: number, o: LayoutOptions, out: OrgLayout<M>): number {
  const bottom = y + o.nodeHeight;
  if (m.mode === 'leaf') {
    out.nodes.push({ node: m.node, x: x + (m.width - o.nodeWidth) / 2, y });
    return x + m.width / 2;
  }
  if (m.mode === 'columns') {
    out.nodes.push({ node: m.node, x, y });
    // A line drops from under the manager; further columns branch off it just below the box.
    const busY = bottom + o.gapY / 4;
    let columnX = x + o.stackIndent;
    for (const [index, column] of m.columns.entries()) {
      const lineX = columnX - o.stackIndent / 2;
      let childY = bottom + o.gapY / 2;
      for (const child of column) {
        const centre = place(child, columnX, childY, o, out);
        const start = index === 0 ? `M${lineX},${bottom}` : `M${x + o.stackIndent / 2},${busY}H${lineX}`;
        out.edges.push(`${start}V${childY + o.nodeHeight / 2}H${centre - o.nodeWidth / 2}`);
        childY += child.height + gapBelow(child, o);
      }
      columnX += maxOf([...column.map((c) => c.width)]) + o.gapX;
    }
    return x + o.nodeWidth / 2;
  }
  const childrenWidth = m.children.reduce((sum, c) => sum + c.width, 0) + o.gapX * (m.children.length - 1);
  let cx = x + (m.width - childrenWidth) / 2;
  const childY = bottom + o.gapY;
  const centres = m.children.map((child) => {
    const centre = place(child, cx, childY, o, out);
    cx += child.width + o.gapX;
    return centre;
  });
  const first = centres[0] ?? x + m.width / 2;
  const last = centres[centres.length - 1] ?? first;
  const centre = (first + last) / 2;
  out.nodes.push({ node: m.node, x: centre - o.nodeWidth / 2, y });
  const midY = bottom + o.gapY / 2;
  for (const c of centres) out.edges.push(`M${centre},${bottom}V${midY}H${c}V${childY}`);
  return centre;
}

export function layoutOrgChart<M extends ChartMember>(roots: readonly ForestNode<M>[], options: Partial<LayoutOptions> = {}): OrgLayout<M> {
  const o = { ...DEFAULT_LAYOUT, ...options };
  // Trees with reports first, then people on their own, each in file order.
  const trees = [...roots.filter((r) => r.children.length > 0), ...roots.filter((r) => r.children.length === 0)].map((r) => measure(r, o));
  const out: OrgLayout<M> = { nodes: [], edges: [], width: 0, height: 0 };
  let x = o.margin;
  let y = o.margin;
  let rowHeight = 0;
  for (const tree of trees) {
    if (x > o.margin && x + tree.width > o.margin + o.maxRowWidth) {
      x = o.margin;
      y += rowHeight + o.gapY;
      rowHeight = 0;
    }
    place(tree, x, y, o, out);
    x += tree.width + o.gapX;
    rowHeight = Math.max(rowHeight, tree.height);
    out.width = Math.max(out.width, x - o.gapX + o.margin);
  }
  out.height = y + rowHeight + o.margin;
  return out;
}
