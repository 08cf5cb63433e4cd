/**
 * What every input must satisfy, whatever it holds: shared by the hostile
 * corpus, the fuzz properties and the YAML test suite run.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CheckResult, Finding } from '../src/findings.js';
import { COVERAGE_STATUSES, SEVERITIES } from '../src/findings.js';
import { FORMATTERS } from '../src/format/index.js';
import { CI_MARKER, RAW_CONTROL } from './helpers.js';

const position = { type: 'integer', minimum: 1 };
const finding = {
  type: 'object',
  required: ['ruleId', 'severity', 'message', 'path', 'line', 'column', 'endLine', 'endColumn'],
  properties: {
    ruleId: { type: 'string', minLength: 1 },
    severity: { enum: [...SEVERITIES] },
    message: { type: 'string', minLength: 1 },
    path: { type: 'string', pattern: '^(/[\\s\\S]*)?$' },
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    role: { type: 'string' },
    responsibility: { type: 'string' },
    members: { type: 'array', items: { type: 'string' } },
  },
};
const count = { type: 'integer', minimum: 0 };

/** The JSON output as docs/json.md documents it. Fields may be added, never removed or retyped. */
export const OUTPUT_SHAPE = {
  type: 'object',
  required: ['version', 'files', 'summary'],
  properties: {
    version: { const: 1 },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'findings', 'suppressed', 'coverage'],
        properties: {
          file: { type: 'string' },
          findings: { type: 'array', items: finding },
          suppressed: {
            type: 'array',
            items: {
              type: 'object',
              allOf: [finding],
              required: ['suppression'],
              properties: {
                suppression: {
                  type: 'object',
                  required: ['reason', 'exception'],
                  properties: { reason: { type: 'string' }, approvedBy: { type: 'string' }, expires: { type: 'string' }, exception: { type: 'string' } },
                },
              },
            },
          },
          coverage: {
            type: 'array',
            items: {
              type: 'object',
              required: ['responsibility', 'role', 'status', 'members', 'via'],
              properties: {
                responsibility: { type: 'string' },
                role: { type: 'string' },
                status: { enum: [...COVERAGE_STATUSES] },
                members: { type: 'array', items: { type: 'string' } },
                via: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    },
    summary: {
      type: 'object',
      required: ['files', 'errors', 'warnings', 'infos'],
      properties: { files: count, errors: count, warnings: count, infos: count },
    },
  },
};

const validateShape = new Ajv2020({ allErrors: true, strict: true }).compile<CheckResult>(OUTPUT_SHAPE);

/** Whether a parsed JSON output has the documented shape (a type guard for tests that read it). */
export function isDocumentedOutput(output: unknown): output is CheckResult {
  return validateShape(output);
}

/** Problems with the JSON output's shape and its own consistency; empty when it is as documented. */
export function shapeProblems(output: unknown): string[] {
  if (!validateShape(output)) return (validateShape.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? e.keyword}`);
  const result = output;
  const problems: string[] = [];
  const all = result.files.flatMap((f) => f.findings);
  const counted = { errors: 0, warnings: 0, infos: 0 };
  for (const f of all) counted[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  if (result.summary.files !== result.files.length) problems.push(`summary.files ${result.summary.files} != ${result.files.length}`);
  for (const key of ['errors', 'warnings', 'infos'] as const) {
    if (result.summary[key] !== counted[key]) problems.push(`summary.${key} ${result.summary[key]} != ${counted[key]}`);
  }
  return problems;
}

/**
 * Findings whose range is not inside the text: line within the file, column
 * at most one past the end of its line, end not before start. Lines are split
 * on LF; columns count UTF-16 code units, as editors and SARIF do.
 */
export function positionProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = text.split('\n');
  const inside = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1] ?? '').length + 1;
  const problems: string[] = [];
  for (const f of findings) {
    const where = `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    if (!inside(f.line, f.column)) problems.push(`${where}: start outside the file (${lines.length} lines)`);
    if (!inside(f.endLine, f.endColumn)) problems.push(`${where}: end outside the file`);
    if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`${where}: ends before it starts`);
  }
  return problems;
}

/** Azure Pipelines and TeamCity markers, which their runners read anywhere in a line. */
const OTHER_CI_MARKER = /##[a-z]+\[/i;

/** Colour codes that stylish itself writes (SGR), removed before looking for controls from the file. */
const OWN_COLOUR = /\x1b\[[0-9;]*m/g;

/**
 * Problems with text that would reach a terminal or a CI log: a raw control
 * or invisible character, a CI marker that runners execute anywhere in a
 * line, or a line that starts a GitHub workflow command other than the
 * annotations the github format writes itself (whose command part must not
 * carry text from the file, marked "pwned" in the corpus).
 */
export function outputProblems(output: string, options: { coloured?: boolean } = {}): string[] {
  const text = options.coloured ? output.replace(OWN_COLOUR, '') : output;
  const problems: string[] = [];
  const raw = RAW_CONTROL.exec(text);
  if (raw) problems.push(`raw control character U+${(raw[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, raw.index - 30), raw.index + 30))}`);
  for (const line of text.split('\n')) {
    const trimmed = line.trimStart();
    const annotation = /^::(error|warning|notice)( [^:]*)?::/.exec(trimmed);
    if (trimmed.startsWith('::') && (!annotation || /pwned/i.test(annotation[0]))) problems.push(`workflow command line: ${JSON.stringify(line.slice(0, 80))}`);
    // GitHub's runner reads a line as one command: in an annotation's message, only other runners' markers count.
    const marker = annotation ? OTHER_CI_MARKER.exec(line) : CI_MARKER.exec(line);
    if (marker) problems.push(`CI marker near ${JSON.stringify(line.slice(Math.max(0, marker.index - 30), marker.index + 30))}`);
  }
  return problems;
}

/** Every registered format, without and with colour, with the problems each output has. */
export function formatProblems(result: CheckResult, cwd: string): string[] {
  const problems: string[] = [];
  for (const [name, format] of Object.entries(FORMATTERS)) {
    for (const color of [false, true]) {
      const output = format(result, { color, cwd });
      for (const p of outputProblems(output, { coloured: color })) problems.push(`${name}${color ? ' (colour)' : ''}: ${p}`);
    }
  }
  return problems;
}
