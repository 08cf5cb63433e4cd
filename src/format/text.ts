import { wrap as wrapLines } from '../util/wrap.js';

// The escapers live in ./escape.ts, one per output target; these names stay for the code that imports them from here.
export { csvCell, escapeControl, escapeMarkdown, safeJson } from './escape.js';

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Wraps prose to `width` columns, indenting every line by `indent`; paragraphs stay apart. */
export function wrap(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .flatMap((paragraph) => {
      const lines = wrapLines(paragraph, Math.max(10, width - indent.length));
      return lines.length > 0 ? lines : [''];
    })
    .map((line) => indent + line)
    .join('\n');
}
