import { wrap as wrapLines } from '../util/wrap.js';

/**
 * Text from a team file is untrusted. Before any of it reaches a terminal or a
 * report, control characters, bidirectional overrides and invisible characters
 * are replaced by visible escapes, so a file cannot move the cursor, retitle
 * the terminal, hide text or reorder it.
 */
// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), the soft hyphen,
// zero-width and bidirectional formatting characters, line and paragraph
// separators, BOM, interlinear annotations and the invisible tag characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

/**
 * CI runners read commands from the log: GitHub Actions takes `::command::`
 * at the start of a line (after white space) and its older `##[command]`
 * anywhere in a line; Azure Pipelines takes `##vso[`, TeamCity `##teamcity[`.
 * Escaping one `#` of such a marker keeps the text readable and inert.
 */
const CI_MARKER = /#(?=#[a-z]*\[)/gi;
const LEADING_COMMAND = /^(\s*):(?=:)/;

export function escapeControl(text: string): string {
  return text
    .replace(UNSAFE, (c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
      return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
    })
    .replace(CI_MARKER, '\\x23')
    .replace(LEADING_COMMAND, '$1\\x3a');
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls and the
 * bidirectional and invisible characters raw; this escapes those too, and CI
 * command markers, so the output stays valid JSON and inert in a terminal or
 * a CI log.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
const jsonEscape = (c: string) => [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

export function safeJson(value: unknown, indent?: number): string {
  // `#` occurs in JSON only inside strings, where \u0023 means the same: CI markers become inert, the data stays.
  return JSON.stringify(value, null, indent)
    .replace(UNSAFE_IN_JSON, jsonEscape)
    .replace(CI_MARKER, '\\u0023');
}

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

const WORD_JOINER = '&#8288;';

/**
 * Text from a team file inside Markdown (inline or in a table cell), for
 * check, matrix and diff alike: the characters that make links, images,
 * HTML, emphasis, code, strikethrough or table columns are escaped, and `@`
 * and `#` are followed by an invisible word joiner so GitHub links no
 * mention or issue reference. Other punctuation stays readable.
 */
export function escapeMarkdown(text: string): string {
  return escapeControl(text).replace(/[\\`*_[\]|<>~&@#]/g, (c) => {
    if (c === '&') return '&amp;';
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === '@' || c === '#') return `${c}${WORD_JOINER}`;
    return `\\${c}`;
  });
}

/** A CSV cell per RFC 4180, guarded against spreadsheet formula injection. */
export function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
