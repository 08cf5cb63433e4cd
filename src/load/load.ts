/**
 * Stage 1: text → YAML document with source positions. YAML problems are
 * findings (`yaml-syntax`) with positions, never exceptions.
 */
import { isAlias, isCollection, isScalar, parseAllDocuments, visit, type Alias, type Document } from 'yaml';
import type { Finding } from '../findings.js';
import { createLocator, FILE_START, lineCounterFor, rangeFromOffsets, type Locator } from './locate.js';

export interface LoadedFile {
  text: string;
  /** The parsed data, or undefined when the YAML could not be read into data. */
  data: unknown;
  /** Whether `data` is usable: no syntax errors. */
  ok: boolean;
  findings: Finding[];
  locator: Locator;
}

/** Aliases that expand beyond this many nodes are treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

function syntaxFinding(message: string, range = FILE_START, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId: 'yaml-syntax', severity, message, path: '', ...range };
}

/** The yaml package's messages carry " at line N, column M:" and a code frame; we print positions ourselves. */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Decodes bytes as UTF-8. Invalid sequences become a finding at the first bad
 * byte, and the text is decoded with replacement characters so that the rest
 * of the file can still be reported on.
 */
export function decodeText(bytes: Uint8Array): { text: string; invalidAt: number | null } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), invalidAt: null };
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    return { text, invalidAt: Math.max(0, text.indexOf('\uFFFD')) };
  }
}

const TOO_DEEP = 'the file is nested too deeply to read; a team file needs only a few levels';

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

export function loadText(text: string): LoadedFile {
  // Lines come from the text itself: the parser's own count misses line breaks in some broken files.
  const lineCounter = lineCounterFor(text);
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    // logLevel 'error': the yaml package must not print warnings of its own; problems become findings.
    // schema 'core': a %YAML 1.1 directive must not switch on 1.1's conversions (yes → true, 0123 → 83).
    // resolveKnownTags false: !!binary, !!timestamp, !!set… are unresolved tags, never objects built from the file.
    docs = parseAllDocuments(text, {
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
      return { text, data: undefined, ok: false, findings: [syntaxFinding(TOO_DEEP)], locator: createLocator(undefined, lineCounter) };
    }
    throw error;
  }
  const doc = docs[0];
  const locator = createLocator(doc, lineCounter, text);
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
        if (!tooDeep) findings.push(syntaxFinding(TOO_DEEP, at(e.pos)));
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
  if (findings.length > 0 || !doc) {
    return { text, data: doc ? undefined : null, ok: findings.length === 0, findings, locator };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) {
      findings.push(syntaxFinding(TOO_DEEP));
    } else if (error instanceof ReferenceError) {
      // An alias to no anchor before it, or excessive alias expansion ("billion laughs").
      const anchors = new Set<string>();
      let first: Alias | undefined;
      let unresolved: Alias | undefined;
      visit(doc, (_key, node) => {
        if (isAlias(node)) {
          first ??= node;
          if (!anchors.has(node.source)) {
            unresolved = node;
            return visit.BREAK;
          }
        } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
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

export function loadBytes(bytes: Uint8Array): LoadedFile {
  const { text, invalidAt } = decodeText(bytes);
  const loaded = loadText(text);
  if (invalidAt === null) return loaded;
  const finding = syntaxFinding('the file is not valid UTF-8; save it as UTF-8', rangeFromOffsets(lineCounterFor(text), invalidAt, invalidAt + 1, text.length));
  return { ...loaded, ok: false, data: undefined, findings: [finding, ...loaded.findings] };
}

