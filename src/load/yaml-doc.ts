/**
 * The yaml package's Document API (YAML 1.2 core schema) describes the files
 * the reader (src/load/fast.ts) refuses: its messages and positions for
 * syntax problems are the more helpful ones. The tests also use it as the
 * reference the reader's data and positions are compared with. The module is
 * handed in, so that it is only loaded when a file is refused.
 */
import type * as Yaml from 'yaml';
import type { Alias, Document, Node } from 'yaml';
import type { Finding } from '../findings.js';
import { createLocator, FILE_START, lineIndex, rangeFromOffsets, type SourceNode } from './locate.js';
import type { LoadedFile } from './load.js';

export type YamlModule = typeof Yaml;

/** Aliases that expand beyond this many nodes are treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

export const NESTED_TOO_DEEPLY = 'the file is nested too deeply to read; a team file needs only a few levels';

export function syntaxFinding(message: string, range = FILE_START, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'yaml-syntax', severity, message, path: '', ...range };
}

/** The yaml package's messages carry " at line N, column M:" and a code frame; we print positions ourselves. */
/** Text from the file that a parser message quotes: at most this many characters, as in schema messages. */
const MAX_QUOTED = 60;

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The parser quotes the token it stopped at, which may be a whole line of a file that is not a team file (a linked secret).
  return line
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => (inner.length > MAX_QUOTED ? `"${inner.slice(0, MAX_QUOTED - 3).replace(/\\$/, '')}..."` : quoted));
}


/** A yaml package node seen through the locator's interface. */
function sourceNode(YAML: YamlModule, doc: Document, node: Node): SourceNode {
  const self: SourceNode = {
    range: () => (node.range ? [node.range[0], node.range[1]] : undefined),
    target: () => {
      if (!YAML.isAlias(node)) return self;
      const resolved = node.resolve(doc);
      return resolved ? sourceNode(YAML, doc, resolved) : self;
    },
    isSeq: () => YAML.isSeq(node),
    item: (index) => {
      if (!YAML.isSeq(node)) return undefined;
      const item: unknown = node.items[index];
      return asSourceNode(YAML, doc, item);
    },
    pair: (key) => {
      if (!YAML.isMap(node)) return undefined;
      for (const item of node.items) {
        const k: unknown = item.key;
        const name = YAML.isScalar(k) ? String(k.value) : k === null || k === undefined ? '' : String(k);
        if (name === key) return { key: asSourceNode(YAML, doc, k), value: asSourceNode(YAML, doc, item.value) };
      }
      return undefined;
    },
  };
  return self;
}

function asSourceNode(YAML: YamlModule, doc: Document, value: unknown): SourceNode | undefined {
  return YAML.isScalar(value) || YAML.isMap(value) || YAML.isSeq(value) || YAML.isAlias(value) ? sourceNode(YAML, doc, value) : undefined;
}


/** Characters YAML 1.2 does not allow in a stream (outside c-printable), lone surrogates included. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'remove or rename one of the two keys',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  TAG_RESOLVE_FAILED: 'a team file needs no custom tags; remove the tag',
  MULTIPLE_DOCS: 'keep one team per file',
};

/**
 * A file that is not YAML at all (an HTML page, a binary) breaks at every
 * line; past this many syntax findings the rest are summed up in one, which
 * says what is likely wrong.
 */
export const MAX_SYNTAX_FINDINGS = 100;

function capSyntaxFindings(findings: Finding[]): void {
  if (findings.length <= MAX_SYNTAX_FINDINGS) return;
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const rest = findings.splice(MAX_SYNTAX_FINDINGS);
  const [next] = rest;
  findings.push(
    syntaxFinding(
      `${rest.length} more YAML syntax problems from here on are not listed; is this a YAML team file? Fix the first ones, or check that the right file was named`,
      next ? { line: next.line, column: next.column, endLine: next.endLine, endColumn: next.endColumn } : FILE_START,
    ),
  );
}

export function loadWithYaml(YAML: YamlModule, text: string): LoadedFile {
  // Lines come from the text itself: the parser's own count misses line breaks in some broken files.
  const lineCounter = lineIndex(text);
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': the yaml package must not print warnings of its own; problems become findings.
    // schema 'core': a %YAML 1.1 directive must not switch on 1.1's conversions (yes → true, 0123 → 83).
    // resolveKnownTags false: !!binary, !!timestamp, !!set… are unresolved tags, never objects built from the file.
    docs = YAML.parseAllDocuments(text, {
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      stringKeys: false,
      logLevel: 'error',
      schema: 'core',
      resolveKnownTags: false,
    }) as Document.Parsed[];
  } catch (error) {
    // The parser recurses on nesting; a deeply nested file can exhaust the stack.
    if (error instanceof RangeError) {
      return { text, data: undefined, ok: false, findings: [syntaxFinding(NESTED_TOO_DEEPLY)], locator: createLocator(undefined, lineCounter) };
    }
    throw error;
  }
  const doc = docs[0];
  const root = doc?.contents ? sourceNode(YAML, doc, doc.contents) : undefined;
  const locator = createLocator(root, lineCounter, text);
  const at = (pos: readonly [number, number]) => rangeFromOffsets(lineCounter, pos[0], pos[1], text.length);

  const unprintable = NOT_PRINTABLE.exec(text);
  if (unprintable) {
    const char = unprintable[0];
    findings.push(
      syntaxFinding(`the file contains the control character ${codePoint(char)}, which YAML does not allow; remove it, or write it as an escape in a double-quoted string`, at([unprintable.index, unprintable.index + char.length])),
    );
  }
  const yaml11 = /^%YAML[ \t]+1\.1\b/m.exec(text);
  if (yaml11 && docs.some((d) => d.directives?.yaml.explicit && d.directives.yaml.version === '1.1')) {
    findings.push(
      syntaxFinding('the file asks for YAML 1.1, whose conversions (yes → true, 0123 → 83) would change what it says; remove the %YAML line: team files are read as YAML 1.2', at([yaml11.index, yaml11.index + yaml11[0].length])),
    );
  }
  let tooDeep = false;
  for (const d of docs) {
    for (const e of d.errors) {
      // The yaml package turns a stack overflow on deep nesting into this error; report it once, in our words.
      if (e.code === 'RESOURCE_EXHAUSTION') {
        if (!tooDeep) findings.push(syntaxFinding(NESTED_TOO_DEEPLY, at(e.pos)));
        tooDeep = true;
        continue;
      }
      const hint = HINTS[e.code];
      findings.push(syntaxFinding(firstLine(e.message) + (hint ? `; ${hint}` : ''), at(e.pos)));
    }
    for (const w of d.warnings) {
      const hint = HINTS[w.code];
      findings.push(syntaxFinding(firstLine(w.message) + (hint ? `; ${hint}` : ''), at(w.pos)));
    }
  }
  const second = docs[1];
  if (second) {
    const start = second.range[0];
    findings.push(syntaxFinding(`the file holds ${docs.length} YAML documents; ${HINTS.MULTIPLE_DOCS}`, at([start, start + 1])));
  }
  capSyntaxFindings(findings);
  if (findings.length > 0 || !doc) {
    return { text, data: doc ? undefined : null, ok: findings.length === 0, findings, locator };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) {
      findings.push(syntaxFinding(NESTED_TOO_DEEPLY));
    } else if (error instanceof ReferenceError) {
      // An alias to no anchor before it, or excessive alias expansion ("billion laughs").
      const anchors = new Set<string>();
      let first: Alias | undefined;
      let unresolved: Alias | undefined;
      YAML.visit(doc, (_key, node) => {
        if (YAML.isAlias(node)) {
          first ??= node;
          if (!anchors.has(node.source)) {
            unresolved = node;
            return YAML.visit.BREAK;
          }
        } else if ((YAML.isScalar(node) || YAML.isCollection(node)) && node.anchor) {
          anchors.add(node.anchor);
        }
        return undefined;
      });
      const culprit = unresolved ?? first;
      const aliasAt = culprit?.range ? at([culprit.range[0], culprit.range[1]]) : FILE_START;
      const name = unresolved ? unresolved.source.slice(0, 60) : '';
      findings.push(
        syntaxFinding(
          unresolved
            ? `the alias *${name} refers to no anchor before it; define &${name} first, or write the value out`
            : `aliases expand too far (${firstLine(error.message)}); write the values out instead of nesting aliases`,
          aliasAt,
        ),
      );
    } else {
      throw error;
    }
    return { text, data: undefined, ok: false, findings, locator };
  }
  return { text, data, ok: true, findings, locator };
}

