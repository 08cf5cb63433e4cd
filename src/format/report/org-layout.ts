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
 * and last child. Three or more reports who have no reports of their own are
 * stacked in a column under their manager instead (the usual way org charts
 * keep a team lead with ten analysts narrow), in several columns when there
 * are many. Trees are placed left to right and wrap onto a new row when a
 * row grows wider than `maxRowWidth`.
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
      const cut = Math.min(...loop);
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
  /** Vertical space between stacked reports. */
  stackGap: number;
  /** How far stacked reports are indented from their manager's left edge. */
  stackIndent: number;
  /** Reports stacked per column before another column starts. */
  stackRows: number;
  /** Trees wrap onto a new row past this width. */
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
  maxRowWidth: 1400,
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
  stacked: boolean;
  children: Measured<M>[];
}

/** Stacked reports fill columns evenly: ten in two columns are five and five, not eight and two. */
function stackShape(count: number, o: LayoutOptions): { columns: number; rows: number } {
  const columns = Math.ceil(count / o.stackRows);
  return { columns, rows: Math.ceil(count / columns) };
}

function isStacked<M extends ChartMember>(node: ForestNode<M>): boolean {
  return node.children.length >= 3 && node.children.every((c) => c.children.length === 0);
}

function measure<M extends ChartMember>(node: ForestNode<M>, o: LayoutOptions): Measured<M> {
  if (isStacked(node)) {
    const { columns, rows } = stackShape(node.children.length, o);
    return {
      node,
      stacked: true,
      width: Math.max(o.nodeWidth, o.stackIndent + columns * o.nodeWidth + (columns - 1) * o.gapX),
      height: o.nodeHeight + o.gapY / 2 + rows * o.nodeHeight + (rows - 1) * o.stackGap,
      children: node.children.map((child) => ({ node: child, stacked: false, width: o.nodeWidth, height: o.nodeHeight, children: [] })),
    };
  }
  const children = node.children.map((child) => measure(child, o));
  if (children.length === 0) return { node, stacked: false, width: o.nodeWidth, height: o.nodeHeight, children };
  const width = children.reduce((sum, c) => sum + c.width, 0) + o.gapX * (children.length - 1);
  return {
    node,
    stacked: false,
    width: Math.max(o.nodeWidth, width),
    height: o.nodeHeight + o.gapY + Math.max(...children.map((c) => c.height)),
    children,
  };
}

/** Places a measured subtree in its box at (x, y); returns the x of its root's centre. */
function place<M extends ChartMember>(m: Measured<M>, x: number, y: number, o: LayoutOptions, out: OrgLayout<M>): number {
  const bottom = y + o.nodeHeight;
  if (m.stacked) {
    out.nodes.push({ node: m.node, x, y });
    const busY = bottom + o.gapY / 4;
    const { rows } = stackShape(m.children.length, o);
    m.children.forEach((child, i) => {
      const column = Math.floor(i / rows);
      const row = i % rows;
      const cx = x + o.stackIndent + column * (o.nodeWidth + o.gapX);
      const cy = bottom + o.gapY / 2 + row * (o.nodeHeight + o.stackGap);
      out.nodes.push({ node: child.node, x: cx, y: cy });
      const lineX = cx - o.stackIndent / 2;
      const start = column === 0 ? `M${lineX},${bottom}` : `M${x + o.stackIndent / 2},${busY}H${lineX}`;
      out.edges.push(`${start}V${cy + o.nodeHeight / 2}H${cx}`);
    });
    return x + o.nodeWidth / 2;
  }
  if (m.children.length === 0) {
    out.nodes.push({ node: m.node, x: x + (m.width - o.nodeWidth) / 2, y });
    return x + m.width / 2;
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
