/**
 * Maps JSON pointers to source ranges. Built once per file; rules and the
 * schema stage hand over pointers and never compute positions themselves.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair } from 'yaml';
import type { Range } from '../findings.js';

/** `key`: the property's key (unknown or missing properties); `value`: the value itself. */
export type Anchor = 'key' | 'value';

export interface Locator {
  locate(pointer: string, anchor?: Anchor): Range;
  /** The source text of the value at `pointer`, as written (e.g. `0123` for a number). */
  source(pointer: string): string | undefined;
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function encodePointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Line starts of a text: a line ends at each LF (CR LF included), as in editors and the YAML lexer. */
export function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/** A range covering the first character of the file: for findings about the whole file. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * The range between two offsets. An empty range covers the character at
 * `start`; with `textLength`, offsets are kept inside the text, so a problem
 * at the end of the file is an empty range there rather than a column past it.
 */
export function rangeFromOffsets(lineCounter: LineCounter, start: number, end: number, textLength = Number.MAX_SAFE_INTEGER): Range {
  const first = Math.max(0, Math.min(start, textLength));
  let last = Math.max(first, Math.min(end, textLength));
  if (last === first && first < textLength) last = first + 1;
  const from = lineCounter.linePos(first);
  const to = lineCounter.linePos(last);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function offsetOf(lineCounter: LineCounter, line: number, column: number): number {
  return (lineCounter.lineStarts[line - 1] ?? 0) + column - 1;
}

function findPair(node: Node, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    const k = item.key;
    const name = isScalar(k) ? String(k.value) : k === null || k === undefined ? '' : String(k);
    if (name === key) return item;
  }
  return undefined;
}

function asNode(doc: Document, value: unknown): Node | undefined {
  if (isAlias(value)) {
    const target = value.resolve(doc);
    return target ?? value;
  }
  if (isScalar(value) || isMap(value) || isSeq(value)) return value;
  return undefined;
}

function nodeRange(value: unknown): [number, number] | undefined {
  if (isScalar(value) || isMap(value) || isSeq(value) || isAlias(value)) {
    const r = value.range;
    if (r) return [r[0], r[1]];
  }
  return undefined;
}

export function createLocator(doc: Document | undefined, lineCounter: LineCounter, text = ''): Locator {
  return {
    source(pointer) {
      const r = this.locate(pointer, 'value');
      if (!doc || !doc.contents) return undefined;
      const start = offsetOf(lineCounter, r.line, r.column);
      const end = offsetOf(lineCounter, r.endLine, r.endColumn);
      return end > start ? text.slice(start, end) : undefined;
    },
    locate(pointer, anchor = 'value') {
      if (!doc || !doc.contents) return FILE_START;
      const segments = decodePointer(pointer);
      let node: Node | undefined = asNode(doc, doc.contents);
      // The best range found so far: the deepest node reached.
      let best = nodeRange(doc.contents);
      let keyRange: [number, number] | undefined;
      for (let i = 0; i < segments.length && node; i++) {
        const segment = segments[i] ?? '';
        const last = i === segments.length - 1;
        if (isSeq(node)) {
          const item: unknown = node.items[Number(segment)];
          const r = nodeRange(item);
          if (!r) break;
          best = r;
          keyRange = undefined;
          node = asNode(doc, item);
          continue;
        }
        const pair = findPair(node, segment);
        if (!pair) break;
        const k = nodeRange(pair.key);
        keyRange = k;
        const v = nodeRange(pair.value);
        best = last && anchor === 'key' ? (k ?? best) : (v ?? k ?? best);
        if (isPair(pair)) node = asNode(doc, pair.value);
      }
      if (anchor === 'key' && keyRange && segments.length > 0) best = keyRange;
      if (!best) return FILE_START;
      return rangeFromOffsets(lineCounter, best[0], best[1], text.length > 0 ? text.length : undefined);
    },
  };
}
