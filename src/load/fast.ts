/**
 * The fast path: js-yaml reads the data, and its `listener` records where
 * each node opens and closes, from which the same ranges the yaml package
 * gives are derived. It reads the plain YAML a team file is written in and
 * declines (returns undefined) anything it cannot read exactly like the yaml
 * package: then the yaml package reads the file, and it alone reports syntax
 * problems. Declined: errors and warnings of any kind, anchors and aliases,
 * tags, block scalars, scalars and flow collections over several lines,
 * explicit keys, non-string keys, tabs, directives and document markers, a
 * byte-order mark, and comment lines indented deeper than the line after
 * them (whose ranges the yaml package extends). The result is compared with
 * the yaml package's, data and positions, over every fixture in the tests.
 */
import { load, Schema, Type } from 'js-yaml';
import { createLocator, lineIndex, type SourceNode } from './locate.js';
import type { LoadedFile } from './load.js';

// The YAML 1.2 core schema's plain scalars, resolved as the yaml package
// resolves them (yaml/dist/schema/core), in the same order. The tags are our
// own, so that an explicit tag (`!!int`) is an error here and goes to the
// yaml package.
const CORE_SCALARS: readonly [RegExp, (text: string) => unknown][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'],
  [/^0o[0-7]+$/, (text) => parseInt(text.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
  [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
];

/** A plain scalar's value under the core schema. */
export function resolvePlain(text: string): unknown {
  for (const [test, value] of CORE_SCALARS) if (test.test(text)) return value(text);
  return text;
}

/** Plain scalars that can be anything but text start with one of these (or are empty). */
const NOT_TEXT_START = /^(?:$|[-+.0-9~nNtTfF])/;

const SCHEMA = new Schema({
  implicit: [
    new Type('tag:secops-team,2026:core-scalar', {
      kind: 'scalar',
      resolve: (text: unknown) => typeof text === 'string' && NOT_TEXT_START.test(text) && typeof resolvePlain(text) !== 'string',
      construct: (text: string) => resolvePlain(text),
    }),
  ],
});

const SCALAR = 0;
const MAPPING = 1;
const SEQUENCE = 2;

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/** Characters a node may not start with here: properties, aliases, block scalars, explicit keys, reserved. */
const DECLINED_START = new Set(['!', '&', '*', '|', '>', '?', '%', '@', '`']);

/** The first offset at or after `at` that is not a space, a line break or a comment. */
function skipSeparation(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === LF || c === CR) i++;
    else if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === LF)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else return i;
  }
}

/**
 * Files outside what the fast path reads exactly, found by one pass over the
 * lines: tabs, lone carriage returns, a byte-order mark, directives, document
 * markers, and comment lines that the yaml package would attach to the node
 * before them (indented deeper than the next content line, or as deep as it
 * when that line is a key below the top level).
 */
function declinedByLines(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || /\r(?!\n)/.test(text)) return true;
  const comments: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let eol = text.indexOf('\n', lineStart);
    if (eol === -1) eol = text.length;
    let i = lineStart;
    while (text.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    const c = text.charCodeAt(i);
    if (c === HASH) comments.push(indent);
    else if (i < eol && c !== CR) {
      // A content line: it decides where the comment lines before it belong.
      if (indent === 0 && (c === 0x25 /* % */ || text.startsWith('---', i) || text.startsWith('...', i))) return true;
      if (comments.length > 0) {
        const item = c === 0x2d /* - */ && (i + 1 === eol || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === CR);
        for (const at of comments) if (at > indent || (at === indent && indent > 0 && !item)) return true;
        comments.length = 0;
      }
    }
    lineStart = eol + 1;
  }
  return comments.some((at) => at > 0);
}

/**
 * The nodes js-yaml composed, by id in the order they opened (a parent
 * before its children), in typed arrays: a large file has millions of nodes.
 */
class Nodes {
  count = 0;
  open: Int32Array;
  close: Int32Array;
  start: Int32Array;
  kind: Uint8Array;
  parent: Int32Array;
  /** The index among the parent's children: keys are even, values odd in a mapping. */
  slot: Int32Array;
  childCount: Int32Array;
  firstChild: Int32Array;
  lastChild: Int32Array;
  nextSibling: Int32Array;
  value: unknown[] = [];
  private items = new Map<number, Int32Array>();

  constructor(capacity: number) {
    this.open = new Int32Array(capacity);
    this.close = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.parent = new Int32Array(capacity);
    this.slot = new Int32Array(capacity);
    this.childCount = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.lastChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
  }

  add(at: number, parent: number): number {
    if (this.count === this.open.length) this.grow();
    const id = this.count++;
    this.open[id] = at;
    this.parent[id] = parent;
    if (parent !== -1) {
      const last = this.lastChild[parent] ?? -1;
      if (last === -1) this.firstChild[parent] = id;
      else this.nextSibling[last] = id;
      this.lastChild[parent] = id;
      this.slot[id] = (this.childCount[parent] ?? 0);
      this.childCount[parent] = (this.childCount[parent] ?? 0) + 1;
    }
    return id;
  }

  private grow(): void {
    const size = this.open.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(a: T, fill: number): T => {
      const b = new (a.constructor as { new (n: number): T })(size);
      if (fill !== 0) b.fill(fill);
      b.set(a);
      return b;
    };
    this.open = grown(this.open, 0);
    this.close = grown(this.close, 0);
    this.start = grown(this.start, 0);
    this.kind = grown(this.kind, 0);
    this.parent = grown(this.parent, 0);
    this.slot = grown(this.slot, 0);
    this.childCount = grown(this.childCount, 0);
    this.firstChild = grown(this.firstChild, -1);
    this.lastChild = grown(this.lastChild, -1);
    this.nextSibling = grown(this.nextSibling, -1);
  }

  /** The id of a sequence's item at `index` (indexed on first use, as locating in a long list is frequent). */
  item(id: number, index: number): number | undefined {
    let ids = this.items.get(id);
    if (!ids) {
      ids = new Int32Array(this.childCount[id] ?? 0);
      for (let child = this.firstChild[id] ?? -1, i = 0; child !== -1; child = this.nextSibling[child] ?? -1) ids[i++] = child;
      this.items.set(id, ids);
    }
    return ids[index];
  }
}

function compose(text: string): Nodes | undefined {
  const nodes = new Nodes(Math.max(64, text.length >> 3));
  const stack: number[] = [];
  let warned = false;
  try {
    load(text, {
      schema: SCHEMA,
      onWarning: () => {
        warned = true;
      },
      listener(event, state) {
        if (event === 'open') {
          stack.push(nodes.add(Math.min(state.position, text.length), stack.length > 0 ? (stack[stack.length - 1] ?? -1) : -1));
        } else {
          const id = stack.pop();
          if (id === undefined) return;
          nodes.close[id] = Math.min(state.position, text.length);
          nodes.kind[id] = state.kind === 'mapping' ? MAPPING : state.kind === 'sequence' ? SEQUENCE : SCALAR;
          nodes.value[id] = state.result;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (warned || nodes.count === 0 || stack.length > 0) return undefined;
  for (let id = 0; id < nodes.count; id++) nodes.start[id] = skipSeparation(text, nodes.open[id] ?? 0);
  return nodes;
}

/** Whether the children of a container are exactly its items (sequence) or its keys and values (mapping). */
function sameShape(nodes: Nodes, id: number): boolean {
  const result = nodes.value[id];
  const count = nodes.childCount[id] ?? 0;
  if (nodes.kind[id] === SEQUENCE) {
    if (!Array.isArray(result) || result.length !== count) return false;
    for (let child = nodes.firstChild[id] ?? -1, i = 0; child !== -1; child = nodes.nextSibling[child] ?? -1, i++) {
      if (!Object.is(result[i], nodes.value[child])) return false;
    }
    return true;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return false;
  const map = result as Record<string, unknown>;
  let keys = 0;
  for (const _ in map) keys++;
  if (count !== 2 * keys || count !== 2 * Object.keys(map).length) return false;
  for (let k = nodes.firstChild[id] ?? -1; k !== -1; ) {
    const v = nodes.nextSibling[k] ?? -1;
    const key = nodes.value[k];
    if (v === -1 || typeof key !== 'string' || nodes.kind[k] !== SCALAR) return false;
    if (!Object.prototype.hasOwnProperty.call(map, key) || !Object.is(map[key], nodes.value[v])) return false;
    k = nodes.nextSibling[v] ?? -1;
  }
  return true;
}

/** The ranges of the nodes, derived from where js-yaml opened and closed them. */
class Ranges {
  constructor(
    private readonly text: string,
    private readonly nodes: Nodes,
  ) {}

  /** An empty value (`key:` and nothing): js-yaml closes it at the next content. */
  isEmpty(id: number): boolean {
    return this.nodes.kind[id] === SCALAR && (this.nodes.start[id] ?? 0) >= (this.nodes.close[id] ?? 0);
  }

  isFlow(id: number): boolean {
    const c = this.text.charCodeAt(this.nodes.start[id] ?? 0);
    return c === 0x5b /* [ */ || c === 0x7b /* { */;
  }

  /** Where an empty value sits: after its `:` and the spaces that follow it. */
  emptyAt(id: number): number {
    let at = this.nodes.open[id] ?? 0;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** The end of a node's value: the yaml package's range[1]. */
  valueEnd(id: number): number {
    const { kind, close, start, lastChild } = this.nodes;
    if (kind[id] === SCALAR) {
      if (this.isEmpty(id)) return this.emptyAt(id);
      let end = close[id] ?? 0;
      const c = this.text.charCodeAt(start[id] ?? 0);
      if (c !== 0x22 /* " */ && c !== 0x27 /* ' */) while (this.text.charCodeAt(end - 1) === SPACE) end--;
      return end;
    }
    if (this.isFlow(id)) return close[id] ?? 0;
    const last = lastChild[id] ?? -1;
    return last === -1 ? (close[id] ?? 0) : this.nodeEnd(last);
  }

  /** The end of a node with what follows it on its line (spaces, a comment, the line break): the yaml package's range[2]. */
  nodeEnd(id: number): number {
    const { kind } = this.nodes;
    if ((kind[id] === SCALAR && this.isEmpty(id)) || (kind[id] !== SCALAR && !this.isFlow(id))) return this.valueEnd(id);
    let at = this.valueEnd(id);
    while (this.text.charCodeAt(at) === SPACE) at++;
    if (this.text.charCodeAt(at) === HASH) {
      const eol = this.text.indexOf('\n', at);
      at = eol === -1 ? this.text.length : eol;
    }
    if (this.text.charCodeAt(at) === CR && this.text.charCodeAt(at + 1) === LF) return at + 2;
    if (this.text.charCodeAt(at) === LF) return at + 1;
    return at;
  }

  range(id: number): [number, number] {
    return [this.isEmpty(id) ? this.emptyAt(id) : (this.nodes.start[id] ?? 0), this.valueEnd(id)];
  }
}

/**
 * Checks every node against what the fast path reads exactly; false means
 * "let the yaml package read this file".
 */
function readable(text: string, nodes: Nodes, ranges: Ranges): boolean {
  const { kind, value, parent, slot, close } = nodes;
  for (let id = 0; id < nodes.count; id++) {
    const up = parent[id] ?? -1;
    if (ranges.isEmpty(id)) {
      // Only `key:` with nothing after it but the line break, in a block mapping.
      const at = ranges.emptyAt(id);
      if (up === -1 || kind[up] !== MAPPING || ranges.isFlow(up) || (slot[id] ?? 0) % 2 !== 1) return false;
      if (text[(nodes.open[id] ?? 0) - 1] !== ':' || !(text.charCodeAt(at) === LF || text.charCodeAt(at) === CR || at >= text.length)) return false;
      continue;
    }
    const start = nodes.start[id] ?? 0;
    const first = text[start] ?? '';
    if (DECLINED_START.has(first)) return false;
    const end = close[id] ?? 0;
    if (kind[id] === SCALAR) {
      const valueEnd = ranges.valueEnd(id);
      if (text.lastIndexOf('\n', valueEnd - 1) >= start) return false;
      if (first === '"' || first === "'") {
        if (valueEnd - start < 2 || text[valueEnd - 1] !== first || text.charCodeAt(valueEnd) === HASH) return false;
      } else {
        if (valueEnd <= start) return false;
        const v = value[id];
        const same = typeof v === 'string' ? v.length === valueEnd - start && text.startsWith(v, start) : Object.is(resolvePlain(text.slice(start, valueEnd)), v);
        if (!same) return false;
      }
      // Keys: on one line, well within the 1024 characters YAML allows before the ":".
      if (up !== -1 && kind[up] === MAPPING && (slot[id] ?? 1) % 2 === 0 && valueEnd - start > 1000) return false;
      continue;
    }
    if (!sameShape(nodes, id)) return false;
    if (first === '[' || first === '{') {
      const closing = first === '[' ? ']' : '}';
      if ((kind[id] === SEQUENCE) !== (first === '[') || text[end - 1] !== closing) return false;
      if (text.lastIndexOf('\n', end - 1) >= start || text.charCodeAt(end) === HASH) return false;
    } else if (kind[id] === SEQUENCE) {
      if (first !== '-') return false;
    } else {
      // A block mapping starts where its first key does.
      const firstKey = nodes.firstChild[id] ?? -1;
      if (firstKey === -1 || nodes.start[firstKey] !== start) return false;
    }
  }
  return !ranges.isEmpty(0);
}

/** A node of the fast path's tree, seen through the locator's interface. */
function sourceNode(nodes: Nodes, ranges: Ranges, id: number): SourceNode {
  const self: SourceNode = {
    range: () => ranges.range(id),
    target: () => self,
    isSeq: () => nodes.kind[id] === SEQUENCE,
    item: (index) => {
      if (nodes.kind[id] !== SEQUENCE || !Number.isInteger(index)) return undefined;
      const child = nodes.item(id, index);
      return child === undefined ? undefined : sourceNode(nodes, ranges, child);
    },
    pair: (key) => {
      if (nodes.kind[id] !== MAPPING) return undefined;
      for (let k = nodes.firstChild[id] ?? -1; k !== -1; ) {
        const v = nodes.nextSibling[k] ?? -1;
        if (v === -1) return undefined;
        if (nodes.value[k] === key) return { key: sourceNode(nodes, ranges, k), value: sourceNode(nodes, ranges, v) };
        k = nodes.nextSibling[v] ?? -1;
      }
      return undefined;
    },
  };
  return self;
}

/** Reads `text` on the fast path, or returns undefined when the yaml package must read it. */
export function loadFast(text: string): LoadedFile | undefined {
  if (declinedByLines(text)) return undefined;
  const nodes = compose(text);
  if (!nodes) return undefined;
  const ranges = new Ranges(text, nodes);
  if (!readable(text, nodes, ranges)) return undefined;
  const locator = createLocator(sourceNode(nodes, ranges, 0), lineIndex(text), text);
  return { text, data: nodes.value[0], ok: true, findings: [], locator };
}
