/**
 * Stage 1: text → data with source positions. YAML problems are findings
 * (`yaml-syntax`) with positions, never exceptions.
 *
 * One reader gives the data and positions of every file it accepts
 * (src/load/fast.ts). A file it refuses is described by the yaml package
 * (src/load/yaml-doc.ts), loaded only then: its messages and positions for
 * syntax errors are the more helpful ones.
 */
import { createRequire } from 'node:module';
import { MAX_NESTING_DEPTH, tooDeepAt } from './depth.js';
import { readYaml } from './fast.js';
import { createLocator, lineIndex, rangeFromOffsets, type Locator } from './locate.js';
import { loadWithYaml, syntaxFinding, type YamlModule } from './yaml-doc.js';
import type { Finding } from '../findings.js';

export interface LoadedFile {
  text: string;
  /** The parsed data, or undefined when the YAML could not be read into data. */
  data: unknown;
  /** Whether `data` is usable: no syntax errors. */
  ok: boolean;
  findings: Finding[];
  locator: Locator;
}

let yamlModule: YamlModule | undefined;

/** The yaml package, loaded on first use: most files never need it. */
function yamlPackage(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
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

/** Reads a team file's text. */
export function loadText(text: string): LoadedFile {
  // Refused before either reader recurses into it: see src/load/depth.ts.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const lines = lineIndex(text);
    const finding = syntaxFinding(
      `the file nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; a team file needs only a few levels: check that this is a team file`,
      rangeFromOffsets(lines, deep, deep + 1, text.length),
    );
    return { text, data: undefined, ok: false, findings: [finding], locator: createLocator(undefined, lines) };
  }
  const read = readYaml(text);
  if ('locator' in read) return read;
  const described = loadWithYaml(yamlPackage(), text);
  if (described.findings.length > 0) return { ...described, ok: false, data: undefined };
  // The yaml package reads what the reader refused: its own reason, at its place.
  const lines = lineIndex(text);
  const finding = syntaxFinding(`${read.message}; rewrite this part of the file in plainer YAML`, rangeFromOffsets(lines, read.at, read.at + 1, text.length));
  return { text, data: undefined, ok: false, findings: [finding], locator: described.locator };
}

export function loadBytes(bytes: Uint8Array): LoadedFile {
  const { text, invalidAt } = decodeText(bytes);
  const loaded = loadText(text);
  if (invalidAt === null) return loaded;
  const finding = syntaxFinding('the file is not valid UTF-8; save it as UTF-8', rangeFromOffsets(lineIndex(text), invalidAt, invalidAt + 1, text.length));
  return { ...loaded, ok: false, data: undefined, findings: [finding, ...loaded.findings] };
}
