/**
 * The fast path: js-yaml reads the data, and its `listener` records where
 * each node opens and closes, from which the same ranges the yaml package
 * gives are derived. It reads the plain YAML a team file is written in and
 * declines (returns undefined) anything it cannot read exactly like the yaml
 * package: then the yaml package reads the file, and it alone reports syntax
 * problems. Declined: errors and warnings of any kind, anchors and aliases,
 * tags, block scalars, scalars and flow collections over several lines,
 * explicit keys, non-string keys, empty values other than `key:` at the end
 * of a line, tabs, directives and document markers, a byte-order mark, and
 * comment lines indented deeper than the line after them (whose ranges the
 * yaml package extends). The result is compared with the yaml package's,
 * data and positions, over every fixture in the tests.
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

// One implicit type for every core scalar that is not text. Its tag is our
// own, so that an explicit tag (`!!int`) is an error here and goes to the
// yaml package.
let resolvedText = '';
let resolvedValue: unknown;
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
});

/** A scalar whose value is not text (a number, a boolean, null). */
const SCALAR = 0;
const MAPPING = 1;
const SEQUENCE = 2;
/** A scalar with nothing written: `key:` and the end of the line. */
const EMPTY = 3;
/** A scalar whose value is text: the only kind a key may be. */
const TEXT = 4;

const SPACE = 0x20;
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
    if (c === SPACE || c === LF || c === CR) i++;
    else if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === LF)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else return i;
  }
}

/** Whether a node may start with this character here: not properties, aliases, block scalars, explicit keys or reserved ones. */
function startsReadable(c: number): boolean {
  switch (c) {
    case 0x21 /* ! */:
    case 0x26 /* & */:
    case 0x2a /* * */:
    case 0x7c /* | */:
    case 0x3e /* > */:
    case 0x3f /* ? */:
    case 0x25 /* % */:
    case 0x40 /* @ */:
    case 0x60 /* ` */:
      return false;
    default:
      return true;
  }
}

/**
 * Characters outside YAML's printable set (js-yaml lets some through in quoted
 * scalars and comments), and the line breaks YAML 1.2 reads as text but
 * js-yaml warns about: the yaml package reads and reports those files.
 */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** Whether `c` (a character code, NaN at either end of the text) separates tokens around a `?`. */
function aroundIndicator(c: number): boolean {
  return c !== c /* NaN */ || c === SPACE || c === LF || c === CR || c === 0x2c /* , */ || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** The indentation of the line that starts at `lineStart`, and its first character. */
function lineHead(text: string, lineStart: number): { indent: number; first: number } {
  let i = lineStart;
  while (text.charCodeAt(i) === SPACE) i++;
  return { indent: i - lineStart, first: text.charCodeAt(i) };
}

/**
 * Files outside what the fast path reads exactly, found by searching the text
 * (most files have few comments and no `?`, `%`, `---` or `...` lines):
 * characters YAML does not allow or js-yaml reads differently, tabs,
 * carriage returns not followed by a line feed, a byte-order mark,
 * directives, document markers, explicit keys (a `?` that may be one; it may
 * also be text, and such a file is then only read more slowly), and comment
 * lines that the yaml package would attach to the node before them (indented
 * deeper than the next content line, or as deep as it when that line is a key
 * below the top level).
 */
function declinedByLines(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || NOT_PRINTABLE.test(text)) return true;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) return true;
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) {
    if (aroundIndicator(i === 0 ? NaN : text.charCodeAt(i - 1)) && aroundIndicator(text.charCodeAt(i + 1))) return true;
  }
  for (const marker of ['%', '---', '...']) if (text.startsWith(marker) || text.includes(`\n${marker}`)) return true;
  // Full-line comments: where the next content line starts decides where the yaml package puts them.
  let checkedUpTo = -1;
  for (let hash = text.indexOf('#'); hash !== -1; hash = text.indexOf('#', hash + 1)) {
    const lineStart = text.lastIndexOf('\n', hash - 1) + 1;
    if (lineStart <= checkedUpTo) continue;
    const { indent: at, first } = lineHead(text, lineStart);
    if (lineStart + at !== hash || first !== HASH) continue;
    // The comment lines from here to the next content line (or the end of the text).
    const comments = [at];
    let next = text.indexOf('\n', hash);
    let content: { indent: number; first: number; item: boolean } | undefined;
    while (next !== -1) {
      const start = next + 1;
      const head = lineHead(text, start);
      if (head.first === HASH) comments.push(head.indent);
      else if (head.first === head.first && head.first !== LF && head.first !== CR) {
        const after = text.charCodeAt(start + head.indent + 1);
        content = { ...head, item: head.first === 0x2d /* - */ && (after !== after || after === SPACE || after === LF || after === CR) };
        break;
      }
      checkedUpTo = start;
      next = text.indexOf('\n', start);
    }
    const indent = content?.indent ?? 0;
    for (const c of comments) if (c > indent || (c === indent && indent > 0 && !content?.item)) return true;
  }
  return false;
}

/** Thrown from the listener to stop js-yaml as soon as the file is known to need the yaml package. */
class Declined extends Error {}

/**
 * The nodes js-yaml composed, by id (from 1, in the order they opened: a
 * parent before its children) in typed arrays, as a large file has millions.
 */
class Nodes {
  count = 0;
  /** Where the value starts (for an empty value: where the yaml package places it). */
  start: Int32Array;
  /** Where js-yaml closed the node: after a quote or bracket, or after the spaces following a plain scalar. */
  close: Int32Array;
  kind: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  private readonly items = new Map<number, Int32Array>();
  private readonly keys = new Map<number, string>();
  private readonly ends = new Map<number, number>();

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.close = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
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
  const read = c === QUOTE || c === APOSTROPHE ? load(source, { schema: SCHEMA }) : source;
  return typeof read === 'string' ? read : source;
}

/** The end of a node's value: the yaml package's range[1]. */
function valueEnd(text: string, nodes: Nodes, id: number): number {
  const kind = nodes.kind[id];
  const start = nodes.start[id] ?? 0;
  if (kind === EMPTY) return start;
  const c = text.charCodeAt(start);
  if (kind === SCALAR || kind === TEXT) {
    let end = nodes.close[id] ?? 0;
    if (c !== QUOTE && c !== APOSTROPHE) while (text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }
  if (c === BRACKET || c === BRACE) return nodes.close[id] ?? 0;
  return nodes.cachedEnd(id, () => nodeEnd(text, nodes, nodes.lastChild(id)));
}

/** The end of a node with what follows it on its line (spaces, a comment, the line break): the yaml package's range[2]. */
function nodeEnd(text: string, nodes: Nodes, id: number): number {
  const kind = nodes.kind[id];
  const c = text.charCodeAt(nodes.start[id] ?? 0);
  if (kind === EMPTY || ((kind === MAPPING || kind === SEQUENCE) && c !== BRACKET && c !== BRACE)) return valueEnd(text, nodes, id);
  let at = valueEnd(text, nodes, id);
  while (text.charCodeAt(at) === SPACE) at++;
  if (text.charCodeAt(at) === HASH) {
    const eol = text.indexOf('\n', at);
    at = eol === -1 ? text.length : eol;
  }
  if (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF) return at + 2;
  if (text.charCodeAt(at) === LF) return at + 1;
  return at;
}

/** Checks a scalar when js-yaml closes it: it must read here exactly as in the yaml package. */
function checkScalar(text: string, nodes: Nodes, id: number, value: unknown): void {
  const start = nodes.start[id] ?? 0;
  const c = text.charCodeAt(start);
  if (!startsReadable(c)) throw new Declined();
  const end = valueEnd(text, nodes, id);
  if (c === QUOTE || c === APOSTROPHE) {
    // On one line, closed by its own quote, with a space before any comment.
    if (end - start < 2 || text.charCodeAt(end - 1) !== c || text.charCodeAt(end) === HASH) throw new Declined();
    const eol = text.indexOf('\n', start);
    if (eol !== -1 && eol < end) throw new Declined();
    return;
  }
  if (end <= start) throw new Declined();
  // The text as written must be the value: this also keeps out plain scalars folded over several lines.
  if (typeof value === 'string' ? value.length !== end - start || !text.startsWith(value, start) : !Object.is(resolvePlain(text.slice(start, end)), value)) throw new Declined();
}

/**
 * Checks a collection when js-yaml closes it: its children must be exactly
 * its items (sequence) or its keys and values (mapping), keys text, and empty
 * values only after a key in a block mapping. js-yaml composes one node per
 * item and two per pair, except for flow forms it then puts together
 * differently (`[a: b]`, `{a, b: c}`), which the counts below refuse.
 */
function checkCollection(text: string, nodes: Nodes, id: number, result: unknown): void {
  const start = nodes.start[id] ?? 0;
  const c = text.charCodeAt(start);
  const flow = c === BRACKET || c === BRACE;
  if (flow) {
    const close = nodes.close[id] ?? 0;
    const eol = text.indexOf('\n', start);
    if ((nodes.kind[id] === SEQUENCE) !== (c === BRACKET) || text.charCodeAt(close - 1) !== (c === BRACKET ? 0x5d : 0x7d) || (eol !== -1 && eol < close) || text.charCodeAt(close) === HASH) {
      throw new Declined();
    }
  }
  let child = nodes.firstChild[id] ?? 0;
  if (nodes.kind[id] === SEQUENCE) {
    if ((!flow && c !== 0x2d) /* - */ || !Array.isArray(result)) throw new Declined();
    // One node per item, of the item's kind. (js-yaml makes a flow sequence's pairs, `[a: b]`, of two
    // nodes, which the count refuses, and explicit keys, `[? a]`, of one: declinedByLines refuses those.)
    let items = 0;
    for (; child !== 0; child = nodes.nextSibling[child] ?? 0, items++) {
      const kind = nodes.kind[child];
      const item: unknown = result[items];
      const collection = typeof item === 'object' && item !== null;
      if (kind === EMPTY || (kind === SEQUENCE ? !Array.isArray(item) : kind === MAPPING ? !collection || Array.isArray(item) : collection)) throw new Declined();
    }
    if (items !== result.length) throw new Declined();
    return;
  }
  if (result === null || typeof result !== 'object' || Array.isArray(result)) throw new Declined();
  // A block mapping starts where its first key does.
  if (!flow && nodes.start[child] !== start) throw new Declined();
  let pairs = 0;
  while (child !== 0) {
    const value = nodes.nextSibling[child] ?? 0;
    if (value === 0 || nodes.kind[child] !== TEXT || (flow && nodes.kind[value] === EMPTY)) throw new Declined();
    // Keys well within the 1024 characters YAML allows before the ":" (checkScalar kept them on one line).
    if (valueEnd(text, nodes, child) - (nodes.start[child] ?? 0) > 1000) throw new Declined();
    pairs++;
    child = nodes.nextSibling[value] ?? 0;
  }
  // js-yaml refuses duplicate keys and this schema has no merge keys, so each pair is one key.
  let keys = 0;
  for (const key in result) if (Object.prototype.hasOwnProperty.call(result, key)) keys++;
  if (pairs !== keys) throw new Declined();
}

function compose(text: string): { nodes: Nodes; data: unknown } | undefined {
  const nodes = new Nodes(Math.max(64, text.length >> 3));
  // The open nodes: id, where js-yaml opened it, its last child so far.
  const open: number[] = [];
  const openedAt: number[] = [];
  const lastChild: number[] = [];
  // The value of the node that closed last at each depth: a parent's last child's value.
  const closedValue: unknown[] = [];
  let data: unknown;
  try {
    data = load(text, {
      schema: SCHEMA,
      onWarning: () => {
        throw new Declined();
      },
      listener(event, state) {
        if (event === 'open') {
          if (nodes.count + 1 >= nodes.start.length) nodes.grow();
          const id = ++nodes.count;
          const depth = open.length;
          if (depth > 0) {
            const last = lastChild[depth - 1] ?? 0;
            if (last === 0) nodes.firstChild[open[depth - 1] ?? 0] = id;
            else nodes.nextSibling[last] = id;
            lastChild[depth - 1] = id;
          }
          open.push(id);
          openedAt.push(state.position);
          lastChild.push(0);
          return;
        }
        const id = open.pop() ?? 0;
        const at = openedAt.pop() ?? 0;
        const only = lastChild.pop() ?? 0;
        const close = Math.min(state.position, text.length);
        const start = skipSeparation(text, at);
        const kind = state.kind === 'mapping' ? MAPPING : state.kind === 'sequence' ? SEQUENCE : SCALAR;
        nodes.close[id] = close;
        const result: unknown = state.result;
        const depth = open.length;
        const childValue = closedValue[depth + 1];
        closedValue[depth] = result;
        // js-yaml reads some flow collections (`- {a: 1}`, `[:x]`) in a node wrapped in another with the
        // same value and extent: the outer one stands for the inner one, already checked.
        if (kind !== SCALAR && only !== 0 && only === nodes.firstChild[id] && nodes.kind[only] === kind && nodes.start[only] === start && nodes.close[only] === close && childValue === result) {
          nodes.kind[id] = kind;
          nodes.start[id] = start;
          nodes.firstChild[id] = nodes.firstChild[only] ?? 0;
          return;
        }
        if (kind === SCALAR && start >= close) {
          // Nothing written: js-yaml closes it at the next content. Only `key:` and the end of the line is read here;
          // the yaml package places it after the ":" and the spaces that follow.
          let place = at;
          while (text.charCodeAt(place) === SPACE) place++;
          const next = text.charCodeAt(place);
          if (text.charCodeAt(at - 1) !== 0x3a /* : */ || !(next === LF || next === CR || place >= text.length)) throw new Declined();
          nodes.kind[id] = EMPTY;
          nodes.start[id] = place;
          return;
        }
        nodes.kind[id] = kind === SCALAR && typeof result === 'string' ? TEXT : kind;
        nodes.start[id] = start;
        if (kind === SCALAR) checkScalar(text, nodes, id, result);
        else {
          if (!startsReadable(text.charCodeAt(start))) throw new Declined();
          checkCollection(text, nodes, id, result);
        }
      },
    });
  } catch {
    // A YAML error, a warning, or a construct read here differently: the yaml package reads the file.
    return undefined;
  }
  // An empty document has no node to locate in the yaml package: it reads those too.
  if (nodes.count === 0 || open.length > 0 || nodes.kind[1] === EMPTY) return undefined;
  return { nodes, data };
}

/** A node of the fast path's tree, seen through the locator's interface. */
function sourceNode(text: string, nodes: Nodes, id: number): SourceNode {
  const self: SourceNode = {
    range: () => [nodes.start[id] ?? 0, valueEnd(text, nodes, id)],
    target: () => self,
    isSeq: () => nodes.kind[id] === SEQUENCE,
    item: (index) => {
      if (nodes.kind[id] !== SEQUENCE || !Number.isInteger(index)) return undefined;
      const child = nodes.item(id, index);
      return child === undefined ? undefined : sourceNode(text, nodes, child);
    },
    pair: (key) => {
      if (nodes.kind[id] !== MAPPING) return undefined;
      for (let k = nodes.firstChild[id] ?? 0; k !== 0; ) {
        const v = nodes.nextSibling[k] ?? 0;
        if (v === 0) return undefined;
        if (nodes.key(text, k) === key) return { key: sourceNode(text, nodes, k), value: sourceNode(text, nodes, v) };
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

/** Reads `text` on the fast path, or returns undefined when the yaml package must read it. */
export function loadFast(text: string): LoadedFile | undefined {
  if (declinedByLines(text)) return undefined;
  const composed = compose(text);
  if (!composed) return undefined;
  const locator = createLocator(sourceNode(text, composed.nodes, 1), lazyLineIndex(text), text);
  return { text, data: composed.data, ok: true, findings: [], locator };
}
