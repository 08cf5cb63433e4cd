/**
 * Maps JSON pointers to source ranges. Built once per file; rules and the
 * schema stage hand over pointers and never compute positions themselves.
 *
 * Both parsers (the yaml package's documents and the fast js-yaml path)
 * describe their nodes as `SourceNode`s, and one walk below turns a pointer
 * into a range, so that positions are computed the same way whichever parser
 * read the file.
 */
import type { Range } from '../findings.js';

/** `key`: the property's key (unknown or missing properties); `value`: the value itself. */
export type Anchor = 'key' | 'value';

export interface Locator {
  locate(pointer: string, anchor?: Anchor): Range;
  /** The source text of the value at `pointer`, as written (e.g. `0123` for a number). */
  source(pointer: string): string | undefined;
}

/** A parsed node as the locator sees it. Offsets are UTF-16 indexes into the text. */
export interface SourceNode {
  /** Where the node is written: [start, end) of its value, without trailing comments. */
  range(): readonly [number, number] | undefined;
  /** The node whose items and pairs are walked (an alias's target; otherwise the node itself). */
  target(): SourceNode;
  isSeq(): boolean;
  /** The item at `index` of a sequence. */
  item(index: number): SourceNode | undefined;
  /** The pair of a mapping whose key reads as `key`. */
  pair(key: string): { key: SourceNode | undefined; value: SourceNode | undefined } | undefined;
}

/** Offsets → 1-based lines and columns; the yaml package's LineCounter has this shape. */
export interface LineIndex {
  readonly lineStarts: ArrayLike<number>;
  linePos(offset: number): { line: number; col: number };
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

/** A range covering the first character of the file: for findings about the whole file. */
export const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The line starts of `text` (after each "\n"), with the same binary search as the yaml package's LineCounter. */
export function lineIndex(text: string): LineIndex {
  // A typed array: a large file has a million lines, and pushing each onto an array costs several times the scan.
  let starts = new Int32Array(Math.max(16, text.length >> 5));
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  const lineStarts = starts.subarray(0, count);
  return {
    lineStarts,
    linePos(offset) {
      let low = 0;
      let high = lineStarts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((lineStarts[mid] ?? 0) < offset) low = mid + 1;
        else high = mid;
      }
      if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
      if (low === 0) return { line: 0, col: offset };
      return { line: low, col: offset - (lineStarts[low - 1] ?? 0) + 1 };
    },
  };
}

/**
 * The range between two offsets. An empty range covers the character at
 * `start`; with `textLength`, offsets are kept inside the text, so a problem
 * at the end of the file is an empty range there rather than a column past it.
 */
export function rangeFromOffsets(lines: LineIndex, start: number, end: number, textLength = Number.MAX_SAFE_INTEGER): Range {
  const first = Math.max(0, Math.min(start, textLength));
  let last = Math.max(first, Math.min(end, textLength));
  if (last === first && first < textLength) last = first + 1;
  const from = lines.linePos(first);
  const to = lines.linePos(last);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function offsetOf(lines: LineIndex, line: number, column: number): number {
  return (lines.lineStarts[line - 1] ?? 0) + column - 1;
}

export function createLocator(root: SourceNode | undefined, lines: LineIndex, text = ''): Locator {
  return {
    source(pointer) {
      const r = this.locate(pointer, 'value');
      if (!root) return undefined;
      const start = offsetOf(lines, r.line, r.column);
      const end = offsetOf(lines, r.endLine, r.endColumn);
      return end > start ? text.slice(start, end) : undefined;
    },
    locate(pointer, anchor = 'value') {
      if (!root) return FILE_START;
      const segments = decodePointer(pointer);
      let node: SourceNode | undefined = root.target();
      // The best range found so far: the deepest node reached.
      let best = root.range();
      let keyRange: readonly [number, number] | undefined;
      for (let i = 0; i < segments.length && node; i++) {
        const segment = segments[i] ?? '';
        const last = i === segments.length - 1;
        if (node.isSeq()) {
          const item = node.item(Number(segment));
          const r = item?.range();
          if (!item || !r) break;
          best = r;
          keyRange = undefined;
          node = item.target();
          continue;
        }
        const pair = node.pair(segment);
        if (!pair) break;
        const k = pair.key?.range();
        keyRange = k;
        const v = pair.value?.range();
        best = last && anchor === 'key' ? (k ?? best) : (v ?? k ?? best);
        node = pair.value?.target();
      }
      if (anchor === 'key' && keyRange && segments.length > 0) best = keyRange;
      if (!best) return FILE_START;
      return rangeFromOffsets(lines, best[0], best[1], text.length > 0 ? text.length : undefined);
    },
  };
}
