/**
 * The one reader of team files: js-yaml reads the data, and its `listener`
 * records where each node opens and closes, from which the positions of
 * findings are derived. Why this shape:
 * - js-yaml is the fastest complete YAML reader for Node.js, and the
 *   listener gives positions without a second parse; a large file has
 *   millions of nodes, kept in typed arrays rather than objects.
 * - It reads all YAML a team file is written in (document markers, block
 *   scalars, flow style, comments anywhere, anchors and aliases within a
 *   limit); a construct whose nodes do not line up with the data (`[a: b]`)
 *   is still read, and positions inside it fall back to the whole collection.
 * - A file it refuses is described by the yaml package (src/load/yaml-doc.ts,
 *   loaded only then), whose messages and positions for syntax errors are
 *   better; it never reads data for a team.
 */
import { load, Schema, Type } from 'js-yaml';
import { createLocator, lineIndex, type LineIndex, type SourceNode } from './locate.js';
import type { LoadedFile } from './load.js';
// The YAML 1.2 core schema's plain scalars, resolved exactly as the yaml
// package resolves them (yaml/dist/schema/core), in the same order.
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema. */
export function resolvePlain(text: string): unknown {
  switch (text.charCodeAt(0)) {
    case 0x7e /* ~ */:
      return text.length === 1 ? null : text;
    case 0x6e /* n */:
    case 0x4e /* N */:
      return text === 'null' || text === 'Null' || text === 'NULL' ? null : text;
    case 0x74 /* t */:
    case 0x54 /* T */:
      return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
    case 0x66 /* f */:
    case 0x46 /* F */:
      return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
    case 0x2d /* - */:
    case 0x2b /* + */:
    case 0x2e /* . */:
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
      if (INT.test(text)) return parseInt(text, 10);
      if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
      if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
      return text;
    default:
      return text.length === 0 ? null : text;
  }
}

// One implicit type for every core scalar that is not text, and the core
// schema's explicit tags (`!!str 0123`). Any other tag is refused, and the
// yaml package describes it.
let resolvedText = '';
let resolvedValue: unknown;
const core = (name: string, test: (value: unknown) => boolean) =>
  new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (text: unknown) => typeof text === 'string' && test(resolvePlain(text)),
    construct: (text: string) => resolvePlain(text),
  });
const SCHEMA = new Schema({
  implicit: [
    new Type('tag:secops-team,2026:core-scalar', {
      kind: 'scalar',
      resolve: (text: unknown) => {
        if (typeof text !== 'string') return false;
        resolvedText = text;
        resolvedValue = resolvePlain(text);
        return typeof resolvedValue !== 'string';
      },
      construct: (text: string) => (text === resolvedText ? resolvedValue : resolvePlain(text)),
    }),
  ],
  explicit: [
    new Type('tag:yaml.org,2002:str', { kind: 'scalar', resolve: () => true, construct: (text: unknown) => (typeof text === 'string' ? text : '') }),
    new Type('tag:yaml.org,2002:seq', { kind: 'sequence', resolve: () => true, construct: (items: unknown) => items ?? [] }),
    new Type('tag:yaml.org,2002:map', { kind: 'mapping', resolve: () => true, construct: (pairs: unknown) => pairs ?? {} }),
    core('null', (v) => v === null),
    core('bool', (v) => typeof v === 'boolean'),
    core('int', (v) => Number.isInteger(v)),
    core('float', (v) => typeof v === 'number'),
  ],
});

/** A scalar whose value is not text (a number, a boolean, null). */
const SCALAR = 0;
const MAPPING = 1;
const SEQUENCE = 2;
/** A node with nothing written (`key:` and the end of the line). */
const EMPTY = 3;
/** A scalar whose value is text. */
const TEXT = 4;
/** An alias (`*name`): positions inside it are those of its anchor's node. */
const ALIAS = 5;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BRACKET = 0x5b;
const BRACE = 0x7b;

/** The first offset at or after `at` that is not a space, a line break or a comment. */
function skipSeparation(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) i++;
    else if (c === HASH && (i === 0 || [SPACE, TAB, LF, CR].includes(text.charCodeAt(i - 1)))) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else return i;
  }
}

function endsToken(c: number): boolean {
  return c !== c /* NaN */ || c === SPACE || c === TAB || c === LF || c === CR || c === 0x2c /* , */ || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** Where a node's value starts: after separation and after its properties (`&anchor`, `!tag`). */
function valueStart(text: string, at: number): number {
  let i = skipSeparation(text, at);
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x26 /* & */ && c !== 0x21 /* ! */) return i;
    if (c === 0x21 && text.charCodeAt(i + 1) === 0x3c /* < */) {
      const close = text.indexOf('>', i);
      i = close === -1 ? text.length : close + 1;
    } else while (!endsToken(text.charCodeAt(i))) i++;
    i = skipSeparation(text, i);
  }
}

/** Whether a document marker (`---`, `...`) starts the line at `at`. */
function atDocumentMarker(text: string, at: number): boolean {
  if (at > 0 && text.charCodeAt(at - 1) !== LF) return false;
  const marker = text.slice(at, at + 3);
  return (marker === '...' || marker === '---') && endsToken(text.charCodeAt(at + 3));
}

/** The name of the alias or anchor whose indicator is at `at`. */
function tokenName(text: string, at: number): string {
  let i = at + 1;
  while (!endsToken(text.charCodeAt(i))) i++;
  return text.slice(at + 1, i);
}

/**
 * Characters outside YAML's printable set (js-yaml lets some through in quoted
 * scalars and comments): refused, and the yaml package says where they are.
 * NEL (U+0085) and the Unicode line and paragraph separators are printable in
 * YAML 1.2, plain text inside a scalar, and both readers read them alike.
 */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

const LONE_CR = /\r(?!\n)/;

/** A YAML 1.1 directive: its conversions (yes → true) would change what the file says; the yaml package reports it. */
const YAML_1_1 = /^%YAML[ \t]+1\.1\b/m;

/**
 * Aliases may add at most this many nodes per node written, plus a fixed
 * allowance: enough to reuse a list across a large team, far too few for an
 * alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`…), whose expansion doubles at
 * every line and would reach every later stage.
 */
const ALIAS_GROWTH = 10;
const ALIAS_ALLOWANCE = 10_000;

/** Why a file was refused, and where. */
export interface Refusal {
  message: string;
  /** An offset into the text. */
  at: number;
}

class Refused extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * The nodes js-yaml composed, by id (from 1, in the order they opened: a
 * parent before its children) in typed arrays, as a large file has millions.
 */
class Nodes {
  count = 0;
  /** Where the value starts (after any anchor or tag; for an empty value: where it would be written). */
  start: Int32Array;
  /** Where js-yaml closed the node: after a quote or bracket, or after what follows a plain scalar. */
  close: Int32Array;
  kind: Uint8Array;
  /** 1 where the children do not line up with the items or pairs of the data: positions stop at the collection. */
  opaque: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** An alias's anchored node. */
  readonly targets = new Map<number, number>();
  private readonly items = new Map<number, Int32Array>();
  private readonly keys = new Map<number, string>();
  private readonly ends = new Map<number, number>();

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.close = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.opaque = new Uint8Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.nextSibling = new Int32Array(capacity);
  }

  grow(): void {
    const size = this.start.length * 2;
    const grown = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.start = grown(this.start, new Int32Array(size));
    this.close = grown(this.close, new Int32Array(size));
    this.kind = grown(this.kind, new Uint8Array(size));
    this.opaque = grown(this.opaque, new Uint8Array(size));
    this.firstChild = grown(this.firstChild, new Int32Array(size));
    this.nextSibling = grown(this.nextSibling, new Int32Array(size));
  }

  /** The id of a sequence's item at `index`, indexed on first use: locating in a long list is frequent. */
  item(id: number, index: number): number | undefined {
    let ids = this.items.get(id);
    if (!ids) {
      let count = 0;
      for (let child = this.firstChild[id] ?? 0; child !== 0; child = this.nextSibling[child] ?? 0) count++;
      ids = new Int32Array(count);
      for (let child = this.firstChild[id] ?? 0, i = 0; child !== 0; child = this.nextSibling[child] ?? 0) ids[i++] = child;
      this.items.set(id, ids);
    }
    return ids[index];
  }

  /** The text of a key, as js-yaml reads it: quoted keys are read again. */
  key(text: string, id: number): string {
    let key = this.keys.get(id);
    if (key === undefined) {
      key = readKey(text, this, id);
      this.keys.set(id, key);
    }
    return key;
  }

  lastChild(id: number): number {
    let last = 0;
    for (let child = this.firstChild[id] ?? 0; child !== 0; child = this.nextSibling[child] ?? 0) last = child;
    return last;
  }

  /** Remembers computed ends of block collections, whose last items can be far down a long list. */
  cachedEnd(id: number, compute: () => number): number {
    let end = this.ends.get(id);
    if (end === undefined) {
      end = compute();
      this.ends.set(id, end);
    }
    return end;
  }
}

function readKey(text: string, nodes: Nodes, id: number): string {
  const source = text.slice(nodes.start[id] ?? 0, valueEnd(text, nodes, id));
  const c = source.charCodeAt(0);
  if (c !== QUOTE && c !== APOSTROPHE) return source;
  try {
    const read = load(source, { schema: SCHEMA });
    return typeof read === 'string' ? read : source;
  } catch {
    return source;
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** The end of a node's value, without what follows it. */
function valueEnd(text: string, nodes: Nodes, id: number): number {
  const kind = nodes.kind[id];
  const start = nodes.start[id] ?? 0;
  if (kind === EMPTY) return start;
  if (kind === ALIAS) return start + 1 + tokenName(text, start).length;
  const c = text.charCodeAt(start);
  if (kind === SCALAR || kind === TEXT) {
    let end = nodes.close[id] ?? 0;
    if (c !== QUOTE && c !== APOSTROPHE) while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    return end;
  }
  if (c === BRACKET || c === BRACE) return nodes.close[id] ?? 0;
  return nodes.cachedEnd(id, () => nodeEnd(text, nodes, nodes.lastChild(id)));
}

/** The end of a node with what follows it on its line (spaces, a comment, the line break). */
function nodeEnd(text: string, nodes: Nodes, id: number): number {
  if (id === 0) return 0;
  const kind = nodes.kind[id];
  const c = text.charCodeAt(nodes.start[id] ?? 0);
  if (kind === EMPTY || ((kind === MAPPING || kind === SEQUENCE) && c !== BRACKET && c !== BRACE)) return valueEnd(text, nodes, id);
  let at = valueEnd(text, nodes, id);
  while (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB) at++;
  if (text.charCodeAt(at) === HASH) {
    const eol = text.indexOf('\n', at);
    at = eol === -1 ? text.length : eol;
  }
  if (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF) return at + 2;
  if (text.charCodeAt(at) === LF) return at + 1;
  return at;
}

/**
 * Whether a collection's children are exactly its items (sequence) or its
 * keys and values (mapping), so that positions can be found inside it.
 * js-yaml composes one node per item and two per pair, except for flow forms
 * it puts together differently (`[a: b]`, `{a, b: c}`).
 */
function linedUp(nodes: Nodes, id: number, result: unknown): boolean {
  let child = nodes.firstChild[id] ?? 0;
  if (nodes.kind[id] === SEQUENCE) {
    if (!Array.isArray(result)) return false;
    let items = 0;
    for (; child !== 0; child = nodes.nextSibling[child] ?? 0, items++) {
      const kind = nodes.kind[child];
      const item: unknown = result[items];
      const collection = typeof item === 'object' && item !== null;
      if (kind === ALIAS) continue;
      if (kind === SEQUENCE ? !Array.isArray(item) : kind === MAPPING ? !collection || Array.isArray(item) : collection) return false;
    }
    return items === result.length;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return false;
  let pairs = 0;
  while (child !== 0) {
    const value = nodes.nextSibling[child] ?? 0;
    if (value === 0) return false;
    pairs++;
    child = nodes.nextSibling[value] ?? 0;
  }
  let keys = 0;
  for (const key in result) if (Object.prototype.hasOwnProperty.call(result, key)) keys++;
  return pairs === keys;
}

function compose(text: string): { nodes: Nodes; data: unknown } {
  const nodes = new Nodes(Math.max(64, text.length >> 3));
  // The open nodes: id, where js-yaml opened it, its last child so far.
  const open: number[] = [];
  const openedAt: number[] = [];
  const lastChild: number[] = [];
  // The parent's last child before each open node.
  const previous: number[] = [];
  // The value of the node that closed last at each depth: a parent's last child's value.
  const closedValue: unknown[] = [];
  const anchors = new Map<string, number>();
  // Alias expansion: the nodes below each open node, aliases counted as their anchor's nodes; and the sizes of anchored nodes.
  const below: number[] = [];
  const anchoredSize = new Map<number, number>();
  let expanded = 0;
  const data: unknown = load(text, {
    schema: SCHEMA,
    onWarning: (warning) => {
      throw new Refused(warning.reason ?? warning.message, warning.mark?.position ?? 0);
    },
    listener(event, state) {
      if (event === 'open') {
        if (nodes.count + 1 >= nodes.start.length) nodes.grow();
        const id = ++nodes.count;
        const depth = open.length;
        previous.push(depth > 0 ? (lastChild[depth - 1] ?? 0) : 0);
        if (depth > 0) {
          const last = lastChild[depth - 1] ?? 0;
          if (last === 0) nodes.firstChild[open[depth - 1] ?? 0] = id;
          else nodes.nextSibling[last] = id;
          lastChild[depth - 1] = id;
        }
        open.push(id);
        openedAt.push(state.position);
        lastChild.push(0);
        below.push(0);
        return;
      }
      const id = open.pop() ?? 0;
      const at = openedAt.pop() ?? 0;
      const only = lastChild.pop() ?? 0;
      const before = previous.pop() ?? 0;
      let size = 1 + (below.pop() ?? 0);
      const close = Math.min(state.position, text.length);
      const start = valueStart(text, at);
      const kind = state.kind === 'mapping' ? MAPPING : state.kind === 'sequence' ? SEQUENCE : SCALAR;
      nodes.close[id] = close;
      const result: unknown = state.result;
      const depth = open.length;
      const childValue = closedValue[depth + 1];
      closedValue[depth] = result;
      const alias = state.kind === null && text.charCodeAt(start) === 0x2a; /* * */
      if (alias) {
        const target = anchors.get(tokenName(text, start)) ?? 0;
        nodes.targets.set(id, target);
        size = anchoredSize.get(target) ?? 1;
        expanded += size;
        if (expanded > nodes.count * ALIAS_GROWTH + ALIAS_ALLOWANCE) throw new Refused('aliases expand too far; write the values out instead of nesting aliases', start);
      }
      if (below.length > 0) below[below.length - 1] = (below[below.length - 1] ?? 0) + size;
      // js-yaml's state carries the node's anchor, which its type declarations leave out.
      const anchor = (state as { anchor?: string | null }).anchor;
      if (anchor) {
        anchors.set(anchor, id);
        anchoredSize.set(id, size);
      }
      // js-yaml reads some flow collections (`- {a: 1}`, `[:x]`) in a node wrapped in another with the
      // same value and extent: the outer one stands for the inner one.
      if (kind !== SCALAR && only !== 0 && only === nodes.firstChild[id] && nodes.kind[only] === kind && nodes.start[only] === start && nodes.close[only] === close && childValue === result) {
        nodes.kind[id] = kind;
        nodes.start[id] = start;
        nodes.opaque[id] = nodes.opaque[only] ?? 0;
        nodes.firstChild[id] = nodes.firstChild[only] ?? 0;
        return;
      }
      nodes.start[id] = start;
      if (alias) {
        nodes.kind[id] = ALIAS;
        return;
      }
      if (kind === SCALAR && start >= close && result === null && atDocumentMarker(text, start)) {
        // js-yaml tries a node where a document ends (`...`) and finds none: it is no child of the parent.
        const parent = open[open.length - 1] ?? 0;
        if (parent !== 0) {
          lastChild[open.length - 1] = before;
          if (before === 0) nodes.firstChild[parent] = 0;
          else nodes.nextSibling[before] = 0;
        }
        nodes.count--;
        return;
      }
      if (kind === SCALAR && start >= close) {
        // Nothing written: js-yaml closes it at the next content; it is placed after the spaces that follow where it opened.
        let place = at;
        while (text.charCodeAt(place) === SPACE) place++;
        nodes.kind[id] = EMPTY;
        nodes.start[id] = Math.min(place, close);
        return;
      }
      nodes.kind[id] = kind === SCALAR && typeof result === 'string' ? TEXT : kind;
      if (kind !== SCALAR && !linedUp(nodes, id, result)) nodes.opaque[id] = 1;
    },
  });
  return { nodes, data };
}

/** A node of the tree, seen through the locator's interface; `shift` counts a byte-order mark js-yaml does not see. */
function sourceNode(text: string, nodes: Nodes, id: number, shift: number): SourceNode {
  const self: SourceNode = {
    range: () => [(nodes.start[id] ?? 0) + shift, valueEnd(text, nodes, id) + shift],
    target: () => {
      const target = nodes.kind[id] === ALIAS ? (nodes.targets.get(id) ?? 0) : 0;
      return target === 0 ? self : sourceNode(text, nodes, target, shift);
    },
    isSeq: () => nodes.kind[id] === SEQUENCE,
    item: (index) => {
      if (nodes.kind[id] !== SEQUENCE || nodes.opaque[id] === 1 || !Number.isInteger(index)) return undefined;
      const child = nodes.item(id, index);
      return child === undefined ? undefined : sourceNode(text, nodes, child, shift);
    },
    pair: (key) => {
      if (nodes.kind[id] !== MAPPING || nodes.opaque[id] === 1) return undefined;
      for (let k = nodes.firstChild[id] ?? 0; k !== 0; ) {
        const v = nodes.nextSibling[k] ?? 0;
        if (v === 0) return undefined;
        if (nodes.key(text, k) === key) return { key: sourceNode(text, nodes, k, shift), value: sourceNode(text, nodes, v, shift) };
        k = nodes.nextSibling[v] ?? 0;
      }
      return undefined;
    },
  };
  return self;
}

/** Line starts, computed when a position is first asked for: a file without findings never needs them. */
function lazyLineIndex(text: string): LineIndex {
  let index: LineIndex | undefined;
  const get = () => (index ??= lineIndex(text));
  return {
    get lineStarts() {
      return get().lineStarts;
    },
    linePos: (offset) => get().linePos(offset),
  };
}

/**
 * Reads a team file's text: the data with positions, or why the file is
 * refused (a YAML error, or something a team file must not hold).
 */
export function readYaml(text: string): LoadedFile | Refusal {
  const printable = NOT_PRINTABLE.exec(text);
  if (printable) return { message: 'the file contains a character YAML does not allow', at: printable.index };
  // Lines are counted at line feeds: a carriage return alone would put every position after it on the wrong line.
  const cr = LONE_CR.exec(text);
  if (cr) return { message: 'a carriage return without a line feed ends a line; save the file with LF or CRLF line endings', at: cr.index };
  const yaml11 = YAML_1_1.exec(text);
  if (yaml11) return { message: 'the file asks for YAML 1.1; remove the %YAML line', at: yaml11.index };
  // js-yaml drops a byte-order mark before reading: its offsets are one less.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift === 1 ? text.slice(1) : text;
  let composed: { nodes: Nodes; data: unknown };
  try {
    composed = compose(body);
  } catch (error) {
    if (error instanceof Refused) return { message: error.message, at: error.at + shift };
    const mark = (error as { mark?: { position?: number } }).mark;
    const reason = (error as { reason?: string }).reason;
    if (reason === undefined) throw error;
    return { message: reason, at: (mark?.position ?? 0) + shift };
  }
  const { nodes, data } = composed;
  const root = nodes.count === 0 || nodes.kind[1] === EMPTY ? undefined : sourceNode(body, nodes, 1, shift);
  const locator = createLocator(root, lazyLineIndex(text), text);
  return { text, data: data === undefined ? null : data, ok: true, findings: [], locator };
}
