/**
 * A scan for nesting depth, before the text is read. Both YAML parsers
 * recurse on nesting, and the yaml package, given a million `[`, takes tens
 * of seconds and a gigabyte before it gives up (four million end the process
 * out of memory). A team file needs five levels; past MAX_NESTING_DEPTH the
 * file is refused at once, at the place it goes too deep.
 *
 * The scan is one pass over the text in constant memory (a few counters and
 * an indentation stack that never grows past the limit). It counts flow
 * collections (`[` and `{` outside quotes and comments) and block levels
 * (indentation, and `- `, `? ` and `: ` indicators on one line, as in
 * `- - - x`), and skips quoted scalars, comments and block scalars (`|`,
 * `>`). It may count a level too many where a plain scalar holds a bracket
 * or a line is a scalar's continuation; the limit leaves room for that.
 */

/** Collections inside collections, the top-level mapping included. */
export const MAX_NESTING_DEPTH = 100;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isBreakOrEnd(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return at >= text.length || code === LF || code === CR;
}

function isBlankOrBreak(text: string, at: number): boolean {
  return isBlank(text.charCodeAt(at)) || isBreakOrEnd(text, at);
}

/**
 * The offset of the first character that opens a collection deeper than
 * `limit`, or undefined when the text stays within it.
 */
export function tooDeepAt(text: string, limit = MAX_NESTING_DEPTH): number | undefined {
  const indents = new Int32Array(limit + 2);
  let blockDepth = 0;
  let flowDepth = 0;
  /** The indentation of the line where the outermost open flow collection began. */
  let flowOwnerIndent = 0;
  let i = 0;
  const length = text.length;
  /** Opens a block level at `column`; true when that goes past the limit. */
  const openBlock = (column: number): boolean => {
    while (blockDepth > 0 && (indents[blockDepth - 1] ?? 0) >= column) blockDepth--;
    indents[blockDepth] = column;
    blockDepth++;
    return blockDepth + flowDepth > limit;
  };
  while (i < length) {
    // At the start of a line.
    const lineStart = i;
    while (i < length && text.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    if (i >= length) break;
    let code = text.charCodeAt(i);
    if (code === LF || code === CR || code === 0x23 /* # */) {
      while (i < length && text.charCodeAt(i) !== LF) i++;
      i++;
      continue;
    }
    if (flowDepth > 0 && indent <= flowOwnerIndent) {
      // A flow collection left open past its block: the readers report that; the count starts over.
      flowDepth = 0;
    }
    if (flowDepth === 0) {
      flowOwnerIndent = indent;
      // Block indicators at the start of the line, each a level: "- - - x", "? - x", "- key: value".
      let column = indent;
      for (;;) {
        code = text.charCodeAt(i);
        if ((code === 0x2d /* - */ || code === 0x3f /* ? */ || code === 0x3a /* : */) && isBlankOrBreak(text, i + 1)) {
          if (openBlock(column)) return i;
          i++;
          while (i < length && isBlank(text.charCodeAt(i))) {
            i++;
          }
          column = i - lineStart;
          continue;
        }
        break;
      }
      // Anything else that starts a line's content is a mapping's key or a scalar at this column.
      if (!isBreakOrEnd(text, i) && text.charCodeAt(i) !== 0x23 && openBlock(column)) return i;
    }
    // The rest of the line: quotes, comments, flow brackets, and a block scalar's header.
    let previous = SPACE;
    let blockScalar = false;
    while (i < length) {
      code = text.charCodeAt(i);
      if (code === LF) break;
      if (code === 0x23 /* # */ && isBlank(previous)) {
        while (i < length && text.charCodeAt(i) !== LF) i++;
        break;
      }
      if (code === 0x27 /* ' */ || code === 0x22 /* " */) {
        if (isBlank(previous) || previous === 0x5b || previous === 0x7b || previous === 0x2c || previous === 0x3a || previous === 0x2d || previous === 0x3f || i === lineStart + indent) {
          // A quoted scalar, over as many lines as it takes.
          const quote = code;
          i++;
          while (i < length) {
            const c = text.charCodeAt(i);
            if (quote === 0x22 && c === 0x5c /* \ */) {
              i += 2;
              continue;
            }
            if (c === quote) {
              if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
                i += 2;
                continue;
              }
              break;
            }
            i++;
          }
          previous = quote;
          i++;
          continue;
        }
      }
      if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
        // In a block context a bracket inside a plain scalar is text; it opens a collection where a node starts.
        if (flowDepth > 0 || isBlank(previous)) {
          flowDepth++;
          if (blockDepth + flowDepth > limit) return i;
        }
      } else if ((code === 0x5d /* ] */ || code === 0x7d /* } */) && flowDepth > 0) {
        flowDepth--;
      } else if ((code === 0x7c /* | */ || code === 0x3e /* > */) && flowDepth === 0 && isBlank(previous)) {
        // A block scalar's header: the indicator, then only chomping and indentation digits up to the line's end or a comment.
        let j = i + 1;
        while (j < length && /[-+0-9]/.test(text[j] ?? '')) j++;
        while (j < length && isBlank(text.charCodeAt(j))) j++;
        if (isBreakOrEnd(text, j) || text.charCodeAt(j) === 0x23) blockScalar = true;
      }
      previous = code;
      i++;
    }
    i++;
    if (blockScalar) {
      // Its content: the lines indented deeper than the line that opened it, and empty lines.
      while (i < length) {
        let j = i;
        while (j < length && text.charCodeAt(j) === SPACE) j++;
        if (!isBreakOrEnd(text, j) && j - i <= indent) break;
        while (j < length && text.charCodeAt(j) !== LF) j++;
        i = j + 1;
      }
    }
  }
  return undefined;
}
