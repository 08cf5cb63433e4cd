/**
 * Text from a team file is untrusted. This module is the one place that
 * makes it inert for each place it can land, one function per target:
 *
 * - escapeTerminal: a terminal or a CI log (stylish, messages on stderr)
 * - escapeMarkdown: GitHub Markdown (pull-request comments, job summaries)
 * - escapeMermaid:  a quoted label in a Mermaid chart inside that Markdown
 * - escapeXml:      XML and HTML content and attribute values (JUnit, the report)
 * - escapeWorkflowData / escapeWorkflowProperty: GitHub workflow commands
 * - escapeSarifMessage: SARIF message text
 * - safeJson: JSON documents (json, SARIF)
 * - csvCell: a CSV cell
 *
 * Every formatter takes its escaping from here; none has its own.
 */

// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI), the soft hyphen,
// zero-width and bidirectional formatting characters, the Hangul fillers
// (blank, yet letters to Unicode, so they pass for a name), line and
// paragraph separators, BOM, interlinear annotations, the noncharacters
// U+FDD0–U+FDEF, U+FFFE and U+FFFF, and the invisible tag characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\u{e0000}-\u{e007f}]/gu;

/**
 * CI runners read commands from the log: GitHub Actions takes `::command::`
 * at the start of a line (after white space) and its older `##[command]`
 * anywhere in a line; Azure Pipelines takes `##vso[`, TeamCity `##teamcity[`.
 * Escaping one `#` of such a marker keeps the text readable and inert.
 */
const CI_MARKER = /#(?=#[a-z]*\[)/gi;
const LEADING_COMMAND = /^(\s*):(?=:)/;

function visibleEscape(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * For a terminal or a CI log: control, invisible and bidirectional
 * characters become visible escapes, so a file cannot move the cursor,
 * retitle the terminal, hide or reorder text, or start a CI command.
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, visibleEscape).replace(CI_MARKER, '\\x23').replace(LEADING_COMMAND, '$1\\x3a');
}

/** The name the rest of the code knows it by. */
export const escapeControl = escapeTerminal;

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls and the
 * bidirectional and invisible characters raw; this escapes those too, and CI
 * command markers, so the output stays valid JSON and inert in a terminal or
 * a CI log.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\u{e0000}-\u{e007f}]/gu;
function jsonEscape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

export function safeJson(value: unknown, indent?: number): string {
  // `#` occurs in JSON only inside strings, where \u0023 means the same: CI markers become inert, the data stays.
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, jsonEscape).replace(CI_MARKER, '\\u0023');
}

const WORD_JOINER = '&#8288;';

/**
 * Text from a team file inside GitHub Markdown (inline or in a table cell):
 * the characters that make links, images, HTML, emphasis, code,
 * strikethrough, math or table columns are escaped, and an invisible word
 * joiner breaks what GitHub links by itself: `@name` mentions, `#7` and
 * `GH-7` issue references, and bare `https://`, `mailto:` and `www.`
 * addresses (GitHub links these after decoding entities, so the joiner must
 * sit inside the trigger). Other punctuation stays readable.
 */
export function escapeMarkdown(text: string): string {
  return escapeTerminal(text)
    .replace(/[\\`*_[\]|<>~&@#$]/g, (c) => {
      if (c === '&') return '&amp;';
      if (c === '<') return '&lt;';
      if (c === '>') return '&gt;';
      if (c === '@' || c === '#') return `${c}${WORD_JOINER}`;
      return `\\${c}`;
    })
    .replace(/\b(https?|ftp|mailto|xmpp|tel|file)(?=:)/gi, `$1${WORD_JOINER}`)
    .replace(/\b(www)(?=\.)/gi, `$1${WORD_JOINER}`)
    .replace(/\b(gh)(?=-\d)/gi, `$1${WORD_JOINER}`);
}

/**
 * Text inside a double-quoted Mermaid label. Mermaid decodes `#name;` and
 * `#code;` entities in labels, so every character that could end the label,
 * start a directive (`%%{init: …}%%` is found anywhere in the chart's text),
 * a comment, a link, Markdown, math (`$$…$$`, whose dollars also get a word
 * joiner between them, as do `\` and `n`, which Mermaid would read as a line
 * break), HTML or an entity is written as one; letters, digits, spaces and plain punctuation stay as they are (not `.`
 * or `/`, so no name reads as an address).
 */
const MERMAID_SAFE = /[^\p{L}\p{M}\p{N} ,'()+\-?!=]/gu;
export function escapeMermaid(text: string): string {
  // Mermaid decodes entities before it looks for $$…$$ math and for \n line breaks: a word joiner keeps them apart.
  return escapeTerminal(text)
    .replace(/\$(?=\$)|\\(?=n)/g, '$&\u2060')
    .replace(MERMAID_SAFE, (c) => (c === '\u2060' ? '#8288;' : `#${c.codePointAt(0) ?? 0};`));
}

// Characters XML 1.0 cannot hold even as references: lone surrogates (U+FFFE and U+FFFF are escaped above).
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * For XML and HTML: made visible as for a terminal, then every character that
 * means something to markup becomes an entity. Safe in element content, in
 * double- or single-quoted attribute values, and inside inline SVG text.
 */
export function escapeXml(text: string): string {
  return escapeTerminal(text)
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => MARKUP[c] ?? c);
}

/** A workflow command's message: `%`, CR and LF, as the runner decodes them. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: a message's escapes plus `:` and `,`, which end a value. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * SARIF message text: `{0}` is a placeholder for the message's arguments
 * (SARIF 2.1.0, 3.11.5), so literal braces are doubled. The rest is made
 * visible as for a terminal; JSON escaping comes after, with safeJson.
 */
export function escapeSarifMessage(text: string): string {
  return escapeTerminal(text).replace(/[{}]/g, (c) => c + c);
}

/** A CSV cell per RFC 4180, guarded against spreadsheet formula injection. */
export function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
